/**
 * Is a replacement click log clearly wrong? A log that parses can still be the wrong one, or a
 * broken export, and replacing a good log with it loses the project's highlights. Two rules,
 * each a plain fact about the new log, ask the user first:
 *
 * 1. **Outside the recording**: with the project's time base applied (its stream start, or the
 *    new log's own, and its offset), none of the new log's events falls inside the recording
 *    (0 to its duration): all are before it starts or after it ends. Such a log yields no
 *    highlight. (A log with clock times and no known stream start is not judged: the app asks
 *    for the start.)
 * 2. **Rows lost**: fewer than half of the file's rows were used. Rows rejected, and lines an
 *    unclosed quote swallowed into one row, count as lost; dropped duplicates and stream-start
 *    rows count as used.
 *
 * Not a rule: having no product in common with the current log. Replacing the wrong stream's
 * log with the right one is exactly that, and a normal replacement; it is shown beside the
 * problems, not asked about on its own. Neither is a smaller log: an edited log may well be.
 */
import type { ClickLog, RejectedRow } from './model';
import { formatClock } from '../format';
import { resolveTimes } from './resolve';
import type { LogCoverage } from './result';

export interface LogFacts {
  fileName: string;
  events: number;
  products: number;
  /** First and last event on the recording's clock (seconds); null without events or without a known stream start. */
  span: { first: number; last: number } | null;
  /** Events inside the recording, before its start, after its end (all 0 when `span` is null). */
  inside: number;
  before: number;
  after: number;
}

export type ReplacementProblemCode = 'outside-recording' | 'rows-lost';

export interface ReplacementProblem {
  code: ReplacementProblemCode;
  message: string;
}

export interface ReplacementCheck {
  current: LogFacts;
  next: LogFacts;
  /** Product ids both logs have. */
  commonProducts: number;
  /** Empty: replace without asking. */
  problems: ReplacementProblem[];
}

/** How a log's times land on the recording. */
export interface LogTimeBase {
  /** The stream start that applies to this log (the project's, else the log's own, …), epoch ms. */
  streamStartMs: number | undefined;
  offsetSec: number;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** A recording time, signed: "−0:05" before the start. */
export const clockOf = (sec: number): string => (sec < 0 ? `−${formatClock(-sec, false)}` : formatClock(sec, false));

/** What a log holds and where its events fall on a recording of `durationSec`. */
export function logFacts(log: ClickLog, durationSec: number, base: LogTimeBase): LogFacts {
  const facts: LogFacts = {
    fileName: log.fileName,
    events: log.events.time.length,
    products: log.products.length,
    span: null,
    inside: 0,
    before: 0,
    after: 0,
  };
  const times = resolveTimes(log.events, base.streamStartMs);
  if (!times || times.length === 0) return facts;
  let first = Infinity;
  let last = -Infinity;
  for (const raw of times) {
    const t = raw - base.offsetSec;
    if (t < first) first = t;
    if (t > last) last = t;
    if (t < 0) facts.before++;
    else if (t >= durationSec) facts.after++;
    else facts.inside++;
  }
  facts.span = { first, last };
  return facts;
}

function outsideMessage(next: LogFacts, durationSec: number): string {
  const span = next.span ? ` (its events run from ${clockOf(next.span.first)} to ${clockOf(next.span.last)})` : '';
  const where =
    next.before === 0
      ? `${next.events === 1 ? 'it is' : `all ${plural(next.events, 'event')} are`} after the recording ends`
      : next.after === 0
        ? `${next.events === 1 ? 'it is' : `all ${plural(next.events, 'event')} are`} before the recording starts`
        : `${next.before.toLocaleString('en-US')} are before the recording starts and ${next.after.toLocaleString('en-US')} after it ends`;
  return (
    `None of its events falls inside the ${clockOf(durationSec)} recording: ${where}${span}. ` +
    'It may be the log of another stream, or the stream start may be wrong; it would give no highlights.'
  );
}

function lostMessage(coverage: LogCoverage, rejected: readonly RejectedRow[]): string {
  const first = rejected[0];
  const cause = first ? ` First problem${first.line !== undefined ? `, line ${first.line}` : ''}: ${first.reason}.` : '';
  return `Only ${coverage.used.toLocaleString('en-US')} of the file's ${plural(coverage.rows, 'row')} could be read; the rest were skipped.${cause}`;
}

/**
 * Compare a replacement log with the current one and apply the rules above. `coverage` and
 * `rejected` are the replacement's parse result's.
 */
export function checkReplacement(args: {
  current: ClickLog;
  next: ClickLog;
  coverage: LogCoverage;
  durationSec: number;
  currentBase: LogTimeBase;
  nextBase: LogTimeBase;
}): ReplacementCheck {
  const { current, next, coverage, durationSec } = args;
  const currentFacts = logFacts(current, durationSec, args.currentBase);
  const nextFacts = logFacts(next, durationSec, args.nextBase);
  const ids = new Set(current.products.map((p) => p.id));
  const commonProducts = next.products.reduce((n, p) => n + (ids.has(p.id) ? 1 : 0), 0);
  const problems: ReplacementProblem[] = [];
  if (nextFacts.span !== null && nextFacts.inside === 0) problems.push({ code: 'outside-recording', message: outsideMessage(nextFacts, durationSec) });
  if (coverage.used * 2 < coverage.rows) problems.push({ code: 'rows-lost', message: lostMessage(coverage, next.rejected) });
  return { current: currentFacts, next: nextFacts, commonProducts, problems };
}
