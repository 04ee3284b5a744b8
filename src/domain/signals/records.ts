import type { LogCoverage } from '../clicklog/result';
/**
 * Rows of a log read as flat records of normalised keys, whatever the format: delimited text
 * (papaparse), a JSON document (an array, or an object holding one), or NDJSON. Nested objects
 * (`{"event":"chat","data":{"comment":…,"user":{"uniqueId":…}}}`, as LIVE recording tools
 * write them) are flattened: a key's first occurrence, outermost first, wins. Used by the
 * interval-analytics and chat/event-log readers, which need every row in memory anyway.
 */
import Papa from 'papaparse';
import type { LogFormat } from '../clicklog/model';
import { normaliseName } from '../clicklog/fields';
import { arrayItemLines, findJsonSyntaxError } from '../clicklog/jsonsyntax';

export interface LogRecord {
  values: Map<string, unknown>;
  /** 1-based line in the file (0 = unknown) and item number in a JSON array (0 = none). */
  line: number;
  item: number;
}

export interface BadRecord {
  line: number;
  item: number;
  column: number;
  code: 'invalid JSON' | 'not an object' | 'wrong field count' | 'bad quotes';
  reason: string;
}

export interface Records {
  format: LogFormat;
  rows: LogRecord[];
  bad: BadRecord[];
  /** The file's own key names (CSV header, JSON keys), for messages. */
  keys: string[];
  /** A JSON document's or NDJSON line's own stream start (`{"stream_start": …}`), raw. */
  streamStart?: unknown;
}

const MAX_DEPTH = 3;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flattens an object into normalised keys; `raw` collects the file's own key names. */
export function flatten(obj: Record<string, unknown>, raw?: Set<string>, out = new Map<string, unknown>(), depth = 0): Map<string, unknown> {
  const nested: Record<string, unknown>[] = [];
  for (const key in obj) {
    const v = obj[key];
    if (isObject(v)) {
      if (depth < MAX_DEPTH) nested.push(v);
      continue;
    }
    if (raw && raw.size < 60) raw.add(key);
    const k = normaliseName(key);
    if (!out.has(k)) out.set(k, v);
  }
  for (const v of nested) flatten(v, raw, out, depth + 1);
  return out;
}

const STREAM_START = new Set(['stream_start', 'streamstart', 'live_start']);
const ARRAY_KEYS = ['events', 'rows', 'data', 'records', 'items', 'messages', 'intervals'];

/** The records of a JSON document; null when it holds no array of objects. */
function jsonRecords(doc: unknown, text: string): Records | null {
  let items: unknown[] | undefined;
  let key: string | null = null;
  let streamStart: unknown;
  if (Array.isArray(doc)) items = doc;
  else if (isObject(doc)) {
    for (const k of Object.keys(doc)) {
      const n = normaliseName(k);
      if (STREAM_START.has(n) || n === 'start') streamStart ??= doc[k];
      if (items === undefined && ARRAY_KEYS.includes(n) && Array.isArray(doc[k])) {
        items = doc[k] as unknown[];
        key = k;
      }
    }
  }
  if (!items) return null;
  const raw = new Set<string>();
  const out: Records = { format: 'json', rows: [], bad: [], keys: [] };
  if (streamStart !== undefined) out.streamStart = streamStart;
  let lines: number[] | null = null;
  const lineOf = (i: number): number => {
    lines ??= arrayItemLines(text, key);
    return lines.length === items.length ? (lines[i] ?? 0) : 0;
  };
  items.forEach((it, i) => {
    if (isObject(it)) out.rows.push({ values: flatten(it, raw), line: 0, item: i + 1 });
    else out.bad.push({ line: lineOf(i), item: i + 1, column: 0, code: 'not an object', reason: 'item is not an event object' });
  });
  // Lines only when needed: a reader asks for them through `locate`.
  locators.set(out, (r) => {
    if (r.line === 0 && r.item > 0) r.line = lineOf(r.item - 1);
  });
  out.keys = [...raw];
  return out;
}

/** Gives a JSON record its line in the file when a message needs it (one pass over the text, once). */
const locators = new WeakMap<Records, (r: LogRecord) => void>();
export function locate(records: Records, r: LogRecord): LogRecord {
  locators.get(records)?.(r);
  return r;
}

function ndjsonRecords(text: string): Records {
  const raw = new Set<string>();
  const out: Records = { format: 'ndjson', rows: [], bad: [], keys: [] };
  const lines = text.split('\n');
  lines.forEach((rawLine, i) => {
    const src = rawLine.trim();
    if (src === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(src);
    } catch {
      const where = findJsonSyntaxError(src);
      const column = where ? where.column + rawLine.length - rawLine.trimStart().length : 0;
      out.bad.push({
        line: i + 1,
        item: 0,
        column,
        code: 'invalid JSON',
        reason: where ? `invalid JSON at column ${column}: ${where.message.replace('the end of the file', 'the end of the line')}` : 'invalid JSON',
      });
      return;
    }
    if (!isObject(obj)) {
      out.bad.push({ line: i + 1, item: 0, column: 0, code: 'not an object', reason: 'line is not a JSON object' });
      return;
    }
    const values = flatten(obj, raw);
    if (values.size === 1) {
      const [k, v] = [...values][0]!;
      if (STREAM_START.has(k) || k === 'start') {
        out.streamStart ??= v;
        return;
      }
    }
    out.rows.push({ values, line: i + 1, item: 0 });
  });
  out.keys = [...raw];
  return out;
}

function csvRecords(text: string): Records {
  const out: Records = { format: 'csv', rows: [], bad: [], keys: [] };
  const sep = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r)/i.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  let header: string[] | null = null;
  let pos = 0;
  let line = sep ? 2 : 1;
  Papa.parse<string[]>(body, {
    header: false,
    ...(sep?.[1] && { delimiter: sep[1] }),
    step(res) {
      const row = res.data;
      const end = res.meta.cursor;
      // The row starts after the blank lines before it; its line is the count of line breaks so far.
      let at = pos;
      while (at < end && (body[at] === '\n' || body[at] === '\r')) {
        if (body[at] === '\n' || (body[at] === '\r' && body[at + 1] !== '\n')) line++;
        at++;
      }
      const rowLine = line;
      for (let i = at; i < end; i++) if (body[i] === '\n' || (body[i] === '\r' && body[i + 1] !== '\n')) line++;
      pos = end;
      if (row.every((f) => f.trim() === '')) return;
      if (header === null) {
        header = row.map((h) => h.replace(/^\uFEFF/, '').trim());
        out.keys = header.filter((h) => h !== '');
        return;
      }
      if (res.errors.some((e) => e.code === 'MissingQuotes')) {
        out.bad.push({ line: rowLine, item: 0, column: 0, code: 'bad quotes', reason: 'unclosed quote: a value starting with " never ends' });
        return;
      }
      if (row.length > header.length && row.slice(header.length).some((f) => f.trim() !== '')) {
        out.bad.push({
          line: rowLine,
          item: 0,
          column: 0,
          code: 'wrong field count',
          reason: `row has ${row.length} fields but the header has ${header.length}: quote values that contain the separator`,
        });
        return;
      }
      const values = new Map<string, unknown>();
      header.forEach((h, i) => {
        const k = normaliseName(h);
        if (k !== '' && !values.has(k) && row[i] !== undefined) values.set(k, row[i]);
      });
      out.rows.push({ values, line: rowLine, item: 0 });
    },
  });
  return out;
}

/**
 * The records of a log's text (after its BOM), by the same format decision as the click log's
 * parser: JSON when the whole text is one JSON document, NDJSON when it starts with an object
 * on its own line, else delimited text. Null for a JSON document without an array of objects
 * (the click-log parser gives that refusal).
 */
export function readRecords(body: string): Records | null {
  const first = /\S/.exec(body)?.[0];
  if (first === '[' || first === '{') {
    try {
      // A single object is one NDJSON line: a one-event log.
      return jsonRecords(JSON.parse(body), body) ?? (first === '{' ? ndjsonRecords(body) : null);
    } catch {
      return first === '{' ? ndjsonRecords(body) : null;
    }
  }
  return csvRecords(body);
}

/** How much of the file became events, for the replacement check: every record read, less the rejected ones. */
export function coverageOf(records: Records, rejectedCount: number): LogCoverage {
  const rows = records.rows.length + records.bad.length;
  return { rows, used: Math.max(0, rows - rejectedCount) };
}
