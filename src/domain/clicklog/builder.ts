import { CLICK_LOG_KINDS, EVENT_KINDS, kindCode, type EventKind, type EventTable, type Product } from './model';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../format';
import { RowKeys } from './duplicates';
import { EVENT_ALIASES, eventOf } from './fields';
import type { LogNotice, LogRejectedRow } from './result';
import { epochToMs, hasDecimalComma, parseAbsoluteTime, parseRelativeTime, withDecimalPoint } from './time';

/** How many rejected rows a log keeps with their reasons; all are counted. */
export const MAX_REJECTED = 200;
/** A product_id longer than this is not an id but a broken export (a shifted column, a pasted document). */
export const PRODUCT_ID_MAX = 1000;

/** Short names of rejection causes, used to summarise ("2 unknown event, 1 bad time"). */
export type RejectCategory =
  | 'bad time'
  | 'decimal comma'
  | 'negative time'
  | 'bad timestamp'
  | 'missing time'
  | 'unknown event'
  | 'missing event'
  | 'missing product_id'
  | 'bad product_id'
  | 'wrong field count'
  | 'bad quotes'
  | 'invalid JSON'
  | 'not an object'
  | 'bad stream_start';

const KIND_CODES: Readonly<Record<EventKind, number>> = Object.fromEntries(EVENT_KINDS.map((k) => [k, kindCode(k)])) as Record<EventKind, number>;
const EXPECTED_EVENTS = `expected ${CLICK_LOG_KINDS.join(', ')}`;
const STREAM_START_WORDS = EVENT_ALIASES.stream_start.join('/');

/** Why "1,500" is refused where a comma may also separate thousands, with both readings. */
function decimalCommaReason(text: string): string {
  const readings = text.includes(':') ? '' : ` (${text.replace(',', '.')} or ${text.replace(',', '')}?)`;
  return `time ${quote(text)} has a comma, which in a comma-separated file or JSON may be a decimal or a thousands separator${readings}: write the seconds with a point, or separate the file with semicolons`;
}

/** A value as trimmed text, for parsing and for messages. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** Counts what was cut to fit, and where the first was, for one notice. */
class Shortened {
  count = 0;
  line = 0;
  item = 0;
  note(line: number, item: number): void {
    if (this.count++ > 0) return;
    this.line = line;
    this.item = item;
  }
}

/** Quote a value for a message, shortened so one bad cell cannot flood the UI. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(short);
}

/**
 * Accumulates valid events into growing typed arrays (doubling, so a million rows cost about
 * twenty reallocations and no per-row objects), interns products, and records rejected rows.
 * Shared by the CSV and JSON readers; rows come in as loose values (strings from CSV, any JSON
 * value from JSON).
 */
export class LogBuilder {
  time: Float64Array;
  absolute: Uint8Array;
  kind: Uint8Array;
  product: Uint32Array;
  length = 0;
  readonly products: Product[] = [];
  private readonly productIndex = new Map<string, number>();
  streamStartMs: number | undefined;
  readonly rejected: LogRejectedRow[] = [];
  rejectedCount = 0;
  private readonly categoryCounts = new Map<RejectCategory, number>();
  readonly notices: LogNotice[] = [];
  /** Each event row's key and identity, for `dropDuplicates`; the readers fill it. */
  readonly keys = new RowKeys();
  private conflictingStarts = 0;
  private readonly longNames = new Shortened();
  private readonly longPrices = new Shortened();
  /** Times may use a decimal comma: set for text separated by something other than commas. */
  decimalComma = false;
  // Result of readTime, kept in fields to avoid a tuple per row.
  private t = 0;
  private abs = 0;

  constructor(initialCapacity = 4096) {
    const cap = Math.max(16, initialCapacity);
    this.time = new Float64Array(cap);
    this.absolute = new Uint8Array(cap);
    this.kind = new Uint8Array(cap);
    this.product = new Uint32Array(cap);
  }

  /**
   * Validate one row and append it as an event, record it as the stream start, or reject it.
   * `line` and `item` locate the row for messages (0 = unknown).
   */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one row's checks in the order a user reads the error (time, event, product, name, price), each a short guard; split, they would pass the row and line around
  addRow(time: unknown, timestamp: unknown, event: unknown, productId: unknown, name: unknown, price: unknown, line: number, item: number): void {
    const eventText = textOf(event);
    if (eventText === '') {
      this.reject('missing event', 'missing event', line, item);
      return;
    }
    const value = typeof event === 'string' || typeof event === 'number' ? eventOf(eventText) : undefined;
    if (value === undefined) {
      this.reject('unknown event', `unknown event ${quote(eventText)} (${EXPECTED_EVENTS})`, line, item);
      return;
    }
    if (value === 'stream_start' && textOf(time) === '' && textOf(timestamp) === '') {
      this.reject('bad stream_start', `${quote(eventText)} row has no timestamp`, line, item);
      return;
    }
    // A stream start is absolute: prefer the row's timestamp over its relative time.
    const preferTimestamp = value === 'stream_start' && textOf(timestamp) !== '';
    if (!this.readTime(preferTimestamp ? undefined : time, timestamp, line, item)) return;

    if (value === 'stream_start') {
      if (this.abs !== 1) {
        this.reject('bad stream_start', `${quote(eventText)} row needs an absolute timestamp (ISO 8601 or epoch), not a relative time`, line, item);
        return;
      }
      this.setStreamStart(this.t);
      return;
    }

    if (typeof productId === 'object' && productId !== null) {
      this.reject('bad product_id', `product_id ${textOf(productId).slice(0, 60)} is not a string or number`, line, item);
      return;
    }
    const id = textOf(productId);
    if (id === '') {
      this.reject('missing product_id', `missing product_id`, line, item);
      return;
    }
    if (id.length > PRODUCT_ID_MAX) {
      this.reject(
        'bad product_id',
        `product_id ${quote(id)} is ${id.length.toLocaleString('en-US')} characters long (at most ${PRODUCT_ID_MAX}): is a column shifted?`,
        line,
        item,
      );
      return;
    }

    let p = this.productIndex.get(id);
    if (p === undefined) {
      p = this.products.length;
      this.productIndex.set(id, p);
      this.products.push({ id });
    }
    if (name !== undefined || price !== undefined) {
      const prod = this.products[p];
      if (prod) {
        if (prod.name === undefined && name !== undefined && name !== null) {
          const n = this.capped(textOf(name), PRODUCT_NAME_MAX, this.longNames, line, item);
          if (n !== '') prod.name = n;
        }
        if (prod.price === undefined && price !== undefined && price !== null) {
          const pr = this.capped(textOf(price), PRICE_MAX, this.longPrices, line, item);
          if (pr !== '') prod.price = pr;
        }
      }
    }

    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = this.t;
    this.absolute[i] = this.abs;
    this.kind[i] = KIND_CODES[value];
    this.product[i] = p;
  }

  /** `text` capped to `max` characters; a cut is counted for the notice. */
  private capped(text: string, max: number, tally: Shortened, line: number, item: number): string {
    const out = capText(text, max);
    if (out !== text) tally.note(line, item);
    return out;
  }

  /** Sets `this.t`/`this.abs` from the row's time or timestamp, or rejects the row and returns false. */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a time column in every form sellers' tools write (seconds, clock, ISO with or without zone, epoch s/ms), each a guard with its own message
  private readTime(time: unknown, timestamp: unknown, line: number, item: number): boolean {
    const timeText = typeof time === 'number' ? '' : this.decimal(textOf(time));
    if (typeof time === 'number' || timeText !== '') {
      const shown = typeof time === 'number' ? String(time) : timeText;
      const rel = typeof time === 'number' ? parseRelativeTime(time) : typeof time === 'string' ? parseRelativeTime(timeText) : null;
      if (rel === null) {
        // An ISO date-time in the time column is taken as an absolute time.
        const absMs = typeof time === 'string' ? parseAbsoluteTime(timeText) : null;
        if (absMs === null) {
          if (hasDecimalComma(timeText)) this.reject('decimal comma', decimalCommaReason(timeText), line, item);
          else this.reject('bad time', `time ${quote(shown)} is not seconds, mm:ss or hh:mm:ss`, line, item);
          return false;
        }
        this.t = absMs;
        this.abs = 1;
        return true;
      }
      if (rel < 0) {
        this.reject('negative time', `negative time ${shown}`, line, item);
        return false;
      }
      if (rel >= 1e9) {
        // No recording lasts 31 years: a number this large is an epoch timestamp.
        const ms = epochToMs(rel);
        if (ms === null) {
          this.reject('bad time', `time ${quote(shown)} is too large for seconds and not an epoch timestamp`, line, item);
          return false;
        }
        this.t = ms;
        this.abs = 1;
        return true;
      }
      this.t = rel;
      this.abs = 0;
      return true;
    }
    const tsText = typeof timestamp === 'number' ? String(timestamp) : this.decimal(textOf(timestamp));
    if (tsText !== '') {
      const ms = typeof timestamp === 'number' ? parseAbsoluteTime(timestamp) : typeof timestamp === 'string' ? parseAbsoluteTime(tsText) : null;
      if (ms === null) {
        this.reject('bad timestamp', `timestamp ${quote(tsText)} is not an ISO 8601 date-time or epoch seconds/milliseconds`, line, item);
        return false;
      }
      this.t = ms;
      this.abs = 1;
      return true;
    }
    this.reject('missing time', 'missing time (no time or timestamp value)', line, item);
    return false;
  }

  /** Record the stream start; the first one wins, later different ones are counted for a warning. */
  setStreamStart(ms: number): void {
    if (this.streamStartMs === undefined) this.streamStartMs = ms;
    else if (this.streamStartMs !== ms) this.conflictingStarts++;
  }

  private decimal(text: string): string {
    return this.decimalComma ? withDecimalPoint(text) : text;
  }

  /** Skip a row; `column` (1-based characters) when the cause is at one place in the line. */
  reject(category: RejectCategory, reason: string, line: number, item: number, column = 0): void {
    this.rejectedCount++;
    this.categoryCounts.set(category, (this.categoryCounts.get(category) ?? 0) + 1);
    if (this.rejected.length < MAX_REJECTED) {
      const row: LogRejectedRow = { code: category, reason };
      if (line > 0) row.line = line;
      if (item > 0) row.item = item;
      if (column > 0) row.column = column;
      this.rejected.push(row);
    }
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    time.set(this.time);
    this.time = time;
    const absolute = new Uint8Array(cap);
    absolute.set(this.absolute);
    this.absolute = absolute;
    const kind = new Uint8Array(cap);
    kind.set(this.kind);
    this.kind = kind;
    const product = new Uint32Array(cap);
    product.set(this.product);
    this.product = product;
  }

  /** The events as exact-size arrays (copies, so each owns a buffer that can be transferred). */
  table(): EventTable {
    const n = this.length;
    return {
      time: this.time.slice(0, n),
      absolute: this.absolute.slice(0, n),
      kind: this.kind.slice(0, n),
      product: this.product.slice(0, n),
    };
  }

  /** "2 unknown event, 1 bad time": rejection causes, most frequent first. */
  rejectSummary(): string {
    return [...this.categoryCounts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([category, count]) => `${count} ${category}`)
      .join(', ');
  }

  /** Notices gathered while reading, plus those about conflicting stream starts and shortened text. */
  allNotices(): LogNotice[] {
    const out = [...this.notices];
    if (this.conflictingStarts > 0 && this.streamStartMs !== undefined) {
      out.push({
        code: 'conflicting-starts',
        message: `The log has ${this.conflictingStarts + 1} different ${STREAM_START_WORDS} times; using the first, ${new Date(this.streamStartMs).toISOString()}.`,
      });
    }
    const cut = [
      [this.longNames, `product name${this.longNames.count === 1 ? ' was' : 's were'} longer than ${PRODUCT_NAME_MAX}`] as const,
      [this.longPrices, `price${this.longPrices.count === 1 ? ' was' : 's were'} longer than ${PRICE_MAX}`] as const,
    ].filter(([tally]) => tally.count > 0);
    const first = cut[0]?.[0];
    if (first) {
      const what = cut.map(([tally, text]) => `${tally.count} ${text} characters`).join(' and ');
      const where = first.line > 0 ? ` (first at line ${first.line})` : first.item > 0 ? ` (first in item ${first.item})` : '';
      out.push({
        code: 'shortened',
        message: `${what}${where}; shortened to fit, ending in "…". Edit the name on the clip if you want another.`,
        ...(first.line > 0 && { line: first.line }),
      });
    }
    return out;
  }
}
