import type { Analysis, TimeBase } from '../src/domain/analysis';
import type { ClickLogResult } from '../src/domain/clicklog/parse';
import type { ClickLog, SelectionOptions } from '../src/domain/events';
import type { Loudness } from '../src/domain/loudness';

/**
 * What each request to the analysis worker carries. Logs stay resident in the worker under a
 * key the client picks, so a settings change sends only the settings.
 */
export interface Requests {
  /** Parses a log file; a usable log stays resident under `key`. */
  parse: { file: Blob; fileName: string; key: string };
  /** Makes a log resident (the client transfers copies of its typed arrays). */
  load: { key: string; log: ClickLog };
  /** The recording's loudness envelope for a resident log; undefined: edges are not snapped. */
  loudness: { key: string; loudness: Loudness | undefined };
  /** Selection on a resident log. A newer select for the same key cancels this one if it has not started. */
  select: { key: string; durationSec: number; timeBase: TimeBase; options: SelectionOptions };
  /** Forgets a resident log and cancels its queued select. */
  unload: { key: string };
}

/** What each request is answered with. */
export interface Results {
  parse: ClickLogResult;
  load: null;
  loudness: null;
  select: Analysis;
  unload: null;
}

export type RequestType = keyof Requests;

/** Main → worker. Distributed over the types, so checking `type` narrows `body`. */
export type Envelope<K extends RequestType = RequestType> = { [T in K]: { id: number; type: T; body: Requests[T] } }[K];

/** Worker → main: each envelope is answered once, with its id. Errors are returned, never thrown across. */
export type Reply = { id: number; ok: true; result: Results[RequestType] } | { id: number; ok: false; error: string; code: string };

/** `code` of a select cancelled because a newer one for the same log arrived, or the log was unloaded. */
export const CANCELLED = 'AbortError';
/** `code` when the worker does not hold the log (evicted, or a new worker): the client sends it again. */
export const NOT_RESIDENT = 'NotResidentError';
