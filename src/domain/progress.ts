/** Progress of a long job as shown to the user. */
export interface JobProgress {
  /** 0..1 */
  ratio: number;
  /** Seconds left, or NaN until there is enough to estimate. */
  etaSec: number;
}

/** Estimates time left from elapsed time and ratio done; needs a little progress first. */
export function estimate(ratio: number, elapsedSec: number): JobProgress {
  const r = Math.min(1, Math.max(0, ratio));
  const etaSec = r > 0.02 && elapsedSec > 0.2 ? (elapsedSec * (1 - r)) / r : Number.NaN;
  return { ratio: r, etaSec };
}
