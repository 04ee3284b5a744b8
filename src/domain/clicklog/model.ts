/** Kinds of click-log events, in the order their numeric codes are stored. */
export const EVENT_KINDS = ['click', 'add_to_cart', 'order', 'pin', 'unpin'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventCode = 0 | 1 | 2 | 3 | 4;

export const kindCode = (kind: EventKind): EventCode => EVENT_KINDS.indexOf(kind) as EventCode;

export interface Product {
  id: string;
  name?: string;
  price?: string;
}

/**
 * Events stored column-wise: a 2-hour log can hold a million events, and typed arrays
 * move between the worker and IndexedDB without cloning a million objects.
 * `time[i]` is seconds from recording start, or epoch milliseconds when `absolute[i]` is 1
 * (resolved against the stream start by `resolveTimes`).
 */
export interface EventTable {
  time: Float64Array;
  absolute: Uint8Array;
  kind: Uint8Array;
  /** Index into `ClickLog.products`. */
  product: Uint32Array;
}

export type LogFormat = 'csv' | 'json' | 'ndjson';

export interface RejectedRow {
  /** 1-based line in the file (CSV, NDJSON, and JSON when it can be located). */
  line?: number;
  /** 1-based item number in a JSON array. */
  item?: number;
  reason: string;
}

export interface ClickLog {
  fileName: string;
  format: LogFormat;
  products: Product[];
  events: EventTable;
  /** Epoch ms of the recording start when the log states it (a `stream_start` row or field). */
  streamStartMs?: number;
  rejected: RejectedRow[];
  /** Total rejected rows; `rejected` keeps at most the first few hundred. */
  rejectedCount: number;
}
