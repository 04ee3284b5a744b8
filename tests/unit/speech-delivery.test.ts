import { describe, expect, it } from 'vitest';
import type { Loudness } from '../../src/domain/recording/loudness';
import { spokenSentence } from '../../src/domain/selection/explain';
import { analyse } from '../../src/domain/selection/analysis';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import { withSpokenSignals } from '../../src/domain/signals/spokenLog';
import { livelyStarts, type Utterance } from '../../src/domain/speech/delivery';
import { spokenSignals } from '../../src/domain/speech/spokenSignals';

const STEP = 0.1;
const words = (n: number, word = 'talk') => Array.from({ length: n }, () => word).join(' ');

/** Utterances 5 s apart, 4 s of speech each, `wps` words per second; the envelope at `db` inside each, silence between. */
function stream(specs: ReadonlyArray<{ wps: number; db: number; text?: string }>): { utterances: Utterance[]; loudness: Loudness } {
  const db = new Float32Array(Math.ceil((specs.length * 5) / STEP)).fill(-120);
  const utterances = specs.map((s, i) => {
    const start = i * 5;
    const end = start + 4;
    for (let k = Math.round(start / STEP); k < Math.round(end / STEP); k++) db[k] = s.db;
    return { start, end, text: s.text ?? words(Math.round(s.wps * 4)), parts: [{ start, end }] };
  });
  return { utterances, loudness: { stepSec: STEP, db } };
}

// A host's usual delivery: 2.5–3 words a second at −24 to −22 dB.
const usual = Array.from({ length: 12 }, (_, i) => ({ wps: 2.5 + (i % 3) * 0.25, db: -24 + (i % 3) }));

describe('lively utterances: faster and louder than the host usually speaks', () => {
  it('finds the one said faster and louder, not the usual ones', () => {
    const { utterances, loudness } = stream([...usual.slice(0, 6), { wps: 4, db: -16 }, ...usual.slice(6)]);
    expect(livelyStarts(utterances, loudness)).toEqual([30]);
  });

  it('faster but quieter, or louder but slower, is not lively', () => {
    const { utterances, loudness } = stream([...usual.slice(0, 6), { wps: 4, db: -28 }, { wps: 2, db: -14 }, ...usual.slice(6)]);
    expect(livelyStarts(utterances, loudness)).toEqual([]);
  });

  it('a steady voice a hair faster and louder is not lively', () => {
    const steady = Array.from({ length: 12 }, () => ({ wps: 3, db: -20 }));
    const { utterances, loudness } = stream([...steady.slice(0, 6), { wps: 3.25, db: -19 }, ...steady.slice(6)]);
    expect(livelyStarts(utterances, loudness)).toEqual([]);
  });

  it('pace is words per second of speech: the pauses inside an utterance do not slow it', () => {
    const { utterances, loudness } = stream([...usual.slice(0, 6), { wps: 4, db: -16 }, ...usual.slice(6)]);
    // The same words over 8 s with a 4 s pause in the middle: the speech is as fast as before.
    const paused = utterances.map((u) =>
      u.start === 30
        ? {
            ...u,
            end: 38,
            parts: [
              { start: 30, end: 32 },
              { start: 36, end: 38 },
            ],
          }
        : u,
    );
    loudness.db.fill(-16, 360, 380);
    expect(livelyStarts(paused, loudness)).toEqual([30]);
  });

  it('nothing until the loudness is measured', () => {
    const { utterances } = stream([...usual.slice(0, 6), { wps: 5, db: -16 }, ...usual.slice(6)]);
    expect(livelyStarts(utterances, undefined)).toEqual([]);
  });

  it('too few utterances, or too little speech in them, says nothing', () => {
    const few = stream([...usual.slice(0, 5), { wps: 4, db: -16 }]);
    expect(livelyStarts(few.utterances, few.loudness)).toEqual([]);
    const { utterances, loudness } = stream([...usual, { wps: 4, db: -16 }]);
    const short = utterances.map((u) => ({ ...u, parts: [{ start: u.start, end: u.start + 1.5 }] }));
    expect(livelyStarts(short, loudness)).toEqual([]);
  });

  it('a lively utterance inside a product talk is a weak moment signal, explained', () => {
    const specs = usual.map((u, i) => ({ ...u, text: i === 0 ? 'Here is the Glow Serum, I love it so much.' : undefined }));
    specs.splice(6, 0, { wps: 4, db: -15, text: 'Only today the Glow Serum is $24.99, tap the link and grab it now before it sells out!' });
    const { utterances, loudness } = stream(specs);
    const products = [{ id: 'P1', name: 'Glow Serum', price: '24.99' }];
    const events = spokenSignals(utterances, products, 65, loudness).events;
    expect(events.filter((e) => e.kind === 'lively')).toEqual([{ time: 30, kind: 'lively', product: 0 }]);
    expect(spokenSignals(utterances, products, 65).events.some((e) => e.kind === 'lively')).toBe(false);

    const log = withSpokenSignals(undefined, { fileName: 'p.csv', products }, utterances, 65, 0, loudness)!;
    const [pick] = analyse(log, 65, { offsetSec: 0 }, DEFAULT_SELECTION).picks;
    expect(pick?.why.spoken?.lively).toBe(30);
    expect(spokenSentence(pick!)).toMatch(/ and spoke faster and louder than usual at 0:30\.$/);
  });
});
