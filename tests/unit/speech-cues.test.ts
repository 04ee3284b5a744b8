import { describe, expect, it } from 'vitest';
import { cueTexts, speechCues, CUE_LINE_CHARS } from '../../src/domain/speech/cues';

describe('cueTexts', () => {
  it('keeps sentences apart and makes at most two short lines a cue', () => {
    const texts = cueTexts('Hi everyone. It is a light vitamin C serum that makes your skin look fresh in the morning!');
    expect(texts[0]).toBe('Hi everyone.');
    for (const t of texts) {
      const lines = t.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(CUE_LINE_CHARS);
    }
    expect(texts.join(' ').replace(/\n/g, ' ')).toBe('Hi everyone. It is a light vitamin C serum that makes your skin look fresh in the morning!');
  });

  it('gives nothing for empty text', () => {
    expect(cueTexts('  ')).toEqual([]);
  });
});

describe('speechCues', () => {
  it('spreads a segment over its cues by characters, back to back, from the speech start to its end', () => {
    const text = 'Okay, first up is our best seller, the Glow Serum. Tap the pin.';
    const cues = speechCues([{ start: 0.7, end: 5.3, parts: [{ start: 1, end: 5 }], text }]);
    expect(cues.length).toBeGreaterThanOrEqual(2);
    expect(cues[0]!.start).toBe(1);
    expect(cues[cues.length - 1]!.end).toBe(5);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBe(cues[i - 1]!.end);
    // The short last sentence gets the least time.
    const last = cues[cues.length - 1]!;
    expect(last.text).toBe('Tap the pin.');
    expect(last.end - last.start).toBeCloseTo((4 * 'Tap the pin.'.length) / (text.length - 1), 1);
  });

  it('puts a cue boundary that falls near a pause into the pause, so the pause shows no caption', () => {
    // Two sentences of equal length, spoken 1–3 s and 4–6 s.
    const cues = speechCues([
      {
        start: 0.7,
        end: 6.3,
        parts: [
          { start: 1, end: 3 },
          { start: 4, end: 6 },
        ],
        text: 'We have five deals. Stay with me now.',
      },
    ]);
    expect(cues).toEqual([
      { start: 1, end: 3, text: 'We have five deals.' },
      { start: 4, end: 6, text: 'Stay with me now.' },
    ]);
  });

  it('times a boundary inside a part by speech time, skipping the pauses', () => {
    // One long sentence (3 cues) over two parts with a pause between: no cue time falls inside the pause
    // unless a cue spans it.
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen';
    const cues = speechCues([
      {
        start: 0,
        end: 10,
        parts: [
          { start: 0, end: 2 },
          { start: 8, end: 10 },
        ],
        text,
      },
    ]);
    for (const c of cues) {
      for (const t of [c.start, c.end]) expect(t <= 2 || t >= 8).toBe(true);
      expect(c.end).toBeGreaterThan(c.start);
    }
  });

  it('gives no cue for a segment with no text', () => {
    expect(speechCues([{ start: 0, end: 2, parts: [{ start: 0, end: 2 }], text: '' }])).toEqual([]);
  });
});

describe('cueTexts balance', () => {
  it('shares a sentence that needs two cues evenly between them, not two lines and a word', () => {
    const texts = cueTexts('It makes smoothies in thirty seconds and charges with USB.');
    expect(texts).toHaveLength(2);
    const [a, b] = texts.map((t) => t.replace(/\n/g, ' ').length);
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(12);
  });
});
