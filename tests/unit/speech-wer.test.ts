import { describe, expect, it } from 'vitest';
import { werWords, wordErrorRate } from '../../src/domain/speech/wer';

describe('wordErrorRate', () => {
  it('ignores case and punctuation', () => {
    expect(werWords('Hi everyone, welcome back!')).toEqual(['hi', 'everyone', 'welcome', 'back']);
    expect(wordErrorRate('Hi everyone, welcome back!', 'hi Everyone welcome back')).toBe(0);
  });

  it('counts substitutions, deletions and insertions over the reference words', () => {
    expect(wordErrorRate('the glow serum today', 'the blue serum today')).toBe(0.25);
    expect(wordErrorRate('the glow serum today', 'the serum today')).toBe(0.25);
    expect(wordErrorRate('the glow serum today', 'the glow serum is here today')).toBe(0.5);
    expect(wordErrorRate('a b', 'x y z w')).toBe(2);
  });

  it('is 0 for two empty texts and the hypothesis length for an empty reference', () => {
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('…', 'two words')).toBe(2);
  });
});
