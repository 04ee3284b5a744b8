/**
 * Word error rate: word-level edit distance (substitutions + deletions + insertions) over the
 * number of reference words, after lowercasing and stripping punctuation. For tests and the bench.
 */

/** Lowercased words without punctuation ("Don't!" → "dont"; "$24.99" → "2499"). */
export function werWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** WER of `hypothesis` against `reference`; 0 for two empty texts, 1 per word for an empty reference. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = werWords(reference);
  const hyp = werWords(hypothesis);
  if (ref.length === 0) return hyp.length;
  // One row of the Levenshtein table at a time.
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const same = ref[i - 1] === hyp[j - 1];
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1)));
    }
    prev = row;
  }
  return prev[hyp.length]! / ref.length;
}
