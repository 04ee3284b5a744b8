import type { Analysis, NeedsStreamStartError, TimeBase } from '../src/domain/selection/analysis';
import type { ClickLogResult } from '../src/domain/clicklog/parse';
import type { ClickLog, Product } from '../src/domain/clicklog/model';
import type { SaidText, SpokenSignals } from '../src/domain/speech/spokenSignals';
import type { SelectionOptions } from '../src/domain/selection/model';
import type { Loudness } from '../src/domain/recording/loudness';
import type { Envelope as RpcEnvelope, Reply as RpcReply } from '../src/workers/rpc';

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
  /** Reads what the host said for the products (`spokenSignals`): seconds of work for a 3-hour transcript. */
  spoken: { segments: SaidText[]; products: Product[]; durationSec: number; loudness: Loudness | undefined };
}

/** What each request is answered with. */
export interface Results {
  parse: ClickLogResult;
  load: null;
  loudness: null;
  select: Analysis;
  unload: null;
  spoken: SpokenSignals;
}

export type RequestType = keyof Requests;

/** Main → worker, for the given kinds (all by default). */
export type Envelope<K extends RequestType = RequestType> = RpcEnvelope<Pick<Requests, K>>;

/** Worker → main: each envelope is answered once, with its id. Errors are returned, never thrown across. */
export type Reply = RpcReply<Results[RequestType]>;

/** `code` of a select cancelled because a newer one for the same log arrived, or the log was unloaded. */
export const CANCELLED = 'AbortError';
/** `code` when the worker does not hold the log (evicted, or a new worker): the client sends it again. */
export const NOT_RESIDENT = 'NotResidentError';
/** `code` when the log's times are absolute and the recording's start is not set. */
export const NEEDS_STREAM_START: NeedsStreamStartError['name'] = 'NeedsStreamStartError';
