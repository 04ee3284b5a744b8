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

  it('keeps a product name whole on one line, and breaks elsewhere', () => {
    const text = 'If you missed the Nuvori Hydra Cream 50 ml it is still $32 in the bag.';
    const plain = cueTexts(text).flatMap((t) => t.split('\n'));
    expect(plain.some((l) => l.includes('Nuvori Hydra Cream 50 ml'))).toBe(false);
    const kept = cueTexts(text, CUE_LINE_CHARS, 2, ['Nuvori Hydra Cream 50 ml']).flatMap((t) => t.split('\n'));
    expect(kept.some((l) => l.includes('Nuvori Hydra Cream 50 ml'))).toBe(true);
    expect(kept.join(' ')).toBe(text);
  });
});

describe('speechCues', () => {
  it('shares time by the words as said: a price in figures takes the time of its spoken syllables', () => {
    const [price] = speechCues([{ start: 0, end: 4, parts: [{ start: 0, end: 4 }], text: 'Today it is only $24.99. Tap the link now.' }]);
    // "Today it is only twenty four ninety nine." is 13 of 17 syllables said (written, "$24.99" would be one word).
    expect(price!.end).toBeCloseTo((4 * 13) / 17, 2);
  });

  it('spreads a segment over its cues by syllables, back to back, from the speech start to its end', () => {
    const text = 'Okay, first up is our best seller, the Glow Serum. Tap the pin.';
    const cues = speechCues([{ start: 0.7, end: 5.3, parts: [{ start: 1, end: 5 }], text }]);
    expect(cues.length).toBeGreaterThanOrEqual(2);
    expect(cues[0]!.start).toBe(1);
    expect(cues[cues.length - 1]!.end).toBe(5);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBe(cues[i - 1]!.end);
    // The short last sentence gets the least time.
    const last = cues[cues.length - 1]!;
    expect(last.text).toBe('Tap the pin.');
    // 3 of its 16 syllables.
    expect(last.end - last.start).toBeCloseTo((4 * 3) / 16, 2);
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
