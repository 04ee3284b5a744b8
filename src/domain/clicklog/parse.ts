import type { ClickLog, LogFormat, RejectedRow } from '../events';
import { LogBuilder } from './builder';
import { readCsv, type ReadResult } from './csv';
import { jsonSyntaxMessage, readJsonDocument, readNdjson } from './json';

export type ClickLogResult =
  | { ok: true; log: ClickLog; warnings: string[] }
  | { ok: false; error: string; rejected: RejectedRow[]; rejectedCount: number };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function where(r: RejectedRow): string {
  if (r.item !== undefined) return r.line !== undefined ? `item ${r.item} (line ${r.line})` : `item ${r.item}`;
  return r.line !== undefined ? `line ${r.line}` : 'a row';
}

/** True when the first non-blank line is a JSON object on its own: the file is NDJSON. */
function firstLineIsObject(text: string): boolean {
  const m = /^\s*(\S[^\n]*)/.exec(text);
  if (!m?.[1]) return false;
  try {
    const v: unknown = JSON.parse(m[1]);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * Parse a click log (CSV/TSV, JSON, or NDJSON; detected from the content, not the name).
 *
 * Detection, after a BOM and leading whitespace: text starting with `[` or `{` that is one
 * valid JSON document is JSON; text starting with `{` whose first line is a JSON object on its
 * own is NDJSON; text starting with `[` or `{` otherwise is invalid JSON (the error gives line
 * and column); anything else is delimited text read by papaparse.
 *
 * Bad rows are skipped and listed in `rejected` (first 200; `rejectedCount` counts all). The
 * result fails only for a file-level problem (empty, invalid JSON, required columns missing)
 * or when no row is usable. Absolute times stay absolute (flag 1) even when the log has a
 * stream start; `resolveTimes` turns them into recording seconds.
 */
export function parseClickLog(text: string, fileName: string): ClickLogResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) return { ok: false, error: `${fileName} is empty.`, rejected: [], rejectedCount: 0 };

  const b = new LogBuilder();
  let format: LogFormat;
  let read: ReadResult;
  if (first === '[' || first === '{') {
    let doc: unknown;
    let engineMessage: string | null = null;
    try {
      doc = JSON.parse(body);
    } catch (e) {
      engineMessage = e instanceof Error ? e.message : String(e);
    }
    if (engineMessage === null) {
      format = 'json';
      read = readJsonDocument(doc, body, b);
    } else if (first === '{' && firstLineIsObject(body)) {
      format = 'ndjson';
      read = readNdjson(body, b);
    } else {
      return { ok: false, error: `${fileName}: ${jsonSyntaxMessage(body, engineMessage)}`, rejected: [], rejectedCount: 0 };
    }
  } else {
    format = 'csv';
    read = readCsv(body, b);
  }

  const failed = (error: string): ClickLogResult => ({ ok: false, error: `${fileName}: ${error}`, rejected: b.rejected, rejectedCount: b.rejectedCount });
  if (read.error !== null) return failed(read.error);
  if (b.length === 0) {
    if (read.rows === 0) return failed(format === 'csv' ? 'The file has a header but no event rows.' : 'The file has no events.');
    if (b.rejectedCount === 0) return failed('The file has a stream start but no events.');
    const firstBad = b.rejected[0];
    const example = firstBad ? ` First problem, ${where(firstBad)}: ${firstBad.reason}.` : '';
    const all =
      b.rejectedCount !== read.rows
        ? `${plural(b.rejectedCount, 'row')} ${b.rejectedCount === 1 ? 'was' : 'were'} rejected`
        : read.rows === 1
          ? 'the only row was rejected'
          : `all ${read.rows} rows were rejected`;
    return failed(`No usable events: ${all} (${b.rejectSummary()}).${example}`);
  }

  const warnings = b.allWarnings();
  if (b.rejectedCount > 0) {
    warnings.unshift(`Imported ${plural(b.length, 'event')}; skipped ${plural(b.rejectedCount, 'row')} (${b.rejectSummary()})`);
  }
  const log: ClickLog = {
    fileName,
    format,
    products: b.products,
    events: b.table(),
    rejected: b.rejected,
    rejectedCount: b.rejectedCount,
  };
  if (b.streamStartMs !== undefined) log.streamStartMs = b.streamStartMs;
  return { ok: true, log, warnings };
}
