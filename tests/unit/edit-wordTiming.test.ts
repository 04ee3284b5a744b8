import { describe, expect, it } from 'vitest';
import { syllables, wordIndexAt, wordTimes } from '../../src/domain/edit/wordTiming';

describe('syllables', () => {
  it('counts vowel groups, less a silent final e', () => {
    expect(syllables('scarf')).toBe(1);
    expect(syllables('make')).toBe(1);
    expect(syllables('table')).toBe(2);
    expect(syllables('beautiful')).toBe(3);
    expect(syllables('Silk,')).toBe(1);
    expect(syllables('the')).toBe(1);
    expect(syllables('café')).toBe(2);
  });

  it('counts characters for words without Latin letters, at least 1', () => {
    expect(syllables('24.99')).toBe(4);
    expect(syllables('今日は')).toBe(3);
    expect(syllables('—')).toBe(1);
  });
});

describe('wordTimes', () => {
  it('shares the cue out by syllables, tiling it without gaps', () => {
    const words = wordTimes({ start: 10, end: 14, text: 'Beautiful silk\nscarf' });
    expect(words.map((w) => w.text)).toEqual(['Beautiful', 'silk', 'scarf']);
    // 3 + 1 + 1 syllables over 4 s.
    expect(words.map((w) => [w.start, w.end])).toEqual([
      [10, 12.4],
      [12.4, 13.2],
      [13.2, 14],
    ]);
    expect(words.map((w) => w.index)).toEqual([0, 10, 15]);
  });

  it('gives a one-word cue the whole cue, and no words to an empty one', () => {
    expect(wordTimes({ start: 1, end: 2, text: 'Hi' })).toEqual([{ text: 'Hi', index: 0, start: 1, end: 2 }]);
    expect(wordTimes({ start: 1, end: 2, text: '  ' })).toEqual([]);
  });

  it('keeps the last word ending exactly at the cue end', () => {
    const words = wordTimes({ start: 0.1, end: 3.337, text: 'one two three four five six seven' });
    expect(words.at(-1)?.end).toBe(3.337);
    for (let i = 1; i < words.length; i++) expect(words[i]?.start).toBe(words[i - 1]?.end);
  });
});

describe('wordIndexAt', () => {
  const words = wordTimes({ start: 0, end: 3, text: 'a b c' });
  it('finds the word spoken at t, clamped to the cue', () => {
    expect(wordIndexAt(words, -1)).toBe(0);
    expect(wordIndexAt(words, 0.5)).toBe(0);
    expect(wordIndexAt(words, 1)).toBe(1);
    expect(wordIndexAt(words, 2.9)).toBe(2);
    expect(wordIndexAt(words, 5)).toBe(2);
    expect(wordIndexAt([], 1)).toBe(-1);
  });
});
