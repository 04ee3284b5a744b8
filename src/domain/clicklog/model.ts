/** The kinds a click log's event column names (docs/click-log.md). */
export const CLICK_LOG_KINDS = ['click', 'add_to_cart', 'order', 'pin', 'unpin'] as const;
/**
 * Kinds only a chat/event log makes (src/domain/signals/chatlog.ts): a comment while a product
 * is pinned, one naming a product, one asking for the link or price, a like, a gift, a share or
 * follow, a rise in viewers. Weak signals, weighted well below clicks.
 */
export const SIGNAL_KINDS = ['comment', 'mention', 'ask', 'like', 'gift', 'social', 'viewers'] as const;
/**
 * Kinds the recording's own transcript makes (src/domain/speech/spokenSignals.ts): the host
 * naming a product, saying a price, a call to action; `topic`/`topic_end` mark where the host
 * talks about a product (pins from speech: a log's own pins override them); `lively`: an
 * utterance said faster and louder than the host usually speaks (src/domain/speech/delivery.ts).
 */
export const SPOKEN_KINDS = ['named', 'price', 'cta', 'topic', 'topic_end', 'lively'] as const;
/**
 * Kinds of log events, in the order their numeric codes are stored: new kinds are only ever
 * appended, so a log stored earlier keeps its meaning.
 */
export const EVENT_KINDS = [...CLICK_LOG_KINDS, ...SIGNAL_KINDS, ...SPOKEN_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type ClickLogKind = (typeof CLICK_LOG_KINDS)[number];
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export type SpokenKind = (typeof SPOKEN_KINDS)[number];
export type EventCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17;

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

/**
 * What a log that is not a per-event click log was read as, and the line saying what it will
 * be used for (shown with the log). Absent for a click log.
 */
export interface LogSignals {
  source: 'interval' | 'chat';
  summary: string;
}

/** What one log file is: per-event clicks, per-minute analytics, or a chat/event log. */
export type LogSource = 'clicks' | LogSignals['source'];

/**
 * One file of a log made of several (`mergeLogs`): its events are the next `events` of the
 * log's table, in the order of the parts, so one file can be taken out again.
 */
export interface LogPart {
  fileName: string;
  source: LogSource;
  events: number;
  rejectedCount: number;
  /** What a file that is not a click log was read as (its `LogSignals.summary`). */
  summary?: string;
}

export interface ClickLog {
  fileName: string;
  format: LogFormat;
  /** Set when the file was per-minute analytics or a chat/event log, read into events. */
  signals?: LogSignals;
  /** The files this log was merged from, when more than one (stored since issue 19's "add a log"). */
  parts?: LogPart[];
  products: Product[];
  events: EventTable;
  /** Epoch ms of the recording start when the log states it (a `stream_start` row or field). */
  streamStartMs?: number;
  rejected: RejectedRow[];
  /** Total rejected rows; `rejected` keeps at most the first few hundred. */
  rejectedCount: number;
}
