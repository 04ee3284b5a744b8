/** Progress of a long job as its work reports it. */
export interface JobProgress {
  /** 0..1 */
  ratio: number;
}

/**
 * How fast a job goes, for its time left. The rate is an exponentially smoothed average of
 * progress per second, weighted by the time each report covers, so a burst of reports or a slow
 * stretch moves the estimate gradually instead of freezing it and then jumping.
 */
export interface Pace {
  startSec: number;
  lastSec: number;
  lastRatio: number;
  /** Ratio per second; NaN until a report has come after some time has passed. */
  rate: number;
}

/** Seconds over which older reports fade from the rate. */
const SMOOTHING_SEC = 5;
/** Too early to tell: the time left stays hidden below this much progress or time. */
const MIN_RATIO = 0.02;
const MIN_SEC = 1;

export const startPace = (nowSec: number): Pace => ({ startSec: nowSec, lastSec: nowSec, lastRatio: 0, rate: Number.NaN });

export const clampRatio = (ratio: number) => Math.min(1, Math.max(0, ratio));

/** A first report this soon after the start is work done before it (a resumed batch), not speed. */
const BASELINE_SEC = 0.1;

/** The pace after a report of `ratio` done at `nowSec`. */
export function advance(pace: Pace, ratio: number, nowSec: number): Pace {
  const dt = nowSec - pace.lastSec;
  const first = Number.isNaN(pace.rate) && pace.lastSec === pace.startSec;
  if (dt <= 0 || (first && dt < BASELINE_SEC)) return { ...pace, lastRatio: ratio };
  // A ratio going back (an engine starting over) counts as no progress, not negative speed.
  const rate = Math.max(0, ratio - pace.lastRatio) / dt;
  const weight = Number.isNaN(pace.rate) ? 1 : 1 - Math.exp(-dt / SMOOTHING_SEC);
  return { ...pace, lastSec: nowSec, lastRatio: ratio, rate: Number.isNaN(pace.rate) ? rate : pace.rate + weight * (rate - pace.rate) };
}

/** Seconds left at this pace, or NaN until there is enough to estimate. */
export function secondsLeft(pace: Pace): number {
  const enough = pace.lastRatio >= MIN_RATIO && pace.lastSec - pace.startSec >= MIN_SEC && pace.rate > 0;
  return enough ? (1 - pace.lastRatio) / pace.rate : Number.NaN;
}

/**
 * The time left now, counting down from the last estimate (made at `etaAtSec`) between reports,
 * so it never stands still while work goes on. At or below 0 the job has run past its estimate:
 * the UI says so rather than jump to a guess. NaN while there is no estimate.
 */
export function liveSecondsLeft(etaSec: number, etaAtSec: number, nowSec: number): number {
  if (Number.isNaN(etaSec) || Number.isNaN(etaAtSec)) return Number.NaN;
  return etaSec - Math.max(0, nowSec - etaAtSec);
}
