import { EVENT_KINDS, type ClickLog, type Pick, type SelectionOptions } from './events';
import { resolveTimes } from './clicklog/resolve';
import { selectHighlights } from './selection';
import { binEvents, type TimelineBins } from './timeline';

export interface Analysis {
  picks: Pick[];
  timeline: TimelineBins;
  /** Events whose time falls before 0 or at/after the end of the recording: reported, not used. */
  outside: { before: number; after: number };
  /** Events inside the recording. */
  inside: number;
}

export class NeedsStreamStartError extends Error {
  override name = 'NeedsStreamStartError';
}

/** Everything the highlights view needs from a log and a recording duration. */
export function analyse(
  log: ClickLog,
  durationSec: number,
  streamStartMs: number | undefined,
  options: SelectionOptions,
): Analysis {
  const time = resolveTimes(log.events, streamStartMs ?? log.streamStartMs);
  if (!time) throw new NeedsStreamStartError('The log uses absolute timestamps: set when the recording started.');
  let before = 0;
  let after = 0;
  for (const t of time) {
    if (t < 0) before++;
    else if (t >= durationSec) after++;
  }
  const { kind, product } = log.events;
  const picks = selectHighlights({ products: log.products, time, kind, product, durationSec }, options);
  const scoredKind = EVENT_KINDS.map((k) => options.weights[k] > 0);
  const timeline = binEvents(time, product, (i) => scoredKind[kind[i]!]!, durationSec);
  return { picks, timeline, outside: { before, after }, inside: time.length - before - after };
}
