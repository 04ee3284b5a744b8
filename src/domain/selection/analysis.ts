import { EVENT_KINDS, type ClickLog } from '../clicklog/model';
import { weightOf, type Highlight, type ProductWindow, type SelectionOptions } from './model';
import { resolveTimes } from '../clicklog/resolve';
import { quietRuns, type Loudness, type QuietRun } from '../recording/loudness';
import { Selector } from './select';
import { binEvents, type TimelineBins } from './clickTimeline';

/** How log times map onto the recording. */
export interface TimeBase {
  /** Epoch ms of the recording start, for logs with absolute timestamps. */
  streamStartMs?: number;
  /** Seconds the recording started after the log's zero (subtracted from every event). */
  offsetSec: number;
}

export interface Analysis {
  picks: Highlight[];
  /** Each product's explanation windows (pinned or inferred), for the chart. */
  windows: ProductWindow[];
  timeline: TimelineBins;
  /** Events whose time falls before 0 or at/after the end of the recording: reported, not used. */
  outside: { before: number; after: number };
  /** Events inside the recording. */
  inside: number;
  /** Whether boundaries could be snapped (the recording's loudness was measured). */
  snapping: boolean;
  /** Products with a highlight that the clip count leaves out. */
  hiddenProducts: number;
}

export class NeedsStreamStartError extends Error {
  // A literal type, so the analysis protocol's code for it is checked against it.
  override readonly name = 'NeedsStreamStartError' as const;
}

/** Everything the highlights view needs from a log, a recording and the user's settings. */
export function analyse(log: ClickLog, durationSec: number, timeBase: TimeBase, options: SelectionOptions, loudness?: Loudness): Analysis {
  return new LogAnalyser(log).run(durationSec, timeBase, options, loudness);
}

/**
 * `analyse` for one log, run again and again as the settings change (in the worker, where the
 * log stays). What only the time base, the duration, the set of scored kinds or the loudness
 * decide is kept from the previous run (and the selector keeps its windows while only weights
 * change), so a weight or length change pays for selection only.
 */
export class LogAnalyser {
  readonly #times = lastOf<string, Float64Array | null>();
  readonly #outside = lastOf<string, { before: number; after: number }>();
  readonly #timeline = lastOf<string, TimelineBins>();
  readonly #selector = lastOf<string, Selector>();
  readonly #quiet = lastOf<Loudness | undefined, QuietRun[] | undefined>();

  constructor(readonly log: ClickLog) {}

  run(durationSec: number, timeBase: TimeBase, options: SelectionOptions, loudness?: Loudness): Analysis {
    const { log } = this;
    const start = timeBase.streamStartMs ?? log.streamStartMs;
    const timeKey = `${start}|${timeBase.offsetSec}`;
    const time = this.#times(timeKey, () => {
      const resolved = resolveTimes(log.events, start);
      return resolved && timeBase.offsetSec ? resolved.map((t) => t - timeBase.offsetSec) : resolved;
    });
    if (!time) throw new NeedsStreamStartError('The log uses absolute timestamps: set when the recording started.');
    const spanKey = `${timeKey}|${durationSec}`;
    const outside = this.#outside(spanKey, () => countOutside(time, durationSec));
    const { kind, product } = log.events;
    const quiet = this.#quiet(loudness, () => loudness && quietRuns(loudness));
    const selector = this.#selector(
      spanKey,
      () => new Selector({ products: log.products, time, kind, product, durationSec, coarseClicks: log.signals?.source === 'interval' }),
    );
    const { picks, windows, hiddenProducts } = selector.select(options, quiet);
    // The chart counts events of the scored kinds: how much each weighs does not change it.
    const scoredKind = EVENT_KINDS.map((k) => weightOf(options.weights, k) > 0);
    const timeline = this.#timeline(`${spanKey}|${scoredKind.join()}`, () => binEvents(time, product, (i) => scoredKind[kind[i]!]!, durationSec));
    return { picks, windows, hiddenProducts, timeline, outside, inside: time.length - outside.before - outside.after, snapping: quiet !== undefined };
  }
}

function countOutside(time: Float64Array, durationSec: number) {
  let before = 0;
  let after = 0;
  for (const t of time) {
    if (t < 0) before++;
    else if (t >= durationSec) after++;
  }
  return { before, after };
}

/** A one-entry cache: the value for the last key asked for. */
function lastOf<K, V>() {
  let last: { key: K; value: V } | undefined;
  return (key: K, make: () => V): V => {
    if (!last || last.key !== key) last = { key, value: make() };
    return last.value;
  };
}
