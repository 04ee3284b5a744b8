import { EVENT_KINDS, type ClickLog, type Pick, type ProductWindow, type SelectionOptions } from './events';
import { resolveTimes } from './clicklog/resolve';
import { quietRuns, type Loudness } from './loudness';
import { selectHighlights } from './selection/select';
import { binEvents, type TimelineBins } from './timeline';

/** How log times map onto the recording. */
export interface TimeBase {
  /** Epoch ms of the recording start, for logs with absolute timestamps. */
  streamStartMs?: number;
  /** Seconds the recording started after the log's zero (subtracted from every event). */
  offsetSec: number;
}

export interface Analysis {
  picks: Pick[];
  /** Each product's explanation windows (pinned or inferred), for the chart. */
  windows: ProductWindow[];
  timeline: TimelineBins;
  /** Events whose time falls before 0 or at/after the end of the recording: reported, not used. */
  outside: { before: number; after: number };
  /** Events inside the recording. */
  inside: number;
  /** Whether boundaries could be snapped (the recording's loudness was measured). */
  snapping: boolean;
}

export class NeedsStreamStartError extends Error {
  override name = 'NeedsStreamStartError';
}

/** Everything the highlights view needs from a log, a recording and the user's settings. */
export function analyse(
  log: ClickLog,
  durationSec: number,
  timeBase: TimeBase,
  options: SelectionOptions,
  loudness?: Loudness,
): Analysis {
  const resolved = resolveTimes(log.events, timeBase.streamStartMs ?? log.streamStartMs);
  if (!resolved) throw new NeedsStreamStartError('The log uses absolute timestamps: set when the recording started.');
  const time = timeBase.offsetSec ? resolved.map((t) => t - timeBase.offsetSec) : resolved;
  let before = 0;
  let after = 0;
  for (const t of time) {
    if (t < 0) before++;
    else if (t >= durationSec) after++;
  }
  const { kind, product } = log.events;
  const quiet = loudness ? quietRuns(loudness) : undefined;
  const { picks, windows } = selectHighlights({ products: log.products, time, kind, product, durationSec }, options, quiet);
  const scoredKind = EVENT_KINDS.map((k) => options.weights[k] > 0);
  const timeline = binEvents(time, product, (i) => scoredKind[kind[i]!]!, durationSec);
  return { picks, windows, timeline, outside: { before, after }, inside: time.length - before - after, snapping: quiet !== undefined };
}
