/**
 * Word error rate: word-level edit distance (substitutions + deletions + insertions) over the
 * number of reference words, after lowercasing and stripping punctuation. For tests and the bench;
 * the edit distance also measures how alike heard words and product names sound (vocabulary.ts).
 */

/** Lowercased words without punctuation ("Don't!" → "dont"; "$24.99" → "2499"). */
export function werWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Levenshtein distance between two sequences (words, letters): substitutions + deletions + insertions. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  // One row of the table at a time.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** WER of `hypothesis` against `reference`; 0 for two empty texts, 1 per word for an empty reference. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = werWords(reference);
  const hyp = werWords(hypothesis);
  if (ref.length === 0) return hyp.length;
  return editDistance(ref, hyp) / ref.length;
}
