import type { LogFormat } from './model';
import { LogBuilder } from './builder';
import { readCsv, type ReadResult } from './csv';
import { binaryAt, decodeLog } from './decode';
import { dropDuplicates } from './duplicates';
import { invalidJson, readJsonDocument, readNdjson } from './json';
import { refused, type ClickLogResult, type LogErrorCode, type LogNotice, type LogRejectedRow, type ParsedClickLog } from './result';
import { messageOf } from '../errors/messageOf';
import { parseSignalLog } from '../signals/detect';

export type { ClickLogResult } from './result';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function where(r: LogRejectedRow): string {
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

/** The refusal of HTML or XML text: a sign-in page saved as the export, or a spreadsheet as XML. */
function markupRefusal(body: string, fileName: string): ClickLogResult {
  const head = body.slice(0, 4096);
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return refused(
      'spreadsheet',
      `${fileName} is an Excel XML spreadsheet, not CSV text. Open it in your spreadsheet app and save it as CSV (in Excel: File › Save As › "CSV UTF-8"), then drop the .csv file.`,
    );
  }
  if (/^\s*<(!doctype\s+html|html)[\s>]/i.test(head)) {
    return refused(
      'markup',
      `${fileName} is a web page (HTML), not a click log: the export probably failed or asked you to sign in. Download the log again and check that it opens as a table.`,
    );
  }
  return refused('markup', `${fileName} is XML, not a click log. Export the log as CSV, JSON or NDJSON.`);
}

/**
 * Parse a click log file's bytes: decode them (UTF-8, UTF-16 with or without a BOM, else
 * Windows-1252 with a notice), refusing binaries and spreadsheets by their signature, then
 * `parseClickLog`.
 */
export function parseClickLogBytes(bytes: Uint8Array, fileName: string): ClickLogResult {
  const decoded = decodeLog(bytes, fileName);
  if (!decoded.ok) return decoded;
  const result = parseClickLog(decoded.text, fileName);
  if (!result.ok || decoded.notices.length === 0) return result;
  const notices = [...decoded.notices, ...result.notices];
  return { ...result, notices, warnings: notices.map((n) => n.message) };
}

/**
 * Parse a click log (CSV/TSV, JSON, or NDJSON; detected from the content, not the name).
 *
 * Detection, after a BOM and leading whitespace: text with NUL or many control characters is
 * binary, text starting with `<` is HTML or XML (both refused); text starting with `[` or `{`
 * that is one valid JSON document is JSON; text starting with `{` whose first line is a JSON
 * object on its own is NDJSON; text starting with `[` or `{` otherwise is invalid JSON (the
 * error gives line and column); anything else is delimited text read by papaparse.
 *
 * Bad rows are skipped and listed in `rejected` (first 200; `rejectedCount` counts all), each
 * with its cause's class. The result fails, with an error code, only for a file-level problem
 * or when no row is usable. Absolute times stay absolute (flag 1) even when the log has a
 * stream start; `resolveTimes` turns them into recording seconds.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the format decision (CSV, JSON, NDJSON, spreadsheet, binary) with a specific message per failure, in the order tried
export function parseClickLog(text: string, fileName: string): ClickLogResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) return refused('empty', `${fileName} is empty. Export the click log again: it needs a header row and one row per event.`);
  const binary = binaryAt(body);
  if (binary) {
    return refused(
      'not-text',
      `${fileName} is not a text file: it holds binary data (a control character at line ${binary.line}, column ${binary.column}). Export the click log as CSV, JSON or NDJSON and drop that file.`,
      binary,
    );
  }
  if (first === '<') return markupRefusal(body, fileName);
  // Per-minute analytics and chat/event logs are told apart by their content (src/domain/signals).
  const signals = parseSignalLog(body, fileName);
  if (signals) return signals;

  const b = new LogBuilder();
  let format: LogFormat;
  let read: ReadResult;
  if (first === '[' || first === '{') {
    let doc: unknown;
    let engineMessage: string | null = null;
    try {
      doc = JSON.parse(body);
    } catch (e) {
      engineMessage = messageOf(e);
    }
    if (engineMessage === null) {
      format = 'json';
      read = readJsonDocument(doc, body, b);
    } else if (first === '{' && firstLineIsObject(body)) {
      format = 'ndjson';
      read = readNdjson(body, b);
    } else {
      return invalidJson(body, engineMessage, fileName);
    }
  } else {
    format = 'csv';
    read = readCsv(body, b);
  }

  const failed = (code: LogErrorCode, error: string, line?: number, column?: number): ClickLogResult => ({
    ok: false,
    code,
    error: `${fileName}: ${error}`,
    ...(line !== undefined && { line }),
    ...(column !== undefined && { column }),
    rejected: b.rejected,
    rejectedCount: b.rejectedCount,
  });
  if (read.error !== null) return failed(read.error.code, read.error.message);
  if (b.length === 0) {
    if (read.rows === 0) return failed('no-rows', format === 'csv' ? 'The file has a header but no event rows.' : 'The file has no events.');
    if (b.rejectedCount === 0) return failed('no-events', 'The file has a stream start but no events.');
    const firstBad = b.rejected[0];
    const example = firstBad ? ` First problem, ${where(firstBad)}: ${firstBad.reason}.` : '';
    const all =
      b.rejectedCount !== read.rows
        ? `${plural(b.rejectedCount, 'row')} ${b.rejectedCount === 1 ? 'was' : 'were'} rejected`
        : read.rows === 1
          ? 'the only row was rejected'
          : `all ${read.rows} rows were rejected`;
    return failed('no-usable-rows', `No usable events: ${all} (${b.rejectSummary()}).${example}`, firstBad?.line, firstBad?.column);
  }

  const notices: LogNotice[] = b.allNotices();
  const deduplicated = dropDuplicates(b, b.keys);
  if (deduplicated) notices.unshift(deduplicated.notice);
  if (b.rejectedCount > 0) {
    notices.unshift({
      code: 'skipped-rows',
      message: `Imported ${plural(b.length, 'event')}; skipped ${plural(b.rejectedCount, 'row')} (${b.rejectSummary()})`,
    });
  }
  const log: ParsedClickLog = {
    fileName,
    format,
    products: b.products,
    events: b.table(),
    rejected: b.rejected,
    rejectedCount: b.rejectedCount,
  };
  if (b.streamStartMs !== undefined) log.streamStartMs = b.streamStartMs;
  const coverage = { rows: read.lines ?? read.rows, used: read.rows - b.rejectedCount };
  return { ok: true, log, warnings: notices.map((n) => n.message), notices, coverage };
}
