import type { ClickLogKind } from './model';
import type { LogNotice } from './result';

/**
 * The columns a click log can have. The order is the index used for per-row scratch arrays
 * (`FIELD_INDEX`), so it must not change without updating the parsers.
 */
export const FIELDS = ['time', 'timestamp', 'event', 'product_id', 'product_name', 'price'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_INDEX: Readonly<Record<Field, number>> = {
  time: 0,
  timestamp: 1,
  event: 2,
  product_id: 3,
  product_name: 4,
  price: 5,
};

/**
 * Accepted column names (after `normaliseName`), canonical name first. When a file has two
 * columns for one field, the one earlier in its list wins (`product_id` beats `product`).
 */
export const FIELD_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  time: ['time', 't', 'offset', 'seconds', 'sec', 'time_s', 'elapsed', 'video_time', 'position'],
  timestamp: ['timestamp', 'ts', 'datetime', 'date_time', 'created_at', 'event_time', 'at'],
  event: ['event', 'type', 'event_type', 'action', 'kind'],
  product_id: ['product_id', 'productid', 'product', 'sku', 'item_id', 'pid'],
  product_name: ['product_name', 'name', 'title', 'product_title'],
  price: ['price', 'amount', 'unit_price'],
};

/** Keys of a JSON object document (or NDJSON line) that give the stream start. */
export const STREAM_START_KEYS: readonly string[] = ['stream_start', 'streamstart', 'start'];

/** A value of the event column: one of the event kinds, or the stream-start marker row. */
export type EventValue = ClickLogKind | 'stream_start';

/** Accepted event values (after `normaliseName`), canonical value first. */
export const EVENT_ALIASES: Readonly<Record<EventValue, readonly string[]>> = {
  click: ['click', 'clicks', 'product_click', 'tap'],
  add_to_cart: ['add_to_cart', 'addtocart', 'cart', 'atc'],
  order: ['order', 'purchase', 'buy', 'checkout', 'paid'],
  pin: ['pin', 'show', 'showcase'],
  unpin: ['unpin', 'hide'],
  stream_start: ['stream_start', 'live_start', 'start'],
};

/**
 * Normalise a column name, JSON key or event value: strips a BOM and surrounding space,
 * splits camelCase (`productId` → `product_id`), lower-cases, and turns every run of
 * spaces, dashes and other punctuation into one underscore (`Video Time (s)` → `video_time_s`).
 */
export function normaliseName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A column name resolved to a field, with its rank in the alias list (0 = canonical). */
export interface FieldMatch {
  field: Field;
  index: number;
  rank: number;
}

const fieldByAlias = new Map<string, FieldMatch>();
for (const field of FIELDS) {
  FIELD_ALIASES[field].forEach((alias, rank) => {
    fieldByAlias.set(alias, { field, index: FIELD_INDEX[field], rank });
  });
}

const eventByAlias = new Map<string, EventValue>();
for (const [value, aliases] of Object.entries(EVENT_ALIASES) as [EventValue, readonly string[]][]) {
  for (const alias of aliases) eventByAlias.set(alias, value);
}

/** Raw event value → value; a million-row log repeats a handful of spellings. */
const rawEventCache = new Map<string, EventValue | null>();

/** Raw name → match; caches JSON keys, which repeat on every item of a large log. */
const rawNameCache = new Map<string, FieldMatch | null>();

/** The field a raw column name or JSON key stands for, or null when it is not one we use. */
export function fieldOf(rawName: string): FieldMatch | null {
  let match = rawNameCache.get(rawName);
  if (match === undefined) {
    match = fieldByAlias.get(normaliseName(rawName)) ?? null;
    if (rawNameCache.size < 10_000) rawNameCache.set(rawName, match);
  }
  return match;
}

/** True when a raw JSON key names the stream start (`stream_start`, `streamStart`, `start`). */
export function isStreamStartKey(rawName: string): boolean {
  return STREAM_START_KEYS.includes(normaliseName(rawName));
}

/** The event kind (or stream-start marker) a raw event value stands for; case-insensitive. */
export function eventOf(raw: string): EventValue | undefined {
  const direct = eventByAlias.get(raw);
  if (direct !== undefined) return direct;
  let value = rawEventCache.get(raw);
  if (value === undefined) {
    value = eventByAlias.get(normaliseName(raw)) ?? null;
    if (rawEventCache.size < 10_000) rawEventCache.set(raw, value);
  }
  return value ?? undefined;
}

/** Column index of each field in a CSV header, -1 when absent. */
export type ColumnMap = Int32Array;

export interface HeaderMapping {
  /** Indexed by `FIELD_INDEX`; -1 when the header has no such column. */
  columns: ColumnMap;
  /** Notes about ignored duplicate columns. */
  notices: LogNotice[];
  /** Whole-file error when a required column is missing, else null. */
  error: string | null;
}

/** Map a CSV header row to fields. */
export function mapHeader(header: readonly string[]): HeaderMapping {
  const columns = new Int32Array(FIELDS.length).fill(-1);
  const ranks = new Int32Array(FIELDS.length).fill(1 << 30);
  const labels: string[] = FIELDS.map((f) => f); // the file's name of each mapped column
  const notices: LogNotice[] = [];
  header.forEach((raw, col) => {
    const match = fieldOf(raw);
    if (!match) return;
    const name = raw.replace(/^\uFEFF/, '').trim();
    const i = match.index;
    const kept = columns[i] ?? -1;
    if (kept >= 0) {
      const previous = labels[i] ?? match.field;
      const replace = match.rank < (ranks[i] ?? 0);
      const [keep, drop] = replace ? [name, previous] : [previous, name];
      const message =
        previous === name
          ? `Columns ${kept + 1} and ${col + 1} are both named "${name}"; using column ${kept + 1} and ignoring column ${col + 1}.`
          : `Columns "${previous}" and "${name}" both mean ${match.field}; using "${keep}" and ignoring "${drop}".`;
      notices.push({ code: 'duplicate-column', message });
      if (!replace) return;
    }
    columns[i] = col;
    ranks[i] = match.rank;
    labels[i] = name;
  });
  const found = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter((h) => h !== '');
  return { columns, notices, error: missingFieldsError(found, (i) => (columns[i] ?? -1) >= 0, 'columns') };
}

/**
 * The whole-file error for a log without the required fields (a time or timestamp, an event,
 * a product_id), or null when they are all present. `has(i)` tells whether field index i exists.
 */
export function missingFieldsError(found: readonly string[], has: (index: number) => boolean, noun: 'columns' | 'fields'): string | null {
  const missing: string[] = [];
  const accepted = (f: Field): string => FIELD_ALIASES[f].join(', ');
  if (!has(FIELD_INDEX.time) && !has(FIELD_INDEX.timestamp)) {
    missing.push(`a time column (relative: ${accepted('time')}; or absolute: ${accepted('timestamp')})`);
  }
  if (!has(FIELD_INDEX.event)) missing.push(`an event column (${accepted('event')})`);
  if (!has(FIELD_INDEX.product_id)) missing.push(`a product_id column (${accepted('product_id')})`);
  if (missing.length === 0) return null;
  const shown = found
    .slice(0, 30)
    .map((h) => `"${h}"`)
    .join(', ');
  const foundText = found.length === 0 ? `no ${noun}` : `${noun} ${shown}${found.length > 30 ? ', …' : ''}`;
  return `The click log needs ${missing.join('; ')}. Found ${foundText}.`;
}
