/**
 * Exact duplicate rows in a click log: when they are the same event logged twice, and when they
 * may be two real clicks.
 *
 * Every accepted event row gets a 64-bit key of all its fields (a CSV row's text as written, every
 * key and value of a JSON object, in any key order) while it is read. After reading:
 *
 * - **Rows that carry identity**: the log has a per-event identity column (a user, viewer, order,
 *   session or event id: `IDENTITY_NAMES`) filled on at least half the events and not the same on
 *   all of them, or at least a quarter of its event times are finer than a tenth of a second
 *   (milliseconds: at tenths, a busy product gets two clicks in the same tenth). Two rows
 *   with every field equal are then the same event twice: every repeat is dropped.
 * - **Systematic duplication**, without identity: the whole log is one block of rows repeated
 *   k ≥ 2 times (the block spans at least two different times), or every distinct row occurs a
 *   multiple of the same k ≥ 2 times (at least three distinct rows, at least two different
 *   times). A log copied or exported k times over: each event is kept once (a row that occurs
 *   2k times, a real same-second pair in the original, is kept twice).
 * - **Otherwise the repeats are kept**: in a log with whole-second times and nothing that tells
 *   events apart, two identical rows can be two people clicking the same product in the same
 *   second.
 */
import type { LogBuilder } from './builder';
import { normaliseName } from './fields';
import type { LogNotice } from './result';

/** Column names (after `normaliseName`) that tell one event from another. */
const IDENTITY_NAMES = new Set([
  'id',
  'uid',
  'uuid',
  'guid',
  'user',
  'username',
  'nickname',
  'unique_id',
  'viewer',
  'buyer',
  'customer',
  'member',
  'session',
  'device',
  'ip',
  'seq',
  'sequence',
]);
/** Names that end in an id but are the same on every row of a stream (its room, shop, host). */
const SHARED_PREFIXES = /^(room|live|stream|shop|store|seller|channel|campaign|host|anchor|broadcast|video|account|page|app)(_|$)/;
const ID_SUFFIX = /(^|_)(id|uid|uuid|guid|no|number)$/;
const IDENTITY_PREFIX = /^(user|viewer|buyer|customer|member|session|device|order|event|click|message|msg|request|log|row|record)(_|$)/;

/**
 * True when a column or key that is not one of the log's fields names a per-event identity:
 * `user_id`, `userId`, `viewer`, `order_id`, `event_id`, `id`… but not `room_id` or `shop_id`.
 */
export function isIdentityName(raw: string): boolean {
  const n = normaliseName(raw);
  if (n === '' || SHARED_PREFIXES.test(n)) return false;
  return IDENTITY_NAMES.has(n) || IDENTITY_PREFIX.test(n) || ID_SUFFIX.test(n);
}

/**
 * Two 32-bit hashes over a row's text (FNV-1a and a multiply-xorshift), started with `begin`,
 * fed with `text`, read from `a` and `b`. One shared instance: rows are hashed one at a time.
 */
export class RowHasher {
  a = 0;
  b = 0;
  begin(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
  }
  text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = Math.imul(b ^ 0x1f, 0x5bd1e995) ^ (b >>> 13);
  }
  /** A JSON value, with its type, so "12" and 12 differ. */
  value(v: unknown): void {
    if (typeof v === 'string') {
      this.text('s');
      this.text(v);
    } else this.text(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  }
}

const hasher = new RowHasher();

/** A line break or space around a CSV row's text. */
const isBreak = (c: number): boolean => c === 10 || c === 13 || c === 32 || c === 9;

/** Trimmed text of a value (for "is the identity field filled"). */
const filled = (v: unknown): boolean => v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '');

/**
 * The keys of a log's event rows, by event index, and what its identity columns held. Filled by
 * the readers after each accepted row; read by `dropDuplicates`.
 */
export class RowKeys {
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  /** Events whose row had an identity value. */
  identityRows = 0;
  /** The identity columns' names, for the notice. */
  readonly identityNames: string[] = [];
  private firstIdentity: [number, number] | null = null;
  /** Some identity value differs from the first: the column tells events apart. */
  identityVaries = false;

  private put(i: number, a: number, b: number): void {
    if (i >= this.a.length) {
      const cap = Math.max(i + 1, this.a.length * 2);
      const na = new Uint32Array(cap);
      na.set(this.a);
      this.a = na;
      const nb = new Uint32Array(cap);
      nb.set(this.b);
      this.b = nb;
    }
    this.a[i] = a;
    this.b[i] = b;
  }

  private noteIdentity(a: number, b: number): void {
    this.identityRows++;
    if (this.firstIdentity === null) this.firstIdentity = [a, b];
    else if (this.firstIdentity[0] !== a || this.firstIdentity[1] !== b) this.identityVaries = true;
  }

  /**
   * A CSV row that became event `i`: its text, `text[from, to)` without the line breaks around
   * it (every field, as written), and its identity columns' values.
   */
  csvRow(i: number, text: string, from: number, to: number, row: readonly string[], identityColumns: readonly number[]): void {
    let s = from;
    let e = to;
    while (s < e && isBreak(text.charCodeAt(s))) s++;
    while (e > s && isBreak(text.charCodeAt(e - 1))) e--;
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = (Math.imul(b, 31) + c) | 0;
    }
    this.put(i, a >>> 0, b >>> 0);
    if (identityColumns.length === 0) return;
    hasher.begin();
    let any = false;
    for (const c of identityColumns) {
      const v = (row[c] ?? '').trim();
      if (v !== '') any = true;
      hasher.text(v);
    }
    if (any) this.noteIdentity(hasher.a, hasher.b);
  }

  /**
   * A JSON object that became event `i`: every key and value, in any key order (each pair is
   * hashed alone and the pairs summed). `identityKey(key)` tells identity keys.
   */
  jsonItem(i: number, obj: Record<string, unknown>, identityKey: (key: string) => boolean): void {
    let a = 0;
    let b = 0;
    let ia = 0;
    let ib = 0;
    let any = false;
    for (const key in obj) {
      const v = obj[key];
      hasher.begin();
      hasher.text(key);
      hasher.value(v);
      a = (a + hasher.a) >>> 0;
      b = (b + hasher.b) >>> 0;
      if (filled(v) && identityKey(key)) {
        any = true;
        ia = (ia + hasher.a) >>> 0;
        ib = (ib + hasher.b) >>> 0;
      }
    }
    this.put(i, a, b);
    if (any) this.noteIdentity(ia, ib);
  }
}

/** The identity column names of a CSV header (columns that are not log fields). */
export function identityColumns(header: readonly string[], isField: (name: string) => boolean, names: string[]): number[] {
  const out: number[] = [];
  header.forEach((h, i) => {
    if (!isField(h) && isIdentityName(h)) {
      out.push(i);
      names.push(h.replace(/^\uFEFF/, '').trim());
    }
  });
  return out;
}

/** Why repeats were dropped, or null when they were kept. */
export type DuplicateRule =
  | { kind: 'identity'; by: 'column' | 'fine-times' }
  | { kind: 'block'; block: number; times: number }
  | { kind: 'repeated'; times: number; multiples: boolean };

export interface Deduplicated {
  dropped: number;
  rule: DuplicateRule;
  notice: LogNotice;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function gcd(x: number, y: number): number {
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Each event's group: the index of the first event with the same key (an open-addressing table in typed arrays). */
function groupsOf(keys: RowKeys, n: number): Int32Array {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap).fill(-1);
  const group = new Int32Array(n);
  const { a, b } = keys;
  for (let i = 0; i < n; i++) {
    const ka = a[i] ?? 0;
    const kb = b[i] ?? 0;
    let s = (ka ^ Math.imul(kb, 0x9e3779b1)) & mask;
    for (;;) {
      const j = slots[s] ?? -1;
      if (j < 0) {
        slots[s] = i;
        group[i] = i;
        break;
      }
      if (a[j] === ka && b[j] === kb) {
        group[i] = j;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return group;
}

/** The smallest p < n such that the groups repeat with period p and p divides n, or 0. */
function blockPeriod(group: Int32Array, n: number): number {
  let tried = 0;
  for (let p = 1; p <= n / 2 && tried < 32; p++) {
    if (group[p] !== group[0]) continue;
    tried++;
    if (n % p !== 0) continue;
    let i = p;
    while (i < n && group[i] === group[i - p]) i++;
    if (i === n) return p;
  }
  return 0;
}

/** True when the events in `indices` (or 0..n-1) hold at least two different times. */
function twoTimes(b: LogBuilder, count: number, at: (k: number) => number): boolean {
  const t0 = b.time[at(0)];
  const a0 = b.absolute[at(0)];
  for (let k = 1; k < count; k++) if (b.time[at(k)] !== t0 || b.absolute[at(k)] !== a0) return true;
  return false;
}

/**
 * True when at least a quarter of the event times are finer than a tenth of a second (to the
 * millisecond, say). Tenths are not enough: the sample log, at tenths, has 44 pairs of identical
 * rows that are two clicks on a busy product in the same tenth of a second.
 */
function fineTimes(b: LogBuilder): boolean {
  let fine = 0;
  for (let i = 0; i < b.length; i++) {
    const t = b.time[i] ?? 0;
    if (b.absolute[i] === 1 ? t % 100 !== 0 : Math.abs(t * 10 - Math.round(t * 10)) > 1e-6) fine++;
  }
  return fine * 4 >= b.length;
}

/** Every distinct row occurs a multiple of the same k ≥ 2 times: keep the first count/k of each. */
function repeated(b: LogBuilder, group: Int32Array, distinct: number[], keep: Uint8Array): { rule: DuplicateRule; keep: Uint8Array } | null {
  const n = b.length;
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = group[i] ?? 0;
    count[r] = (count[r] ?? 0) + 1;
  }
  let g = 0;
  let top = 0;
  for (const r of distinct) {
    g = gcd(g, count[r] ?? 0);
    top = Math.max(top, count[r] ?? 0);
  }
  if (g < 2 || distinct.length < 3 || !twoTimes(b, distinct.length, (k) => distinct[k] ?? 0)) return null;
  // Keep the first count/g occurrences of each row.
  const left = new Int32Array(n);
  for (const r of distinct) left[r] = (count[r] ?? 0) / g;
  for (let i = 0; i < n; i++) {
    const r = group[i] ?? 0;
    const l = left[r] ?? 0;
    if (l > 0) {
      left[r] = l - 1;
      keep[i] = 1;
    }
  }
  return { rule: { kind: 'repeated', times: g, multiples: top > g }, keep };
}

/** The rule that applies, and which events to keep (1) — or null to keep them all. */
function decide(b: LogBuilder, keys: RowKeys, group: Int32Array, distinct: number[]): { rule: DuplicateRule; keep: Uint8Array } | null {
  const n = b.length;
  const keep = new Uint8Array(n);
  const byColumn = keys.identityNames.length > 0 && keys.identityVaries && keys.identityRows * 2 >= n;
  if (byColumn || fineTimes(b)) {
    for (let i = 0; i < n; i++) keep[i] = group[i] === i ? 1 : 0;
    return { rule: { kind: 'identity', by: byColumn ? 'column' : 'fine-times' }, keep };
  }
  const p = blockPeriod(group, n);
  if (p > 0 && twoTimes(b, p, (k) => k)) {
    keep.fill(1, 0, p);
    return { rule: { kind: 'block', block: p, times: n / p }, keep };
  }
  return repeated(b, group, distinct, keep);
}

function message(rule: DuplicateRule, dropped: number, kept: number, names: readonly string[]): string {
  const head = `Dropped ${plural(dropped, 'duplicate row')}`;
  const tail = `each event is counted once (${plural(kept, 'event')} kept).`;
  switch (rule.kind) {
    case 'identity': {
      const why =
        rule.by === 'column'
          ? `the log's ${names.map((n) => `"${n}"`).join(' and ')} column${names.length === 1 ? ' tells' : 's tell'} events apart`
          : 'its times are finer than a tenth of a second';
      return `${head}: each had every field equal to an earlier row, and ${why}, so a repeat is the same event logged twice; ${tail}`;
    }
    case 'block':
      return `${head}: the log is the same ${plural(rule.block, 'row')} ${rule.times} times over (copied or exported more than once); ${tail}`;
    case 'repeated':
      return `${head}: every row appears ${rule.times} times${rule.multiples ? ` (or a multiple of ${rule.times})` : ''}, as if the log was copied or exported ${rule.times} times over; ${tail}`;
  }
}

/**
 * Drop the repeats `RowKeys` found, by the rules above: compacts the builder's event arrays in
 * place and returns what was dropped and why, or null when every row is kept.
 */
export function dropDuplicates(b: LogBuilder, keys: RowKeys): Deduplicated | null {
  const n = b.length;
  if (n < 2) return null;
  const group = groupsOf(keys, n);
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (group[i] === i) distinct.push(i);
  if (distinct.length === n) return null;
  const decision = decide(b, keys, group, distinct);
  if (!decision) return null;
  const { keep, rule } = decision;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    if (w !== i) {
      b.time[w] = b.time[i] ?? 0;
      b.absolute[w] = b.absolute[i] ?? 0;
      b.kind[w] = b.kind[i] ?? 0;
      b.product[w] = b.product[i] ?? 0;
    }
    w++;
  }
  b.length = w;
  const dropped = n - w;
  return { dropped, rule, notice: { code: 'duplicate-rows', message: message(rule, dropped, w, keys.identityNames) } };
}
