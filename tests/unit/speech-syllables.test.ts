import { describe, expect, it } from 'vitest';
import { speechCues } from '../../src/domain/speech/cues';
import { syllableNuclei, syllables } from '../../src/domain/speech/syllables';

const RATE = 16000;

/** A voice as loudness sees it: a 30 ms-ramped 180 Hz burst of 120 ms per syllable at the given times, near silence between. */
function voiced(totalSec: number, syllableAt: number[]): Float32Array {
  const pcm = new Float32Array(Math.round(totalSec * RATE));
  for (let i = 0; i < pcm.length; i++) pcm[i] = 0.001 * Math.sin(i * 0.37);
  for (const t of syllableAt) {
    const from = Math.round((t - 0.06) * RATE);
    const len = Math.round(0.12 * RATE);
    for (let j = 0; j < len; j++) {
      const ramp = Math.min(1, j / (0.03 * RATE), (len - j) / (0.03 * RATE));
      pcm[from + j] = 0.3 * ramp * Math.sin((2 * Math.PI * 180 * (from + j)) / RATE);
    }
  }
  return pcm;
}

describe('syllables', () => {
  it('counts vowel groups, a silent final e dropped, numbers by their digits', () => {
    expect(['strength', 'idea', 'make', 'little', 'serum', 'the', '24', 'okay'].map(syllables)).toEqual([1, 2, 1, 2, 2, 1, 3, 2]);
  });

  it('finds one loudness peak per syllable, at its time', () => {
    const at = [0.3, 0.5, 0.7, 1.0, 1.25, 1.45];
    const found = syllableNuclei(voiced(2, at), RATE, [{ start: 0.2, end: 1.6 }]);
    expect(found).toHaveLength(at.length);
    for (const [i, t] of at.entries()) expect(found[i]).toBeCloseTo(t, 1);
  });
});

describe('caption breaks from the syllables', () => {
  // "Strength strength strength." (3 syllables, 27 characters) then "Banana banana banana." (9 syllables, 21), no pause between.
  const text = 'Strength strength strength. Banana banana banana.';
  const at = [0.3, 0.55, 0.8, ...Array.from({ length: 9 }, (_, i) => 1.1 + i * 0.22)];
  const pcm = voiced(3.2, at);
  const parts = [{ start: 0.2, end: 3.0 }];
  const nuclei = syllableNuclei(pcm, RATE, parts);

  it('break at the syllables, not at the characters: each line on its own words (±0.1 s)', () => {
    const [first, second] = speechCues([{ start: 0, end: 3.2, parts, text, nuclei }]);
    // The first sentence's last syllable is at 0.8 s, the second's first at 1.1 s.
    expect(first!.end).toBeGreaterThan(0.8);
    expect(first!.end).toBeLessThan(1.1);
    expect(second!.start).toBeGreaterThan(0.8);
    expect(second!.start).toBeLessThan(1.1);
    // Without the peaks, by the words' syllables (3 of 12): 0.9 s. By characters (27 of 48) it would be 1.8 s, inside the second sentence.
    const [bySyllables] = speechCues([{ start: 0, end: 3.2, parts, text }]);
    expect(bySyllables!.end).toBeCloseTo(0.9, 2);
  });

  it('peaks that do not match the words (under half of their syllables) fall back to characters', () => {
    const cues = speechCues([{ start: 0, end: 3.2, parts, text, nuclei: [0.5, 2] }]);
    const byChars = speechCues([{ start: 0, end: 3.2, parts, text }]);
    expect(cues).toEqual(byChars);
  });
});
