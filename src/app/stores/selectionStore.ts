/**
 * The project's highlights: selection re-run in the worker whenever its inputs change, a newer
 * run cancelling an older one, and each finished run's picks stored for the editor and shorts.
 * The last list stays on screen while newer runs replace one another.
 */
import { NeedsStreamStartError, type Analysis, type TimeBase } from '../../domain/selection/analysis';
import type { ClickLog } from '../../domain/clicklog/model';
import type { Highlight, SelectionOptions } from '../../domain/selection/model';
import type { Loudness } from '../../domain/recording/loudness';
import { CancelledError } from '../../domain/errors/mediaFailure';
import { messageOf } from '../../domain/errors/messageOf';
import { Store } from './store';

export type SelectionState =
  | { status: 'idle' }
  | { status: 'running'; last?: Analysis }
  | { status: 'done'; result: Analysis }
  | { status: 'needs-start' }
  | { status: 'error'; message: string };

/** The list to show: the finished run's, or while a newer one runs, the one before it. */
export const shownAnalysis = (s: SelectionState): Analysis | undefined => (s.status === 'done' ? s.result : s.status === 'running' ? s.last : undefined);

export interface SelectionInputs {
  log: ClickLog | undefined;
  durationSec: number;
  timeBase: TimeBase;
  options: SelectionOptions;
  loudness: Loudness | undefined;
}

/** The worker and storage, as the store uses them (src/ui/project/useSelection.ts wires the real ones). */
export interface SelectionDeps {
  select(
    log: ClickLog,
    durationSec: number,
    timeBase: TimeBase,
    options: SelectionOptions,
    loudness: Loudness | undefined,
    signal: AbortSignal,
  ): Promise<Analysis>;
  /** The worker may forget a log that was replaced or closed. */
  unload(log: ClickLog): void;
  savePicks(picks: Highlight[]): Promise<void>;
}

/** Dragging the length slider posts one run when it rests, not one per pixel. */
export const SELECTION_DEBOUNCE_MS = 120;

const sameTimeBase = (a: TimeBase, b: TimeBase) => a.offsetSec === b.offsetSec && a.streamStartMs === b.streamStartMs;
const sameInputs = (a: SelectionInputs, b: SelectionInputs) =>
  a.log === b.log && a.durationSec === b.durationSec && sameTimeBase(a.timeBase, b.timeBase) && a.options === b.options && a.loudness === b.loudness;

export class SelectionStore extends Store<{ state: SelectionState }> {
  readonly #deps: SelectionDeps;
  #inputs: SelectionInputs | undefined;
  #run: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: SelectionDeps) {
    super({ state: { status: 'idle' } });
    this.#deps = deps;
  }

  /** New inputs start a run (after the debounce); the same inputs again change nothing. */
  set(inputs: SelectionInputs): void {
    const before = this.#inputs;
    if (before && sameInputs(before, inputs)) return;
    this.#inputs = inputs;
    this.#stop();
    if (before?.log && before.log !== inputs.log) this.#deps.unload(before.log);
    const { log } = inputs;
    if (!log) {
      this.update({ state: { status: 'idle' } });
      return;
    }
    const last = shownAnalysis(this.snapshot.state);
    this.update({ state: last ? { status: 'running', last } : { status: 'running' } });
    const run = new AbortController();
    this.#run = run;
    this.#timer = setTimeout(() => void this.#select(log, inputs, run.signal), SELECTION_DEBOUNCE_MS);
  }

  /** Stops any run and lets the worker forget the log (the view closed). */
  dispose(): void {
    this.#stop();
    if (this.#inputs?.log) this.#deps.unload(this.#inputs.log);
    this.#inputs = undefined;
  }

  async #select(log: ClickLog, { durationSec, timeBase, options, loudness }: SelectionInputs, signal: AbortSignal): Promise<void> {
    try {
      const result = await this.#deps.select(log, durationSec, timeBase, options, loudness, signal);
      if (signal.aborted) return;
      this.update({ state: { status: 'done', result } });
      await this.#deps.savePicks(result.picks);
    } catch (e) {
      if (signal.aborted || e instanceof CancelledError) return;
      this.update({ state: e instanceof NeedsStreamStartError ? { status: 'needs-start' } : { status: 'error', message: messageOf(e) } });
    }
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#run?.abort();
    this.#run = undefined;
  }
}
