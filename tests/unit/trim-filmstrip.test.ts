import { describe, expect, it } from 'vitest';
import { filmstripTimes, levelsIn } from '../../src/domain/clip/trimTimeline';
import { snapEdge, snapTargets } from '../../src/domain/clip/trimSnap';

describe('filmstripTimes', () => {
  it('picks the smallest round step that fits the cells, on its grid', () => {
    expect(filmstripTimes({ start: 12, end: 72 }, 6)).toEqual({ step: 10, times: [10, 20, 30, 40, 50, 60, 70] });
    expect(filmstripTimes({ start: 0, end: 3 }, 8).step).toBe(0.5);
  });

  it('keeps the same frames when the view moves a little, so they stay cached', () => {
    const a = filmstripTimes({ start: 100, end: 160 }, 6).times;
    const b = filmstripTimes({ start: 101.3, end: 161.3 }, 6).times;
    expect(a.every((t) => b.includes(t))).toBe(true);
  });

  it('gives one frame for a track too narrow for any', () => {
    expect(filmstripTimes({ start: 0, end: 30 }, 0)).toEqual({ step: 30, times: [0] });
  });
});

describe('levelsIn', () => {
  const loudness = { stepSec: 0.5, db: Float32Array.from([-120, -60, -30, 0, -6, -90]) };
  it('maps −60…0 dBFS to 0…1 over the steps the view touches', () => {
    const { from, step, levels } = levelsIn(loudness, { start: 0.6, end: 2.1 });
    expect(from).toBe(0.5);
    expect(step).toBe(0.5);
    expect(Array.from(levels, (l) => Math.round(l * 100) / 100)).toEqual([0, 0.5, 1, 0.9]);
  });
  it('is empty past the envelope', () => {
    expect(levelsIn(loudness, { start: 5, end: 8 }).levels.length).toBe(0);
  });
});

describe('trim snapping', () => {
  const pauses = [
    { start: 10, end: 12 },
    { start: 20, end: 20.6 },
  ];
  const said = [
    { start: 12.1, end: 15, text: 'This blender is great.' },
    { start: 15.2, end: 19.8, text: 'It crushes ice and' },
    { start: 21, end: 24, text: 'makes smoothies!' },
  ];

  it('a start snaps just before speech, an end just after it', () => {
    expect(snapTargets('start', pauses, []).map((t) => t.t)).toEqual([11.5, 20.3]);
    expect(snapTargets('end', pauses, []).map((t) => t.t)).toEqual([10.5, 20.3]);
  });

  it('sentence ends come from the transcript: an end after . ! ?, a start after one', () => {
    const ends = snapTargets('end', [], said);
    expect(ends.map((t) => [t.t, t.kind])).toEqual([
      [15.15, 'sentence'],
      [24.15, 'sentence'],
    ]);
    const starts = snapTargets('start', [], said).map((t) => t.t);
    // The first line opens a sentence, so does the one after "great."; not the one after "and".
    expect(starts).toEqual([11.95, 15.05]);
  });

  it('snaps to the nearest target within reach and inside the limits; a sentence wins a tie', () => {
    const targets = snapTargets('end', pauses, said);
    expect(snapEdge(15.3, targets, 0.5, 0, 100)).toEqual({ t: 15.15, kind: 'sentence' });
    expect(snapEdge(13, targets, 0.5, 0, 100)).toBeUndefined();
    expect(snapEdge(15.3, targets, 0.5, 16, 100)).toBeUndefined();
    const tie = [
      { t: 9, kind: 'pause' as const },
      { t: 11, kind: 'sentence' as const },
    ];
    expect(snapEdge(10, tie, 1, 0, 100)?.kind).toBe('sentence');
  });
});
