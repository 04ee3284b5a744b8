/**
 * "Auto-edit all clips" for one project (issue 20, point 4): the batch job, the shorts it has made
 * and where it stopped, kept outside the page, so the batch goes on (in the job tray) while you
 * work on other screens and its results are there when you come back.
 */
import type { Clip } from '../../domain/clip/override';
import type { OutputPresetId } from '../../domain/edit/output';
import type { QualityId } from '../../domain/edit/quality';
import type { EngineId } from '../../media/engine';
import type { BatchOutcome, Job } from '../jobRunner';
import { Store } from './store';

export interface BatchSettings {
  size: OutputPresetId;
  quality: QualityId;
}

/** One short the batch made, to download. */
export interface BatchShort {
  pick: Clip;
  blob: Blob;
  name: string;
  engine: EngineId;
}

/** What the batch's work tells of each short as it is made. */
export interface MadeShort {
  blob: Blob;
  engine: EngineId;
  /** Why it was not kept in Your shorts, when it was not. */
  notKept?: string;
}

/** What a batch makes shorts of: the clips, and whatever the work needs besides (the project and its recording). */
export interface BatchSource {
  picks: readonly Clip[];
}

export interface BatchState<S extends BatchSource = BatchSource> {
  jobId: number | null;
  made: readonly BatchShort[];
  /** The last run's source: `stopped.next` counts in its picks. */
  source: S | null;
  /** Where a cancelled or failed batch stopped, with its settings: resume goes on from there. */
  stopped: { next: number; settings: BatchSettings } | null;
  error: Error | null;
}

export interface BatchDeps<S extends BatchSource> {
  /** Starts the batch from `from`; `onMade` hears of each short as it is made. */
  start(source: S, settings: BatchSettings, from: number, onMade: (pick: Clip, name: string, made: MadeShort) => void): Job<BatchOutcome<void>>;
  cancel(id: number): void;
}

export class BatchStore<S extends BatchSource> extends Store<BatchState<S>> {
  readonly #deps: BatchDeps<S>;
  #disposed = false;

  constructor(deps: BatchDeps<S>) {
    super({ jobId: null, made: [], source: null, stopped: null, error: null });
    this.#deps = deps;
  }

  /** Makes the shorts of the source's picks from the `from`th on (0: anew, dropping the last run's list). */
  async run(source: S, settings: BatchSettings, from = 0): Promise<void> {
    if (this.snapshot.jobId !== null || this.#disposed) return;
    const job = this.#deps.start(source, settings, from, (pick, name, made) => {
      const notKept = made.notKept && new Error(`#${pick.rank} was rendered but not kept in Your shorts (${made.notKept}); download it below.`);
      this.update({ made: [...this.snapshot.made, { pick, blob: made.blob, name, engine: made.engine }], ...(notKept && { error: notKept }) });
    });
    this.update({ jobId: job.id, source, stopped: null, error: null, ...(from === 0 && { made: [] }) });
    const outcome = await job.done;
    const stopped = outcome.status !== 'done' && outcome.next < source.picks.length ? { next: outcome.next, settings } : null;
    this.update({ jobId: null, stopped, ...(outcome.status === 'failed' && { error: outcome.error }) });
  }

  /** Goes on from where the last run stopped, with its settings. */
  resume(): Promise<void> {
    const { stopped, source } = this.snapshot;
    return stopped && source ? this.run(source, stopped.settings, stopped.next) : Promise.resolve();
  }

  cancel(): void {
    if (this.snapshot.jobId !== null) this.#deps.cancel(this.snapshot.jobId);
  }

  dismissError(): void {
    this.update({ error: null });
  }

  /** The project is gone: its batch stops, and nothing more starts. */
  dispose(): void {
    this.#disposed = true;
    this.cancel();
  }
}
