/** Events, products and skipped rows as the interval and chat readers gather them, ending as a parsed log. */
import { kindCode, type EventKind, type LogFormat, type LogSignals, type Product } from '../clicklog/model';
import type { ClickLogResult, LogNotice, LogRejectedRow, ParsedClickLog } from '../clicklog/result';
import { MAX_REJECTED } from '../clicklog/builder';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../format';
import { type BadRecord, coverageOf, type Records } from './records';

export type SignalRejectCode = LogRejectedRow['code'];

export class SignalTable {
  readonly time: number[] = [];
  readonly absolute: number[] = [];
  readonly kind: number[] = [];
  readonly product: number[] = [];
  readonly products: Product[] = [];
  readonly #index = new Map<string, number>();
  readonly rejected: LogRejectedRow[] = [];
  rejectedCount = 0;
  readonly #causes = new Map<string, number>();
  readonly notices: LogNotice[] = [];
  streamStartMs: number | undefined;

  /** The product with this id, added on first sight; its name and price from the first row that has them. */
  productOf(id: string, name?: string, price?: string): number {
    let p = this.#index.get(id);
    if (p === undefined) {
      p = this.products.length;
      this.#index.set(id, p);
      this.products.push({ id });
    }
    const prod = this.products[p]!;
    if (prod.name === undefined && name) prod.name = capText(name, PRODUCT_NAME_MAX);
    if (prod.price === undefined && price) prod.price = capText(price, PRICE_MAX);
    return p;
  }

  push(time: number, absolute: boolean, kind: EventKind, product: number): void {
    this.time.push(time);
    this.absolute.push(absolute ? 1 : 0);
    this.kind.push(kindCode(kind));
    this.product.push(product);
  }

  get length(): number {
    return this.time.length;
  }

  reject(code: SignalRejectCode, reason: string, line: number, item: number, column = 0): void {
    this.rejectedCount++;
    this.#causes.set(code, (this.#causes.get(code) ?? 0) + 1);
    if (this.rejected.length >= MAX_REJECTED) return;
    const row: LogRejectedRow = { code, reason };
    if (line > 0) row.line = line;
    if (item > 0) row.item = item;
    if (column > 0) row.column = column;
    this.rejected.push(row);
  }

  rejectBad(bad: readonly BadRecord[]): void {
    for (const b of bad) this.reject(b.code, b.reason, b.line, b.item, b.column);
  }

  /** "2 bad time, 1 invalid JSON": causes, most frequent first. */
  rejectSummary(): string {
    return [...this.#causes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${n} ${c}`)
      .join(', ');
  }

  log(fileName: string, format: LogFormat, signals: LogSignals): ParsedClickLog {
    const log: ParsedClickLog = {
      fileName,
      format,
      signals,
      products: this.products,
      events: {
        time: Float64Array.from(this.time),
        absolute: Uint8Array.from(this.absolute),
        kind: Uint8Array.from(this.kind),
        product: Uint32Array.from(this.product),
      },
      rejected: this.rejected,
      rejectedCount: this.rejectedCount,
    };
    if (this.streamStartMs !== undefined) log.streamStartMs = this.streamStartMs;
    return log;
  }

  /** The reader's answer: the log, its notices, and how much of the file became events. */
  result(fileName: string, records: Records, signals: LogSignals): ClickLogResult {
    return {
      ok: true,
      log: this.log(fileName, records.format, signals),
      warnings: this.notices.map((n) => n.message),
      notices: this.notices,
      coverage: coverageOf(records, this.rejectedCount),
    };
  }
}

/** A value as trimmed text. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The first of `keys` a record has a non-empty value for. */
export function pick(values: ReadonlyMap<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = values.get(k);
    if (v !== undefined && v !== null && textOf(v) !== '') return v;
  }
  return undefined;
}

/** True when some record key is one of `keys`. */
export const hasAny = (keys: ReadonlySet<string>, names: readonly string[]): boolean => names.some((n) => keys.has(n));
