import type { ClickLog, RejectedRow } from './model';
import type { RejectCategory } from './builder';

/** Causes only interval analytics and chat/event logs have (src/domain/signals/). */
export type SignalRejectCategory = 'bad count' | 'missing product';

/**
 * Why a whole log was refused. The code is the stable class (tests and UI branch on it); the
 * message says what is wrong, where, and what to do.
 */
export type LogErrorCode =
  /** No text at all (0 bytes, blanks, a lone BOM). */
  | 'empty'
  /** Binary data: an image, video, archive or PDF (by its signature), or NUL/control bytes. */
  | 'not-text'
  /** A spreadsheet workbook (.xlsx, .xls, .ods, Numbers, Excel XML), not its CSV export. */
  | 'spreadsheet'
  /** HTML or XML: typically a failed download or a sign-in page saved under the log's name. */
  | 'markup'
  /** Text in an encoding this app does not read (UTF-32; Shift-JIS, GBK and other legacy ones). */
  | 'encoding'
  /** Starts like JSON but does not parse; `line`/`column` locate the first error. */
  | 'invalid-json'
  /** Valid JSON that is not an array of events or `{ "events": [...] }`. */
  | 'json-shape'
  /** No time/timestamp, event or product_id column. */
  | 'missing-columns'
  /** A header (or an empty JSON array) and no rows. */
  | 'no-rows'
  /** A stream start and no events. */
  | 'no-events'
  /** Every row was rejected; `line` is the first bad row's. */
  | 'no-usable-rows'
  /** Analytics or a chat/event log that gives nothing the selection can use (no product to tie its rows to). */
  | 'nothing-to-use';

/** What an imported log's warnings are about. */
export type LogNoticeCode =
  /** The text was not UTF-8 (or had no byte-order mark) and was read as the encoding named. */
  | 'encoding-guessed'
  /** Some rows were skipped; `rejected` lists them. */
  | 'skipped-rows'
  /** Two columns mean the same field; one is ignored. */
  | 'duplicate-column'
  /** The log states several different stream starts; the first is used. */
  | 'conflicting-starts'
  /** A JSON document's stream start could not be read. */
  | 'stream-start-ignored'
  /** Overlong product names or prices were cut (with an ellipsis) to what can be shown. */
  | 'shortened'
  /** Exact repeats of rows were dropped: the same event logged twice, or the log copied k times over (duplicates.ts). */
  | 'duplicate-rows'
  /** Analytics or chat/event-log data that is read but not used (a sales column, unknown event names, comments with no product). */
  | 'not-used'
  /** A count too large to be real was capped. */
  | 'capped';

export interface LogNotice {
  code: LogNoticeCode;
  message: string;
  /** 1-based, where the notice points at one place in the file. */
  line?: number;
  column?: number;
}

/** How much of a log file became the log. */
export interface LogCoverage {
  /** Data rows in the file: CSV and NDJSON lines (a line an unclosed quote swallowed counts as one), JSON items. */
  rows: number;
  /** Rows that were not rejected: events (duplicates dropped included) and stream-start rows. */
  used: number;
}

/** A skipped row with the class of its cause (`column`: 1-based character column, when known). */
export interface LogRejectedRow extends RejectedRow {
  code: RejectCategory | SignalRejectCategory;
  column?: number;
}

/** A parsed log: its skipped rows carry their classes. */
export interface ParsedClickLog extends ClickLog {
  rejected: LogRejectedRow[];
}

export type ClickLogResult =
  | {
      ok: true;
      log: ParsedClickLog;
      /** The notices' messages, as the UI shows them. */
      warnings: string[];
      notices: LogNotice[];
      /** How much of the file was read into the log (a replacement that lost most of it is questioned). */
      coverage: LogCoverage;
    }
  | {
      ok: false;
      code: LogErrorCode;
      error: string;
      /** 1-based place of the problem in the file, when it has one. */
      line?: number;
      column?: number;
      rejected: LogRejectedRow[];
      rejectedCount: number;
    };

export type LogFailure = Extract<ClickLogResult, { ok: false }>;

/** A refusal that is about the file as a whole (no rows were read). */
export function refused(code: LogErrorCode, error: string, at?: { line: number; column: number }): LogFailure {
  return { ok: false, code, error, ...(at && { line: at.line, column: at.column }), rejected: [], rejectedCount: 0 };
}
