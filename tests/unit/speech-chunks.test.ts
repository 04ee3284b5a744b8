// Issue 19: the whole recording's transcription chunks (planner) and a clip's lines from them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNotDone, ownSegments, planChunks, type Chunk } from '../../src/domain/speech/chunks';
import type { TranscribedSegment } from '../../src/domain/speech/cues';
import { coversRange, rangeCues, wordCount, type ChunkText } from '../../src/domain/speech/recordingTranscript';
import { productVocabulary } from '../../src/domain/speech/vocabulary';
import type { QuietRun } from '../../src/domain/recording/loudness';

/** Chunks tile [0, duration]: contiguous, in order, indexed 0.., each owning what it reads. */
function expectTiling(chunks: Chunk[], duration: number) {
  expect(chunks[0]!.start).toBe(0);
  expect(chunks.at(-1)!.end).toBe(duration);
  for (const [i, c] of chunks.entries()) {
    expect(c.index).toBe(i);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.from).toBeLessThanOrEqual(c.start);
    expect(c.to).toBeGreaterThanOrEqual(c.end);
    if (i > 0) expect(c.start).toBe(chunks[i - 1]!.end);
  }
}

const pause = (mid: number, len = 0.6): QuietRun => ({ start: mid - len / 2, end: mid + len / 2 });
const seg = (start: number, end: number, text: string): TranscribedSegment => ({ start, end, parts: [{ start, end }], text });

describe('planChunks', () => {
  it('is one chunk for a recording up to the longest chunk, none for nothing', () => {
    expect(planChunks(45)).toEqual([{ index: 0, start: 0, end: 45, from: 0, to: 45 }]);
    expect(planChunks(0)).toEqual([]);
  });

  it('cuts in the middle of the longest pause 20–60 s after the last cut, reading no further than it owns', () => {
    const chunks = planChunks(150, [pause(10), pause(25, 0.4), pause(41, 1.2), pause(55, 0.5), pause(90), pause(100, 2)]);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 41],
      [41, 100],
      [100, 150],
    ]);
    for (const c of chunks) expect([c.from, c.to]).toEqual([c.start, c.end]);
  });

  it('without pauses cuts at fixed lengths and reads past each cut, so a word across it is heard whole', () => {
    const chunks = planChunks(100);
    expect(chunks.map((c) => [c.start, c.end, c.from, c.to])).toEqual([
      [0, 30, 0, 31],
      [30, 60, 29, 61],
      [60, 100, 59, 100],
    ]);
  });

  it('ignores gaps between words shorter than a pause', () => {
    expect(planChunks(90, [pause(40, 0.2)]).map((c) => c.end)).toEqual([30, 90]);
  });

  it('tiles any recording with chunks of 20–60 s, and gives the same chunks every time (a resume trusts an index)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 4 * 3600, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 4 * 3600, noNaN: true }), { maxLength: 400 }),
        (d, mids) => {
          const duration = Math.round(d * 1000) / 1000;
          const pauses = [...new Set(mids.map((m) => Math.round(m)))].sort((a, b) => a - b).map((m) => pause(m));
          const chunks = planChunks(duration, pauses);
          expectTiling(chunks, duration);
          for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(60 + 1e-6);
          if (duration >= 20) for (const c of chunks) expect(c.end - c.start).toBeGreaterThanOrEqual(20 - 1e-6);
          expect(planChunks(duration, pauses)).toEqual(chunks);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('plans a 3-hour stream in ~180–540 chunks', () => {
    const chunks = planChunks(3 * 3600);
    expect(chunks.length).toBeGreaterThanOrEqual(180);
    expect(chunks.length).toBeLessThanOrEqual(540);
  });
});

describe('ownSegments', () => {
  it('keeps a word heard by two chunks across a fixed cut in one of them only', () => {
    const [a, b] = planChunks(100);
    expect(b!.end).toBe(60);
    const across = seg(29.5, 30.8, 'across');
    expect(ownSegments(a!, [seg(1, 3, 'first'), across])).toEqual([seg(1, 3, 'first')]);
    expect(ownSegments(b!, [across, seg(40, 42, 'later'), seg(60.2, 61, 'next')])).toEqual([across, seg(40, 42, 'later')]);
  });
});

describe('firstNotDone', () => {
  it('is the first chunk not stored: a resume goes on from there', () => {
    expect(firstNotDone(5, new Set())).toBe(0);
    expect(firstNotDone(5, new Set([0, 1, 3]))).toBe(2);
    expect(firstNotDone(3, new Set([0, 1, 2]))).toBe(3);
  });
});

describe('a clip from the recording transcript', () => {
  const plan = planChunks(100);
  const chunks: ChunkText[] = [
    { index: 0, start: 0, end: 30, segments: [seg(2, 5, 'Hello and welcome.'), seg(20, 24, 'This mug holds tea.')] },
    { index: 1, start: 30, end: 60, segments: [seg(31, 34, 'Only nine dollars.'), seg(50, 52, 'Bye.')] },
  ];

  it('covers a range only when every chunk it touches is done', () => {
    expect(coversRange(plan, new Set([0]), { start: 5, end: 25 })).toBe(true);
    expect(coversRange(plan, new Set([0]), { start: 20, end: 40 })).toBe(false);
    expect(coversRange(plan, new Set([0, 1]), { start: 20, end: 40 })).toBe(true);
    expect(coversRange(plan, new Set([0, 1]), { start: 20, end: 20 })).toBe(false);
  });

  it('takes the segments inside the clip, in clip time, as cues', () => {
    const cues = rangeCues(chunks, { start: 18, end: 40 });
    expect(cues.map((c) => c.text.replace(/\n/g, ' '))).toEqual(['This mug holds tea.', 'Only nine dollars.']);
    expect(cues[0]!.start).toBeCloseTo(2);
    expect(cues[1]!.end).toBeCloseTo(16);
    expect(wordCount(chunks.flatMap((c) => c.segments))).toBe(11);
  });

  it('spells names and prices before cutting lines, so a name split across lines is still found', () => {
    const said: ChunkText = {
      index: 0,
      start: 0,
      end: 30,
      segments: [seg(2, 8, 'If you missed the new vory hydra cream fifty milliliters it is still thirty two dollars.')],
    };
    const vocab = productVocabulary([{ name: 'Nuvori Hydra Cream 50 ml', price: '$32' }]);
    const lines = rangeCues([said], { start: 0, end: 30 }, vocab).flatMap((c) => c.text.split('\n'));
    expect(lines.some((l) => l.includes('Nuvori Hydra Cream 50 ml'))).toBe(true);
    expect(lines.join(' ')).toContain('$32');
  });

  it('cuts a long utterance across the clip edge at its cues: the clip gets the lines spoken inside it', () => {
    const long: ChunkText = {
      index: 0,
      start: 0,
      end: 60,
      segments: [seg(10, 30, 'The first part is here. It goes on for a while. Now the clip begins with this. And it ends here.')],
    };
    const cues = rangeCues([long], { start: 20, end: 40 });
    expect(cues.map((c) => c.text.replace(/\n/g, ' '))).toEqual(['Now the clip begins with this.', 'And it ends here.']);
    for (const c of cues) {
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.end).toBeLessThanOrEqual(20);
    }
  });
});
