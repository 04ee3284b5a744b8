/**
 * The whole recording transcribed on the device, once (issue 19): chunk after chunk as one job on
 * the runner, each finished chunk stored at once, so a reload or a crash goes on from the first
 * chunk not stored and no chunk is done twice. Cancel pauses it (reopening the project offers to
 * continue); a reload, a crash or leaving the project does not (reopening continues by itself).
 */
import { firstNotDone, ownSegments, planChunks, type Chunk } from '../../domain/speech/chunks';
import type { TranscribedSegment } from '../../domain/speech/cues';
import { formatClock } from '../../domain/format';
import { messageOf } from '../../domain/errors/messageOf';
import type { QuietRun } from '../../domain/recording/loudness';
import { wordCount, type ChunkText, type TranscriptProgress } from '../../domain/speech/recordingTranscript';
import type { SpeechModelId } from '../../domain/speech/models';
import type { SpeechHints } from '../../domain/speech/vocabulary';
import type { JobContext, JobRunner } from '../jobRunner';
import { Store } from './store';

/** What the transcript store persists: the plan, and the chunks as they finish. */
export interface TranscriptPlanRecord {
  modelId: SpeechModelId;
  durationSec: number;
  chunks: Chunk[];
  paused: boolean;
}

export interface TranscriptSource {
  recording: Blob;
  fileName: string;
  durationSec: number;
  /** Words the recogniser is nudged towards (the project's product names). */
  hints?: SpeechHints;
}

export interface TranscriptDeps {
  modelId: SpeechModelId;
  plan(): Promise<TranscriptPlanRecord | undefined>;
  chunks(): Promise<ChunkText[]>;
  start(plan: TranscriptPlanRecord): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  save(chunk: ChunkText): Promise<void>;
  discard(): Promise<void>;
  /** Loads the speech model if it is not; resolves with the seconds it took (0 when loaded). */
  loadModel(signal: AbortSignal): Promise<number>;
  /** The speech in the chunk's audio ([from, to]), recording time. */
  transcribe(source: TranscriptSource, chunk: Chunk, job: JobContext): Promise<TranscribedSegment[]>;
  jobs: Pick<JobRunner, 'submitBatch' | 'cancel'>;
}

export type TranscriptStatus = 'loading' | 'none' | 'running' | 'paused' | 'stopped' | 'done' | 'error';

export interface TranscriptState {
  status: TranscriptStatus;
  progress: TranscriptProgress | undefined;
  /** The finished chunks' text, in recording order (a new array whenever one is added). */
  texts: readonly ChunkText[];
  jobId: number | null;
  message?: string;
}

export const TRANSCRIPT_JOB = 'Transcribing the whole recording';
export const LOAD_PHASE = 'Loading the speech model (first time only)';
export const chunkPhase = (chunk: Chunk, durationSec: number) => `Transcribing ${formatClock(chunk.start, false)} of ${formatClock(durationSec, false)}`;

export class TranscriptStore extends Store<TranscriptState> {
  readonly #deps: TranscriptDeps;
  #source: TranscriptSource | undefined;
  #plan: TranscriptPlanRecord | undefined;
  readonly #done = new Set<number>();
  #words = 0;
  #coveredSec = 0;
  #texts: readonly ChunkText[] = [];
  /** Bumped by every open and stop: an older run's late answers are dropped. */
  #attempt = 0;
  #userCancelled = false;

  constructor(deps: TranscriptDeps) {
    super({ status: 'loading', progress: undefined, texts: [], jobId: null });
    this.#deps = deps;
  }

  /** The project's recording (undefined: none, or it has no sound). A stored unfinished transcript that was not paused goes on. */
  open(source: TranscriptSource | undefined): void {
    const before = this.#source;
    // The same recording read again from storage (the project reopened) is another Blob: it goes
    // on, with the hints given now (a product list added) from its next chunk.
    if (before === source) return;
    if (before && source && before.fileName === source.fileName && before.durationSec === source.durationSec) {
      this.#source = source;
      return;
    }
    this.#stop();
    this.#source = source;
    if (source) void this.#load();
  }

  /** Starts a new transcript, cut at `pauses` when the recording's pauses are known. */
  start(pauses: readonly QuietRun[] = []): void {
    const source = this.#source;
    if (!source || this.snapshot.jobId !== null) return;
    const plan: TranscriptPlanRecord = {
      modelId: this.#deps.modelId,
      durationSec: source.durationSec,
      chunks: planChunks(source.durationSec, pauses),
      paused: false,
    };
    const attempt = this.#attempt;
    this.#catch(async () => {
      await this.#deps.start(plan);
      if (attempt !== this.#attempt) return;
      this.#reset(plan, []);
      this.#run(source);
    });
  }

  /** Goes on after a cancel, a failure or a paused reopen, from the first chunk not stored. */
  continue(): void {
    const source = this.#source;
    if (!source || !this.#plan || this.snapshot.jobId !== null) return;
    this.#catch(async () => {
      await this.#deps.setPaused(false);
      this.#run(source);
    });
  }

  /** Stops the running transcription; what is stored stays, and reopening offers to continue. */
  cancel(): void {
    const { jobId } = this.snapshot;
    if (jobId === null) return;
    this.#userCancelled = true;
    this.#deps.jobs.cancel(jobId);
  }

  discard(): void {
    this.#stop();
    this.#catch(async () => {
      await this.#deps.discard();
      this.#reset(undefined, []);
      this.update({ status: 'none', progress: undefined });
    });
  }

  /** The project is deleted (or a test ends): the job stops without pausing the transcript (reopening continues it). */
  dispose(): void {
    this.#stop();
    this.#source = undefined;
  }

  async #load(): Promise<void> {
    const attempt = this.#attempt;
    this.update({ status: 'loading' });
    await this.#catch(async () => {
      const plan = await this.#deps.plan();
      const chunks = plan ? await this.#deps.chunks() : [];
      if (attempt !== this.#attempt || !this.#source) return;
      this.#reset(plan, chunks);
      if (!plan) return this.update({ status: 'none', progress: undefined });
      if (this.#complete()) return this.update({ status: 'done' });
      if (plan.paused) return this.update({ status: 'paused' });
      this.#run(this.#source);
    });
  }

  #run(source: TranscriptSource): void {
    const plan = this.#plan;
    if (!plan) return;
    const attempt = this.#attempt;
    const live = () => attempt === this.#attempt;
    let loaded = false;
    this.#userCancelled = false;
    const job = this.#deps.jobs.submitBatch(
      TRANSCRIPT_JOB,
      plan.chunks,
      async (chunk, ctx) => {
        if (this.#done.has(chunk.index)) return;
        if (!loaded) {
          ctx.phase(LOAD_PHASE);
          await this.#deps.loadModel(ctx.signal);
          loaded = true;
          ctx.phase(chunkPhase(chunk, plan.durationSec));
        }
        const segments = ownSegments(chunk, await this.#deps.transcribe(this.#source ?? source, chunk, ctx));
        const text: ChunkText = { index: chunk.index, start: chunk.start, end: chunk.end, segments };
        await this.#deps.save(text);
        if (live()) this.#add(text);
      },
      { from: firstNotDone(plan.chunks.length, this.#done), weight: (c) => c.end - c.start, itemLabel: (c) => chunkPhase(c, plan.durationSec) },
    );
    this.update({ status: 'running', jobId: job.id, message: undefined });
    void job.done.then(async (outcome) => {
      if (!live()) return;
      if (outcome.status === 'failed') return this.update({ status: 'error', jobId: null, message: messageOf(outcome.error) });
      if (outcome.status === 'done') return this.update({ status: 'done', jobId: null });
      if (this.#userCancelled) await this.#deps.setPaused(true).catch(() => undefined);
      if (live()) this.update({ status: this.#userCancelled ? 'paused' : 'stopped', jobId: null });
    });
  }

  #reset(plan: TranscriptPlanRecord | undefined, chunks: readonly ChunkText[]): void {
    this.#plan = plan;
    this.#texts = [];
    this.#done.clear();
    this.#words = 0;
    this.#coveredSec = 0;
    for (const c of chunks) this.#count(c);
    this.#publish();
  }

  #add(chunk: ChunkText): void {
    if (this.#done.has(chunk.index)) return;
    this.#count(chunk);
    this.#publish();
  }

  #count(chunk: ChunkText): void {
    this.#done.add(chunk.index);
    this.#texts = [...this.#texts, chunk].sort((a, b) => a.start - b.start);
    this.#words += wordCount(chunk.segments);
    this.#coveredSec += chunk.end - chunk.start;
  }

  #publish(): void {
    const plan = this.#plan;
    this.update({
      texts: this.#texts,
      progress: plan && {
        chunks: plan.chunks.length,
        done: this.#done.size,
        coveredSec: this.#coveredSec,
        durationSec: plan.durationSec,
        words: this.#words,
        resumeAtSec: plan.chunks[firstNotDone(plan.chunks.length, this.#done)]?.start ?? plan.durationSec,
      },
    });
  }

  #complete(): boolean {
    return !!this.#plan && firstNotDone(this.#plan.chunks.length, this.#done) >= this.#plan.chunks.length;
  }

  async #catch(work: () => Promise<void>): Promise<void> {
    const attempt = this.#attempt;
    try {
      await work();
    } catch (e) {
      if (attempt === this.#attempt) this.update({ status: 'error', jobId: null, message: messageOf(e) });
    }
  }

  #stop(): void {
    this.#attempt++;
    const { jobId } = this.snapshot;
    if (jobId !== null) {
      this.#deps.jobs.cancel(jobId);
      this.update({ jobId: null });
    }
  }
}
