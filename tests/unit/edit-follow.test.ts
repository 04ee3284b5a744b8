// A stored edit follows its clip's trim and product link (src/domain/edit/follow.ts).
import { describe, expect, it } from 'vitest';
import type { ClipFacts } from '../../src/domain/clip/override';
import type { Cue } from '../../src/domain/edit/captions';
import { followClip } from '../../src/domain/edit/follow';
import { autoEdit, type ClipEdit } from '../../src/domain/edit/model';

const mug = { id: 'P1', name: 'Red Mug', price: '12.00' };
const vase = { id: 'X9', name: 'Green Vase Deluxe', price: '30' };
const ctx = { hashtags: ['shop'] };
const before: ClipFacts = { start: 100, end: 120, product: mug };
const made = (facts: ClipFacts, transcript?: Cue[]) =>
  autoEdit({ pick: facts, product: facts.product, hashtags: ctx.hashtags, ...(transcript && { transcript }) });

describe('followClip', () => {
  it('leaves an edit made for this very clip as it is', () => {
    const edit = made(before);
    expect(followClip(edit, before, ctx, before)).toBe(edit);
  });

  it('an untouched auto-edit becomes the new clip’s auto-edit, keeping what the user set', () => {
    const edit: ClipEdit = { ...made(before), music: { enabled: false, trackId: 'beat-loop', volume: 0.2 }, reframe: 'crop' };
    const now = { start: 105, end: 130, product: vase };
    const followed = followClip(edit, now, ctx, before);
    const fresh = made(now);
    expect(followed.intro).toEqual(fresh.intro);
    expect(followed.captions).toEqual(fresh.captions);
    expect(followed.post).toBe(fresh.post);
    expect(followed.post).toContain('Green Vase Deluxe');
    expect(followed.madeFor).toEqual(now);
    // A clip object passed as the facts leaves only its facts in the stored edit.
    expect(followClip(edit, { ...now, rank: 3, key: 'P1#1' } as ClipFacts, ctx, before).madeFor).toEqual(now);
    // The user's choices stay.
    expect(followed.music).toEqual(edit.music);
    expect(followed.reframe).toBe('crop');
  });

  it('the intro card names the linked product even when the user had typed over it; typed texts get the new name', () => {
    const auto = made(before);
    const edit: ClipEdit = {
      ...auto,
      intro: { ...auto.intro, name: 'MUG!!' },
      captions: { ...auto.captions, cues: [{ start: 3, end: 6, text: 'Look at this Red Mug for $12.00' }] },
      post: 'Our Red Mug is back',
    };
    const followed = followClip(edit, { ...before, product: vase }, ctx, before);
    expect(followed.intro).toMatchObject({ name: 'Green Vase Deluxe', price: '$30' });
    expect(followed.captions.cues).toEqual([{ start: 3, end: 6, text: 'Look at this Green Vase Deluxe for $30' }]);
    expect(followed.post).toBe('Our Green Vase Deluxe is back');
  });

  it('a trim keeps edited cues and stickers on their moment of the recording; whole-clip ones span the new clip', () => {
    const auto = made(before);
    const edit: ClipEdit = {
      ...auto,
      captions: {
        ...auto.captions,
        cues: [
          { start: 1, end: 4, text: 'gone' },
          { start: 6, end: 9, text: 'cut' },
          { start: 12, end: 15, text: 'moved' },
        ],
      },
      stickers: [
        { ...auto.stickers[0]!, key: 'whole', from: 0, to: 20 },
        { ...auto.stickers[0]!, key: 'late', from: 16, to: 18 },
        { ...auto.stickers[0]!, key: 'early', from: 0.5, to: 3 },
      ],
      cropPins: [
        { t: 2, x: 0 },
        { t: 12, x: 1 },
      ],
    };
    // 8 s later start, 5 s later end.
    const followed = followClip(edit, { start: 108, end: 125, product: mug }, ctx, before);
    expect(followed.cropPins).toEqual([
      { t: -6, x: 0 },
      { t: 4, x: 1 },
    ]);
    expect(followed.captions.cues).toEqual([
      { start: 0, end: 1, text: 'cut' },
      { start: 4, end: 7, text: 'moved' },
    ]);
    expect(followed.stickers.map((s) => [s.key, s.from, s.to])).toEqual([
      ['whole', 0, 17],
      ['late', 8, 10],
    ]);
    expect(followed.intro.name).toBe('Red Mug');
  });

  it('transcript captions left as made are taken again from the transcript for the new range', () => {
    const transcript: Cue[] = [
      { start: 95, end: 99, text: 'earlier words' },
      { start: 101, end: 104, text: 'first' },
      { start: 118, end: 123, text: 'last' },
    ];
    const edit = made(before, transcript);
    const followed = followClip(edit, { start: 94, end: 120, product: mug }, { ...ctx, transcript }, before);
    expect(followed.captions.cues.map((c) => c.text)).toEqual(['earlier words', 'first', 'last']);
    expect(followed.captions.cues[0]).toEqual({ start: 1, end: 5, text: 'earlier words' });
  });

  it('an edit saved before trims existed is taken as made for the selection’s pick', () => {
    const { madeFor: _, ...legacy } = made(before);
    const same = followClip(legacy, before, ctx, before);
    expect(same.madeFor).toEqual(before);
    expect(same.intro).toEqual(legacy.intro);
    const trimmed = followClip(legacy, { ...before, end: 110 }, ctx, before);
    expect(trimmed.stickers[0]).toMatchObject({ from: 0, to: 10 });
  });
});
