/**
 * Interval analytics: rows that carry counts for a time span per product (a LIVE dashboard's or
 * a third-party tool's per-minute export: minute start, product, clicks, add-to-carts, orders,
 * sales). Each count becomes that many events spread evenly over the row's span, so the
 * selection weighs them like a click log's events (docs/signals.md).
 */
import type { EventKind } from '../clicklog/model';
import { FIELD_ALIASES } from '../clicklog/fields';
import { quote } from '../clicklog/builder';
import type { ClickLogResult } from '../clicklog/result';
import { parseAbsoluteTime, parseRelativeTime } from '../clicklog/time';
import { locate, type LogRecord, type Records } from './records';
import { hasAny, pick, plural, SignalTable, textOf } from './table';

export const START_KEYS = [
  'interval_start',
  'period_start',
  'window_start',
  'minute_start',
  'start_time',
  'time_start',
  'start',
  'from',
  'bucket',
  ...FIELD_ALIASES.time,
  ...FIELD_ALIASES.timestamp,
  'date',
] as const;
/** A start column with these names holding plain numbers counts minutes (0, 1, 2 …), not seconds. */
export const MINUTE_KEYS = ['minute', 'min', 'minute_index', 'minute_no'] as const;
export const END_KEYS = ['interval_end', 'period_end', 'window_end', 'minute_end', 'end_time', 'time_end', 'end', 'to'] as const;
export const DURATION_KEYS = [
  'duration',
  'duration_s',
  'duration_sec',
  'granularity',
  'interval',
  'interval_s',
  'interval_sec',
  'span',
  'bucket_size',
] as const;
export const COUNT_KEYS: Readonly<Record<'click' | 'add_to_cart' | 'order', readonly string[]>> = {
  click: ['clicks', 'product_clicks', 'click_count', 'clicks_count', 'taps', 'product_taps'],
  add_to_cart: ['add_to_carts', 'add_to_cart', 'add_to_cart_count', 'atc', 'carts', 'cart_adds'],
  order: ['orders', 'order_count', 'orders_count', 'units_sold', 'items_sold', 'sold', 'purchases', 'sku_orders'],
};
/** Money columns: read past, never counted (orders already say how many bought). */
export const MONEY_KEYS = ['sales', 'gmv', 'revenue', 'sales_amount', 'gross_sales'] as const;
const PRODUCT_KEYS = [...FIELD_ALIASES.product_id] as const;
const NAME_KEYS = [...FIELD_ALIASES.product_name, 'product_name'] as const;

/** One row's count of one kind at most this: more is not a minute of a LIVE but a shifted column. */
export const MAX_COUNT_PER_ROW = 10_000;
/** When nothing gives a span and only one start exists, a row is taken to be a minute. */
const DEFAULT_STEP_SEC = 60;

const KINDS = ['click', 'add_to_cart', 'order'] as const;
const NOUNS: Record<(typeof KINDS)[number], [string, string]> = {
  click: ['click', 'clicks'],
  add_to_cart: ['add-to-cart', 'add-to-carts'],
  order: ['order', 'orders'],
};

/** True when a record's keys look like interval analytics: a count column and no event column. */
export function looksLikeInterval(keys: ReadonlySet<string>): boolean {
  return !hasAny(keys, FIELD_ALIASES.event) && KINDS.some((k) => hasAny(keys, COUNT_KEYS[k]));
}

interface Row {
  r: LogRecord;
  start: number;
  abs: boolean;
  end?: number;
  product: number;
  counts: number[];
}

/** A count: a whole number ≥ 0 (`1,234` with thousands commas is fine), else null. */
export function parseCount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v) : null;
  const t = textOf(v).replace(/^(\d{1,3})((?:[,\s]\d{3})+)$/, (_, a: string, b: string) => a + b.replace(/[,\s]/g, ''));
  if (t === '' || t === '-') return 0;
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t));
}

/** Seconds from the start (relative) or epoch ms (absolute) of a start/end value, or null. */
function timeOf(v: unknown, minutes: boolean): { t: number; abs: boolean } | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const rel = parseRelativeTime(v);
  if (rel !== null && rel >= 0 && rel < 1e9) return { t: minutes && /^\s*\d+(\.\d+)?\s*$/.test(String(v)) ? rel * 60 : rel, abs: false };
  const ms = parseAbsoluteTime(v);
  return ms === null ? null : { t: ms, abs: true };
}

/** A duration in seconds: `60`, `60s`, `1m`, `5 min`, `1:00`; null when unreadable. */
export function parseDuration(v: unknown): number | null {
  const t = textOf(v).toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]?.[0];
    const s = unit === 'm' ? n * 60 : unit === 'h' ? n * 3600 : n;
    return s > 0 ? s : null;
  }
  const clock = parseRelativeTime(t);
  return clock !== null && clock > 0 ? clock : null;
}

/** The smallest step between consecutive distinct starts, in seconds (per time form). */
function stepOf(rows: readonly Row[], abs: boolean): number | null {
  const starts = [...new Set(rows.filter((r) => r.abs === abs).map((r) => r.start))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < starts.length; i++) step = Math.min(step, starts[i]! - starts[i - 1]!);
  if (!Number.isFinite(step)) return null;
  return abs ? step / 1000 : step;
}

const spanWords = (sec: number): string =>
  sec === 60 ? 'Per-minute analytics' : sec % 60 === 0 ? `Analytics per ${sec / 60} minutes` : `Analytics per ${Math.round(sec * 10) / 10} s`;

/**
 * Read interval analytics into a log of spread events. Rows with a bad start, product or count
 * are skipped with their line; the file is refused when no row is usable.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one pass over the rows with a guard and message per column (start, end or duration, product, each count), then the spread
export function readInterval(records: Records, fileName: string): ClickLogResult {
  const t = new SignalTable();
  t.rejectBad(records.bad);
  const keys = new Set(records.rows.flatMap((r) => [...r.values.keys()]).slice(0, 500));
  const minuteKey = MINUTE_KEYS.find((k) => keys.has(k));
  const startKeys: readonly string[] = minuteKey ? [minuteKey, ...START_KEYS] : START_KEYS;
  const found = records.keys.map((k) => `"${k}"`).join(', ');
  if (!hasAny(keys, startKeys)) {
    return fail(
      'missing-columns',
      `${fileName}: This looks like interval analytics (it has ${countNames(keys)} columns) but has no start time column. Each row needs when its span starts (${['minute', 'start_time', 'interval_start', 'time', 'timestamp'].join(', ')}). Found ${found}.`,
    );
  }
  if (!hasAny(keys, PRODUCT_KEYS) && !hasAny(keys, NAME_KEYS)) {
    return fail(
      'missing-columns',
      `${fileName}: This looks like interval analytics but has no product column: the counts must be per product (${[...PRODUCT_KEYS, 'product_name'].join(', ')}). Found ${found}.`,
    );
  }
  const countKeys = KINDS.map((k) => COUNT_KEYS[k].find((c) => keys.has(c)));
  const rows: Row[] = [];
  let capped: { line: number; value: number } | undefined;
  for (const r of records.rows) {
    const v = r.values;
    const at = () => locate(records, r);
    const rawStart = pick(v, startKeys);
    const start = timeOf(rawStart, minuteKey !== undefined && v.get(minuteKey) === rawStart);
    if (start === null) {
      const a = at();
      if (rawStart === undefined) t.reject('missing time', 'missing start time', a.line, a.item);
      else t.reject('bad time', `start ${quote(textOf(rawStart))} is not seconds, mm:ss, hh:mm:ss or a date-time`, a.line, a.item);
      continue;
    }
    const rawId = textOf(pick(v, PRODUCT_KEYS));
    const name = textOf(pick(v, NAME_KEYS));
    if (rawId === '' && name === '') {
      const a = at();
      t.reject('missing product', 'missing product (no product_id or name)', a.line, a.item);
      continue;
    }
    const { counts, bad, over } = readCounts(v, countKeys);
    if (over > 0 && capped === undefined) capped = { line: at().line || at().item, value: over };
    if (bad !== null) {
      const a = at();
      t.reject('bad count', bad, a.line, a.item);
      continue;
    }
    const row: Row = {
      r,
      start: start.t,
      abs: start.abs,
      product: t.productOf(rawId || name, name || undefined, textOf(pick(v, FIELD_ALIASES.price)) || undefined),
      counts,
    };
    const end = timeOf(pick(v, END_KEYS), false);
    const dur = parseDuration(pick(v, DURATION_KEYS));
    if (end && end.abs === start.abs && end.t > start.t) row.end = end.t;
    else if (dur !== null) row.end = start.t + (start.abs ? dur * 1000 : dur);
    rows.push(row);
  }
  const steps = { rel: stepOf(rows, false), abs: stepOf(rows, true) };
  const stepFor = (abs: boolean) => (abs ? steps.abs : steps.rel) ?? DEFAULT_STEP_SEC;
  const totals = [0, 0, 0];
  for (const row of rows) {
    const end = row.end ?? row.start + (row.abs ? stepFor(true) * 1000 : stepFor(false));
    row.counts.forEach((n, i) => {
      totals[i]! += n;
      // n events evenly over [start, end): each at the middle of its n-th share of the span.
      for (let k = 0; k < n; k++) t.push(row.start + ((k + 0.5) * (end - row.start)) / n, row.abs, KINDS[i]!, row.product);
    });
  }
  if (t.length === 0) {
    if (rows.length > 0)
      return fail('nothing-to-use', `${fileName}: Every count in the analytics is 0: there are no clicks, add-to-carts or orders to rank moments by.`);
    const first = t.rejected[0];
    return {
      ...fail(
        'no-usable-rows',
        `${fileName}: No usable rows: ${t.rejectSummary()}.${first ? ` First problem, line ${first.line ?? first.item}: ${first.reason}.` : ''}`,
        first?.line,
        first?.column,
      ),
      rejected: t.rejected,
      rejectedCount: t.rejectedCount,
    };
  }
  const span = rows.every((r) => r.end !== undefined) ? undefined : stepFor(rows.some((r) => r.abs));
  const what = KINDS.flatMap((k, i) => (totals[i]! > 0 ? [plural(totals[i]!, ...NOUNS[k])] : []));
  const summary = `${span === undefined ? 'Interval analytics' : spanWords(span)}: ${plural(rows.length, 'row')}, ${plural(t.products.length, 'product')}, ${join(what)} spread over their ${span === 60 ? 'minutes' : 'spans'} — used to rank moments like clicks.`;
  if (span !== undefined && steps.rel === null && steps.abs === null) {
    t.notices.push({ code: 'not-used', message: 'Every row starts at the same time and none gives its end or duration: each was taken to last a minute.' });
  }
  const money = MONEY_KEYS.filter((k) => keys.has(k));
  if (money.length > 0) {
    t.notices.push({
      code: 'not-used',
      message: `The ${money.map((k) => `"${k}"`).join(', ')} column${money.length > 1 ? 's are' : ' is'} not used: money says how much, orders already say how many bought.`,
    });
  }
  if (capped) {
    t.notices.push({
      code: 'capped',
      message: `A count of ${capped.value.toLocaleString('en-US')} (line ${capped.line}) is more than ${MAX_COUNT_PER_ROW.toLocaleString('en-US')} in one row: counts were capped at that. Check that the column holds counts, not money or views.`,
      line: capped.line,
    });
  }
  if (t.rejectedCount > 0) {
    t.notices.unshift({
      code: 'skipped-rows',
      message: `Read ${plural(rows.length, 'row')}; skipped ${plural(t.rejectedCount, 'row')} (${t.rejectSummary()})`,
    });
  }
  return t.result(fileName, records, { source: 'interval', summary });

  function countNames(k: ReadonlySet<string>): string {
    return KINDS.flatMap((kind) => COUNT_KEYS[kind].filter((c) => k.has(c))).join(', ');
  }
}

/** A row's count of each kind (capped), the first unreadable one's message, and the first count over the cap. */
function readCounts(v: ReadonlyMap<string, unknown>, countKeys: ReadonlyArray<string | undefined>): { counts: number[]; bad: string | null; over: number } {
  const counts: number[] = [];
  let bad: string | null = null;
  let over = 0;
  for (const k of countKeys) {
    const n = k === undefined ? 0 : parseCount(v.get(k));
    if (n === null) bad ??= `${k} ${quote(textOf(k === undefined ? '' : v.get(k)))} is not a count`;
    if ((n ?? 0) > MAX_COUNT_PER_ROW && over === 0) over = n ?? 0;
    counts.push(Math.min(n ?? 0, MAX_COUNT_PER_ROW));
  }
  return { counts, bad, over };
}

function join(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function fail(
  code: 'missing-columns' | 'nothing-to-use' | 'no-usable-rows',
  error: string,
  line?: number,
  column?: number,
): Extract<ClickLogResult, { ok: false }> {
  return { ok: false, code, error, ...(line !== undefined && { line }), ...(column !== undefined && column > 0 && { column }), rejected: [], rejectedCount: 0 };
}

export type IntervalKind = Extract<EventKind, 'click' | 'add_to_cart' | 'order'>;
