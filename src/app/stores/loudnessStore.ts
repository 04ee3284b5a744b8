/**
 * The recording's loudness envelope, so clip edges can snap to pauses in the host's voice: read
 * from storage, or measured once as a cancellable job and stored. Without a recording (the view
 * closed, the project deleted) the measurement stops: it holds the recording's file.
 */
import type { Loudness } from '../../domain/recording/loudness';
import { messageOf } from '../../domain/errors/messageOf';
import type { JobContext, JobRunner } from '../jobRunner';
import { Store } from './store';

export type LoudnessState = { status: 'none' } | { status: 'ready'; loudness: Loudness } | { status: 'cancelled' } | { status: 'error'; message: string };

/** What is measured: the recording, when it has sound. */
export interface LoudnessSource {
  recording: Blob;
  fileName: string;
  durationSec: number;
}

export interface LoudnessDeps {
  stored(): Promise<Loudness | undefined>;
  measure(source: LoudnessSource, job: JobContext): Promise<Loudness>;
  save(loudness: Loudness): Promise<void>;
  jobs: Pick<JobRunner, 'submit' | 'cancel'>;
}

export const LOUDNESS_JOB = 'Finding pauses in the audio';

export class LoudnessStore extends Store<{ state: LoudnessState; jobId: number | null }> {
  readonly #deps: LoudnessDeps;
  #source: LoudnessSource | undefined;
  /** Bumped by every start and stop: an older attempt's late answer is dropped. */
  #attempt = 0;

  constructor(deps: LoudnessDeps) {
    super({ state: { status: 'none' }, jobId: null });
    this.#deps = deps;
  }

  /** The recording to measure, or undefined (none, or no sound): a different one restarts. */
  open(source: LoudnessSource | undefined): void {
    const before = this.#source;
    if (before === source || (before && source && before.recording === source.recording && before.durationSec === source.durationSec)) return;
    this.#source = source;
    this.#stop();
    if (source) void this.#start(source);
  }

  /** Measures again after a cancel or a failure. */
  retry(): void {
    this.#stop();
    if (this.#source) void this.#start(this.#source);
  }

  cancel(): void {
    const { jobId } = this.snapshot;
    if (jobId !== null) this.#deps.jobs.cancel(jobId);
  }

  dispose(): void {
    this.#source = undefined;
    this.#stop();
  }

  async #start(source: LoudnessSource): Promise<void> {
    const attempt = this.#attempt;
    const live = () => attempt === this.#attempt;
    try {
      const stored = await this.#deps.stored();
      if (!live()) return;
      if (stored) return this.update({ state: { status: 'ready', loudness: stored } });
      const job = this.#deps.jobs.submit(LOUDNESS_JOB, (ctx) => this.#deps.measure(source, ctx));
      this.update({ jobId: job.id });
      const outcome = await job.done;
      if (live()) this.update({ jobId: null });
      if (outcome.status === 'failed') throw outcome.error;
      // A measurement that finished is kept even if the view has closed meanwhile; storage refuses it if the project is gone.
      if (outcome.status === 'done') await this.#deps.save(outcome.value);
      if (live()) this.update({ state: outcome.status === 'done' ? { status: 'ready', loudness: outcome.value } : { status: 'cancelled' } });
    } catch (e) {
      if (live()) this.update({ state: { status: 'error', message: messageOf(e) } });
    }
  }

  #stop(): void {
    this.#attempt++;
    this.cancel();
    if (this.snapshot.jobId !== null) this.update({ jobId: null });
  }
}
