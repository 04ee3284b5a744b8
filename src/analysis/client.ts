import type { Analysis, TimeBase } from '../domain/analysis';
import type { ClickLogResult } from '../domain/clicklog/parse';
import type { ClickLog, SelectionOptions } from '../domain/events';
import type { Loudness } from '../domain/loudness';
import type { AnalysisRequest, AnalysisResponse } from '../../workers/protocol';

export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** Main-thread side of the analysis worker: one promise per request. */
export class AnalysisClient {
  #worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
  #next = 1;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    this.#worker.onmessage = (e: MessageEvent<AnalysisResponse>) => {
      const waiter = this.#pending.get(e.data.id);
      if (!waiter) return;
      this.#pending.delete(e.data.id);
      if (e.data.ok) waiter.resolve(e.data.result);
      else waiter.reject(new AnalysisError(e.data.error, e.data.code));
    };
    this.#worker.onerror = (e) => {
      for (const w of this.#pending.values()) w.reject(new AnalysisError(e.message || 'The analysis worker failed.'));
      this.#pending.clear();
    };
  }

  #call<T>(request: AnalysisRequest): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ id, request });
    });
  }

  parse(file: Blob, fileName: string): Promise<ClickLogResult> {
    return this.#call({ type: 'parse', file, fileName });
  }

  analyse(log: ClickLog, durationSec: number, timeBase: TimeBase, options: SelectionOptions, loudness?: Loudness): Promise<Analysis> {
    return this.#call({ type: 'analyse', log, durationSec, timeBase, options, loudness });
  }
}
