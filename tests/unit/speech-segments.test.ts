import { describe, expect, it } from 'vitest';
import { pcmLoudness, silentRuns, speechSegments } from '../../src/domain/speech/segments';

const RATE = 16000;

/** Synthetic audio: `speech` spans are a loud 220 Hz tone, the rest faint noise (a quiet room). */
function audio(totalSec: number, speech: Array<[number, number]>, amp = 0.3): Float32Array {
  const pcm = new Float32Array(Math.round(totalSec * RATE));
  let seed = 1;
  for (let i = 0; i < pcm.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pcm[i] = ((seed / 0x7fffffff) * 2 - 1) * 0.001;
  }
  for (const [a, b] of speech) for (let i = Math.round(a * RATE); i < Math.round(b * RATE); i++) pcm[i] = amp * Math.sin((2 * Math.PI * 220 * i) / RATE);
  return pcm;
}

describe('pcmLoudness', () => {
  it('is the RMS level per step in dBFS, silence at the floor', () => {
    const l = pcmLoudness(audio(1, [[0, 0.5]], 0.5), RATE, 0.1);
    expect(l.db.length).toBe(10);
    // A sine of amplitude 0.5 has RMS 0.5/√2 ≈ −9 dBFS.
    expect(l.db[2]).toBeCloseTo(20 * Math.log10(0.5 / Math.SQRT2), 1);
    expect(l.db[8]).toBeLessThan(-55);
    expect(pcmLoudness(new Float32Array(1600), RATE, 0.1).db[0]).toBe(-120);
  });
});

describe('speechSegments', () => {
  it('cuts at pauses, pads into them, and keeps the speech edges as parts', () => {
    const segs = speechSegments(
      audio(14, [
        [1, 3],
        [6, 8.5],
        [11, 13],
      ]),
      RATE,
    );
    expect(segs).toHaveLength(3);
    const want = [
      [1, 3],
      [6, 8.5],
      [11, 13],
    ];
    segs.forEach((s, i) => {
      const [a, b] = want[i]!;
      expect(s.parts).toHaveLength(1);
      expect(Math.abs(s.parts[0]!.start - a!)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(s.parts[0]!.end - b!)).toBeLessThanOrEqual(0.05);
      expect(s.start).toBeCloseTo(s.parts[0]!.start - 0.3, 3);
      expect(s.end).toBeCloseTo(s.parts[0]!.end + 0.3, 3);
    });
  });

  it('keeps words apart by short gaps in one part, and joins utterances a short pause apart into one segment', () => {
    const words: Array<[number, number]> = [
      [1, 1.4],
      [1.55, 2],
      [2.15, 2.6],
    ];
    const one = speechSegments(audio(4, words), RATE);
    expect(one).toHaveLength(1);
    expect(one[0]!.parts).toHaveLength(1);
    const joined = speechSegments(
      audio(9, [
        [1, 4],
        [5, 8],
      ]),
      RATE,
    );
    expect(joined).toHaveLength(1);
    expect(joined[0]!.parts.map((p) => [Math.round(p.start * 10) / 10, Math.round(p.end * 10) / 10])).toEqual([
      [1, 4],
      [5, 8],
    ]);
  });

  it('does not join past the target length', () => {
    const segs = speechSegments(
      audio(22, [
        [1, 10],
        [11, 20],
      ]),
      RATE,
    );
    expect(segs).toHaveLength(2);
  });

  it('splits speech longer than 20 s at its quietest moment, every piece at most 20 s', () => {
    // 50 s of talk without a pause, with softer moments at 18 s and 35 s.
    const pcm = audio(50, [[0, 50]]);
    for (const dip of [18, 35]) for (let i = dip * RATE; i < (dip + 0.1) * RATE; i++) pcm[i]! *= 0.05;
    const segs = speechSegments(pcm, RATE);
    const parts = segs.flatMap((s) => s.parts);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(p.end - p.start).toBeLessThanOrEqual(20 + 1e-9);
    const cuts = parts.slice(1).map((p) => p.start);
    expect(cuts.some((t) => Math.abs(t - 18) <= 0.15)).toBe(true);
    expect(cuts.some((t) => Math.abs(t - 35) <= 0.15)).toBe(true);
    for (const s of segs) expect(s.end - s.start).toBeLessThanOrEqual(20 + 0.6);
  });

  it('finds nothing in silence, and drops a lone click', () => {
    expect(speechSegments(audio(5, []), RATE)).toEqual([]);
    expect(speechSegments(audio(5, [[2, 2.1]]), RATE)).toEqual([]);
  });

  it('never overlaps, and stays inside the audio', () => {
    const segs = speechSegments(
      audio(6, [
        [0, 1],
        [1.8, 2.5],
        [3.9, 6],
      ]),
      RATE,
    );
    for (const [i, s] of segs.entries()) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(6);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(segs[i - 1]!.end);
    }
  });
});

describe('pauses from a speech detector', () => {
  const FRAME = 512 / RATE;
  /** Probabilities per 32 ms frame: speech (0.9) in the given [start, end) seconds, else 0.05. */
  const detected = (total: number, speech: Array<[number, number]>) => ({
    probs: Float32Array.from({ length: Math.ceil(total / FRAME) }, (_, f) => (speech.some(([a, b]) => f * FRAME >= a && f * FRAME < b) ? 0.9 : 0.05)),
    frameSec: FRAME,
  });

  it('silent runs start where the probability falls under 0.35 and end where it reaches 0.5 again', () => {
    const probs = Float32Array.from([0.9, 0.6, 0.4, 0.3, 0.2, 0.45, 0.55, 0.9, 0.1, 0.1]);
    expect(silentRuns({ probs, frameSec: 0.1 }, 0.2)).toEqual([
      { start: expect.closeTo(0.3, 6), end: expect.closeTo(0.6, 6) },
      { start: expect.closeTo(0.8, 6), end: expect.closeTo(1, 6) },
    ]);
  });

  it('under music at −15 dB, where loudness finds no pause, the detector’s pauses cut the utterances', () => {
    // Ten seconds of steady "music" at −15 dB with speech over it at 0.5–3 s and 6–9 s.
    const pcm = Float32Array.from({ length: 10 * RATE }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 220 * i) / RATE));
    expect(speechSegments(pcm, RATE)).toHaveLength(1);
    const segs = speechSegments(
      pcm,
      RATE,
      {},
      detected(10, [
        [0.5, 3],
        [6, 9],
      ]),
    );
    expect(segs).toHaveLength(2);
    expect(segs[0]!.parts[0]!.start).toBeCloseTo(0.5, 1);
    expect(segs[0]!.parts.at(-1)!.end).toBeCloseTo(3, 1);
    expect(segs[1]!.parts[0]!.start).toBeCloseTo(6, 1);
    expect(segs[1]!.parts.at(-1)!.end).toBeCloseTo(9, 1);
  });

  it('music’s onset heard as speech for a few frames starts no utterance', () => {
    // Music from 0 s; the detector hears "speech" at 0.26–0.38 s (a beat), the voice from 1.1 s.
    const pcm = Float32Array.from({ length: 6 * RATE }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 220 * i) / RATE));
    const segs = speechSegments(
      pcm,
      RATE,
      {},
      detected(6, [
        [0.26, 0.38],
        [1.1, 4],
      ]),
    );
    expect(segs).toHaveLength(1);
    expect(segs[0]!.parts[0]!.start).toBeCloseTo(1.1, 1);
  });
});
