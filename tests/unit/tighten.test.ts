// Issue 23 item 2: "Tighten" cuts the pauses between words and retimes the edit onto what is left.
import { describe, expect, it } from 'vitest';
import { autoEdit, type ClipEdit } from '../../src/domain/edit/model';
import { clipDuration, makeRenderPlan, planProblems, sourceDuration, sourceTimeAt } from '../../src/domain/edit/plan';
import { DEFAULT_HASHTAGS } from '../../src/domain/edit/postText';
import { clipPauses, keptSpans, outputTimeOf, PAD_SEC, pauseCuts, playedLength, sourceTimeOf, spliceGain, voiceSplices } from '../../src/domain/edit/tighten';
import { clipCuts, playedSpans, retimeEdit, tightens, toggleCut } from '../../src/domain/edit/tightenEdit';
import type { Loudness } from '../../src/domain/recording/loudness';

/** An envelope at 0.1 s steps: speech (-20 dB) except where `quiet` says (-70 dB). */
function envelope(sec: number, quiet: Array<[number, number]>): Loudness {
  const db = new Float32Array(Math.round(sec * 10)).fill(-20);
  for (const [a, b] of quiet) db.fill(-70, Math.round(a * 10), Math.round(b * 10));
  return { stepSec: 0.1, db };
}

const clip = { start: 10, end: 30 };
const auto = (): ClipEdit => autoEdit({ pick: clip, product: { id: 'P1', name: 'Mug', price: '9.00' }, hashtags: DEFAULT_HASHTAGS });

describe('pauses and cuts', () => {
  const loudness = envelope(40, [
    [5, 12], // starts before the clip: the trim's, not a cut
    [14, 15], // 1 s
    [18, 18.4], // 0.4 s: under the threshold
    [22, 25], // 3 s, but a transcribed word sits in it
    [29, 33], // runs past the clip's end
  ]);

  it('finds the quiet runs inside the clip, with words on both sides', () => {
    const round = (spans: Array<{ start: number; end: number }>) => spans.map((p) => [p.start, Math.round(p.end * 1e6) / 1e6]);
    expect(round(clipPauses(clip, { loudness }))).toEqual([
      [14, 15],
      [18, 18.4],
      [22, 25],
    ]);
  });

  it('never cuts where a transcribed word is said', () => {
    const pauses = clipPauses(clip, { loudness, words: [{ start: 23, end: 23.5 }] });
    expect(pauses.map((p) => [p.start, Math.round(p.end * 1e6) / 1e6])).toEqual([
      [14, 15],
      [18, 18.4],
      [22, 23],
      [23.5, 25],
    ]);
  });

  it('reads the gaps between words when there is no envelope', () => {
    const words = [
      { start: 11, end: 13 },
      { start: 14, end: 16 },
      { start: 15.5, end: 17 },
    ];
    expect(clipPauses(clip, { words })).toEqual([{ start: 13, end: 14 }]);
    expect(clipPauses(clip, {})).toEqual([]);
  });

  it('cuts pauses longer than the threshold, keeping PAD_SEC either side, on the frame grid', () => {
    const cuts = pauseCuts(
      [
        { start: 14, end: 15 },
        { start: 18, end: 18.4 },
        { start: 20.01, end: 21.01 },
      ],
      clip.start,
      0.6,
      30,
    );
    expect(cuts).toHaveLength(2);
    // Inwards to the frame grid: at least PAD_SEC of the pause stays either side.
    expect(cuts[0]!.start).toBeGreaterThanOrEqual(14 + PAD_SEC);
    expect(cuts[0]!.start).toBeLessThan(14 + PAD_SEC + 1 / 30);
    expect(cuts[0]!.end).toBeLessThanOrEqual(15 - PAD_SEC);
    expect(cuts[0]!.end).toBeGreaterThan(15 - PAD_SEC - 1 / 30);
    for (const c of cuts) for (const t of [c.start, c.end]) expect(Math.abs((t - clip.start) * 30 - Math.round((t - clip.start) * 30))).toBeLessThan(1e-6);
  });
});

describe('the tightened timeline', () => {
  const spans = keptSpans(clip, [
    { start: 14, end: 15 },
    { start: 20, end: 22 },
  ]);

  it('keeps what the cuts leave, end to end', () => {
    expect(spans).toEqual([
      { start: 10, end: 14 },
      { start: 15, end: 20 },
      { start: 22, end: 30 },
    ]);
    expect(playedLength(spans)).toBe(17);
  });

  it('maps recording time to output time and back', () => {
    expect(outputTimeOf(spans, 12)).toBe(2);
    expect(outputTimeOf(spans, 14.5)).toBe(4); // inside a cut: where the next span starts
    expect(outputTimeOf(spans, 23)).toBe(10);
    for (const t of [0, 3.9, 4, 8.5, 9, 16.9]) expect(outputTimeOf(spans, sourceTimeOf(spans, t))).toBeCloseTo(t, 9);
  });

  it('plans render the spans: the short is their length, read from the whole clip', () => {
    const meta = { width: 1280, height: 720, rotation: 0, hasAudio: true, durationSec: 60 };
    const plan = makeRenderPlan(meta, clip, { width: 720, height: 1280, fps: 30 }, 'crop', 'fast', { keep: spans });
    expect(clipDuration(plan)).toBe(17);
    expect(sourceDuration(plan)).toBe(20);
    expect(sourceTimeAt(plan, 4.5)).toBe(15.5);
    expect(planProblems(plan)).toEqual([]);
    expect(planProblems({ ...plan, keep: [...spans].reverse() })).toContain('the kept spans must be in order, inside the clip');
    // One span is the whole clip: nothing is cut.
    expect(makeRenderPlan(meta, clip, plan.output, 'crop', 'fast', { keep: [clip] }).keep).toBeUndefined();
  });

  it('cross-fades the voice at each join: gains sum to one, the short keeps its length', () => {
    const rate = 48000;
    const splices = voiceSplices(spans, rate);
    const gainAt = (frame: number) => splices.reduce((g, s) => g + (frame >= s.first && frame < s.first + s.frames ? spliceGain(s, frame - s.first) : 0), 0);
    for (const f of [0, 100, 4 * rate - 500, 4 * rate - 1, 4 * rate, 4 * rate + 300, 9 * rate, 17 * rate - 1]) expect(gainAt(f)).toBeCloseTo(1, 9);
    expect(splices[0]!.first).toBe(0);
    const last = splices[splices.length - 1]!;
    expect(last.first + last.frames).toBe(17 * rate);
    // The second span starts reading a little before its cut ends: the fade's first half.
    expect(splices[1]!.from).toBeCloseTo(15 - splices[1]!.fadeIn / 2 / rate, 9);
  });
});

describe('a tightened edit', () => {
  const loudness = envelope(40, [
    [14, 15],
    [20, 22],
  ]);
  const sources = { loudness };

  it('is off unless the clip or the project turns it on', () => {
    expect(clipCuts(auto(), clip, 30, false, sources)).toEqual([]);
    expect(tightens(auto(), true)).toBe(true);
    expect(tightens({ tighten: { enabled: false } }, true)).toBe(false);
    expect(clipCuts(auto(), clip, 30, true, sources)).toHaveLength(2);
  });

  it('moves captions, stickers, pins and the intro onto the short timeline', () => {
    const edit: ClipEdit = {
      ...auto(),
      tighten: { enabled: true },
      captions: {
        ...auto().captions,
        cues: [
          { start: 1, end: 3, text: 'before' },
          { start: 4.3, end: 4.7, text: 'said in the pause' },
          { start: 6, end: 8, text: 'after' },
        ],
      },
      stickers: [{ key: 's', stickerId: 'sale', from: 5, to: 20, layout: { x: 0, y: 0, scale: 1, angle: 0 } }],
      cropPins: [
        { t: 2, x: 0.2 },
        { t: 4.4, x: 0.5 },
        { t: 4.8, x: 0.6 },
        { t: 15, x: 0.9 },
      ],
    };
    const cuts = clipCuts(edit, clip, 30, false, sources);
    const keep = playedSpans(clip, cuts)!;
    const shift1 = cuts[0]!.end - cuts[0]!.start;
    const timed = retimeEdit(edit, clip.start, keep);
    expect(timed.captions.cues.map((c) => c.text)).toEqual(['before', 'after']);
    expect(timed.captions.cues[1]!.start).toBeCloseTo(6 - shift1, 6);
    expect(timed.stickers[0]!.to).toBeCloseTo(playedLength(keep), 6);
    expect(timed.cropPins?.map((p) => p.x)).toEqual([0.2, 0.6, 0.9]);
    expect(timed.intro.durationSec).toBe(edit.intro.durationSec);
  });

  it('restores a cut the seller keeps, and cuts it again', () => {
    const edit: ClipEdit = { ...auto(), tighten: { enabled: true } };
    const [first] = clipCuts(edit, clip, 30, false, sources);
    const restored = toggleCut(edit, first!, true);
    const cuts = clipCuts(restored, clip, 30, false, sources);
    expect(cuts.map((c) => c.restored)).toEqual([true, false]);
    expect(playedSpans(clip, cuts)).toHaveLength(2);
    expect(clipCuts(toggleCut(restored, first!, false), clip, 30, false, sources).every((c) => !c.restored)).toBe(true);
    // Nothing left to cut: the clip plays whole.
    expect(
      playedSpans(
        clip,
        cuts.map((c) => ({ ...c, restored: true })),
      ),
    ).toBeUndefined();
  });
});
