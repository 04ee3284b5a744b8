/**
 * The editor's "Render video", per clip of one project: the job, the short it made and what went
 * wrong, kept outside the editor, so a render goes on (in the job tray) while you pick the next
 * clip or go home, and the editor shows its short when you come back.
 */
import { messageOf } from '../../domain/errors/messageOf';
import type { JobOutcome, Job } from '../jobRunner';
import type { RenderedShort } from '../renderJobs';
import { Store } from './store';

export interface ClipRender {
  jobId: number | null;
  result: RenderedShort | null;
  error: Error | null;
  /** Rendered but not kept in Your shorts (or its post text not saved): why. */
  keepError: string | null;
}

export const NO_RENDER: ClipRender = { jobId: null, result: null, error: null, keepError: null };

export interface RenderDeps<I> {
  start(input: I, name: string): Job<JobOutcome<RenderedShort>>;
  cancel(id: number): void;
  savePost(shortId: string, text: string): Promise<void>;
}

export class RenderStore<I> extends Store<{ clips: Readonly<Record<string, ClipRender>> }> {
  readonly #deps: RenderDeps<I>;
  #disposed = false;

  constructor(deps: RenderDeps<I>) {
    super({ clips: {} });
    this.#deps = deps;
  }

  of(key: string): ClipRender {
    return this.snapshot.clips[key] ?? NO_RENDER;
  }

  #set(key: string, change: Partial<ClipRender>): void {
    this.update({ clips: { ...this.snapshot.clips, [key]: { ...this.of(key), ...change } } });
  }

  /** Renders clip `key` (one render per clip at a time) and keeps the short. */
  async render(key: string, input: I, name: string): Promise<void> {
    if (this.of(key).jobId !== null || this.#disposed) return;
    const job = this.#deps.start(input, name);
    this.#set(key, { jobId: job.id, result: null, error: null, keepError: null });
    const outcome = await job.done;
    if (outcome.status === 'done') this.#set(key, { jobId: null, result: outcome.value, keepError: outcome.value.notKept ?? null });
    else this.#set(key, { jobId: null, error: outcome.status === 'failed' ? outcome.error : null });
  }

  cancel(key: string): void {
    const { jobId } = this.of(key);
    if (jobId !== null) this.#deps.cancel(jobId);
  }

  dismiss(key: string, what: 'error' | 'keepError'): void {
    this.#set(key, { [what]: null });
  }

  /** The post text of the short clip `key` made, saved with it. */
  async setPostText(key: string, text: string): Promise<void> {
    const short = this.of(key).result?.short;
    if (!short) return;
    try {
      await this.#deps.savePost(short.id, text);
      const result = this.of(key).result;
      if (result?.short) this.#set(key, { result: { ...result, short: { ...result.short, postText: text } } });
    } catch (e) {
      this.#set(key, { keepError: messageOf(e) });
    }
  }

  /** The project is gone: its renders stop, and nothing more starts. */
  dispose(): void {
    this.#disposed = true;
    for (const key of Object.keys(this.snapshot.clips)) this.cancel(key);
  }
}
