import { quote, type LogBuilder } from './builder';
import type { ReadResult } from './csv';
import { isIdentityName } from './duplicates';
import { FIELDS, FIELD_INDEX, fieldOf, isStreamStartKey, missingFieldsError, normaliseName } from './fields';
import { arrayItemLines, findJsonSyntaxError } from './jsonsyntax';
import { refused, type LogFailure } from './result';
import { parseAbsoluteTime } from './time';

const FIELD_COUNT = FIELDS.length;

/** Which fields and keys the items of a JSON log had, for the missing-fields error. */
class KeysSeen {
  mask = 0;
  /** Items that were objects. */
  objects = 0;
  readonly keys = new Set<string>();
  note(key: string): void {
    if (this.keys.size < 50) this.keys.add(key);
  }
  error(): ReadResult['error'] {
    const message = missingFieldsError([...this.keys], (i) => (this.mask & (1 << i)) !== 0, 'fields');
    return message === null ? null : { code: 'missing-columns', message };
  }
}

// Scratch for one item, reused so a million items allocate nothing here.
const values: unknown[] = new Array<unknown>(FIELD_COUNT);
const ranks = new Int32Array(FIELD_COUNT);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Identity keys (a user or event id) by raw key, cached: keys repeat on every item. */
const identityKeys = new Map<string, boolean>();

/** True when an item's key is not a log field but a per-event identity; names new ones for the notice. */
function identityKeyOf(b: LogBuilder, key: string): boolean {
  let yes = identityKeys.get(key);
  if (yes === undefined) {
    yes = fieldOf(key) === null && !isStreamStartKey(key) && isIdentityName(key);
    if (identityKeys.size < 10_000) identityKeys.set(key, yes);
  }
  if (yes && b.keys.identityNames.length < 3 && !b.keys.identityNames.includes(key)) b.keys.identityNames.push(key);
  return yes;
}

/** Read one JSON object as a row. */
function readItem(b: LogBuilder, obj: Record<string, unknown>, line: number, item: number, seen: KeysSeen): void {
  seen.objects++;
  values.fill(undefined);
  ranks.fill(1 << 30);
  let startKey: string | null = null;
  for (const key in obj) {
    const match = fieldOf(key);
    if (match === null) {
      if (startKey === null && isStreamStartKey(key)) startKey = key;
      seen.note(key);
      continue;
    }
    if (match.rank < (ranks[match.index] ?? 0)) {
      ranks[match.index] = match.rank;
      values[match.index] = obj[key];
      if ((seen.mask & (1 << match.index)) === 0) {
        seen.mask |= 1 << match.index;
        seen.note(key);
      }
    }
  }
  if (startKey !== null && values[FIELD_INDEX.event] === undefined) {
    // A line like {"stream_start": "2024-05-01T12:00:00Z"} in NDJSON.
    const v = obj[startKey];
    const ms = typeof v === 'string' || typeof v === 'number' ? parseAbsoluteTime(v) : null;
    if (ms === null) b.reject('bad stream_start', `${startKey} ${quote(String(v))} is not an ISO 8601 date-time or epoch timestamp`, line, item);
    else b.setStreamStart(ms);
    return;
  }
  const before = b.length;
  b.addRow(values[0], values[1], values[2], values[3], values[4], values[5], line, item);
  if (b.length > before) b.keys.jsonItem(before, obj, (key) => identityKeyOf(b, key));
}

/**
 * Read a parsed JSON document: an array of event objects, or an object
 * `{ "stream_start": …, "events": [...] }` (`streamStart` and `start` also name the start).
 * A lone event object is read as a one-event log.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the JSON shapes logs come in (array, events under a key, an object of arrays), each with its own error
export function readJsonDocument(doc: unknown, text: string, b: LogBuilder): ReadResult {
  let items: unknown[];
  let eventsKey: string | null = null;
  if (Array.isArray(doc)) {
    items = doc;
  } else if (isObject(doc)) {
    const keys = Object.keys(doc);
    eventsKey = keys.find((k) => normaliseName(k) === 'events') ?? null;
    const startKey = keys.find(isStreamStartKey);
    if (eventsKey === null) {
      if (keys.some((k) => fieldOf(k) !== null)) {
        items = [doc];
      } else {
        const found = keys
          .slice(0, 20)
          .map((k) => `"${k}"`)
          .join(', ');
        return {
          error: {
            code: 'json-shape',
            message: `The JSON object has no "events" array. Expected an array of events, or { "stream_start": …, "events": [ … ] }; found keys ${found}.`,
          },
          rows: 0,
        };
      }
    } else {
      const ev = doc[eventsKey];
      if (!Array.isArray(ev)) return { error: { code: 'json-shape', message: `"${eventsKey}" must be an array of event objects.` }, rows: 0 };
      items = ev;
      if (startKey !== undefined) {
        const v = doc[startKey];
        const ms = typeof v === 'string' || typeof v === 'number' ? parseAbsoluteTime(v) : null;
        if (ms === null) {
          b.notices.push({
            code: 'stream-start-ignored',
            message: `Ignored "${startKey}": ${quote(String(v))} is not an ISO 8601 date-time or epoch timestamp.`,
          });
        } else b.setStreamStart(ms);
      }
    }
  } else {
    return { error: { code: 'json-shape', message: 'The JSON document must be an array of events or an object with an "events" array.' }, rows: 0 };
  }

  const seen = new KeysSeen();
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (isObject(it)) readItem(b, it, 0, i + 1, seen);
    else
      b.reject(
        'not an object',
        `item is ${it === null ? 'null' : Array.isArray(it) ? 'an array' : typeof it === 'string' ? `the string ${quote(it)}` : `the ${typeof it} ${String(it)}`}, not an event object`,
        0,
        i + 1,
      );
  }
  // Give rejected items their line in the file; one extra pass, only when something was rejected.
  if (b.rejected.some((r) => r.item !== undefined) && (eventsKey !== null || Array.isArray(doc))) {
    const lines = arrayItemLines(text, eventsKey);
    if (lines.length === items.length) {
      for (const r of b.rejected) if (r.item !== undefined) r.line = lines[r.item - 1];
    }
  }
  return { error: b.length === 0 && seen.objects > 0 ? seen.error() : null, rows: items.length };
}

/** Read newline-delimited JSON: one event object per line; blank lines are skipped. */
export function readNdjson(text: string, b: LogBuilder): ReadResult {
  const seen = new KeysSeen();
  let rows = 0;
  let line = 0;
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    const src = raw.trim();
    if (src === '') continue;
    rows++;
    let obj: unknown;
    try {
      obj = JSON.parse(src);
    } catch {
      const where = findJsonSyntaxError(src);
      const column = where ? where.column + raw.length - raw.trimStart().length : 0;
      b.reject(
        'invalid JSON',
        where ? `invalid JSON at column ${column}: ${where.message.replace('the end of the file', 'the end of the line')}` : 'invalid JSON',
        line,
        0,
        column,
      );
      continue;
    }
    if (isObject(obj)) readItem(b, obj, line, 0, seen);
    else b.reject('not an object', 'line is not a JSON object', line, 0);
  }
  return { error: b.length === 0 && seen.objects > 0 ? seen.error() : null, rows };
}

/** The refusal of text that starts like JSON but does not parse, with the line and column of the first error. */
export function invalidJson(text: string, engineMessage: string, fileName: string): LogFailure {
  const where = findJsonSyntaxError(text);
  return where
    ? refused('invalid-json', `${fileName}: Not valid JSON at line ${where.line}, column ${where.column}: ${where.message}.`, where)
    : refused('invalid-json', `${fileName}: Not valid JSON: ${engineMessage}.`);
}
