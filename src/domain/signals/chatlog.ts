/**
 * Chat/event logs: what LIVE recording tools write while a stream runs (TikTok-Live-Connector
 * style `chat`, `like`, `gift`, `social`, `roomUser` events, and product pins), as NDJSON, JSON
 * or CSV. Pins become pin/unpin events (product windows, as a click log's pins); comments naming
 * a product or asking for the link or price become interest for that product (or the pinned
 * one); other comments, likes, gifts, shares and follows, and rises in viewers become weak events
 * for the product pinned at the time (docs/signals.md).
 */
import type { EventKind } from '../clicklog/model';
import { FIELD_ALIASES, normaliseName } from '../clicklog/fields';
import { quote } from '../clicklog/builder';
import type { ClickLogResult } from '../clicklog/result';
import { parseAbsoluteTime, parseRelativeTime } from '../clicklog/time';
import { locate, type LogRecord, type Records } from './records';
import { hasAny, pick, plural, SignalTable, textOf } from './table';
import { asksForLinkOrPrice, productMatcher } from './mentions';

export type ChatType = 'comment' | 'like' | 'gift' | 'social' | 'viewers' | 'pin' | 'unpin' | 'stream_start';

/** Event names (normalised) LIVE tools write, by what they are. */
export const CHAT_EVENTS: Readonly<Record<ChatType, readonly string[]>> = {
  comment: ['chat', 'comment', 'comments', 'message', 'chat_message', 'webcast_chat_message', 'question', 'question_new'],
  like: ['like', 'likes', 'webcast_like_message'],
  gift: ['gift', 'gifts', 'webcast_gift_message'],
  social: ['social', 'share', 'follow', 'subscribe', 'webcast_social_message'],
  viewers: ['room_user', 'roomuser', 'viewers', 'viewer_count', 'room_user_seq', 'webcast_room_user_seq_message'],
  pin: ['product_pin', 'pin_product', 'pin', 'product_show', 'show', 'showcase', 'oec_live_shopping', 'live_shopping'],
  unpin: ['product_unpin', 'unpin_product', 'unpin', 'product_hide', 'hide'],
  stream_start: ['stream_start', 'live_start'],
};
/** Names that only a chat log has: what tells one from a click log with pins. */
export const CHAT_ONLY = [...CHAT_EVENTS.comment, ...CHAT_EVENTS.like, ...CHAT_EVENTS.gift, ...CHAT_EVENTS.social, ...CHAT_EVENTS.viewers];

const typeByName = new Map<string, ChatType>();
for (const [type, names] of Object.entries(CHAT_EVENTS) as [ChatType, readonly string[]][]) for (const n of names) typeByName.set(n, type);

export const EVENT_KEYS = [...FIELD_ALIASES.event, 'event_name', 'msg_type', 'method'] as const;
const TIME_KEYS = [...FIELD_ALIASES.time] as const;
const STAMP_KEYS = [...FIELD_ALIASES.timestamp, 'create_time', 'received_at', 'recorded_at', 'time_ms', 'date'] as const;
export const TEXT_KEYS = ['comment', 'text', 'message', 'content', 'msg', 'body'] as const;
const LIKE_KEYS = ['like_count', 'likes', 'count'] as const;
const VIEWER_KEYS = ['viewer_count', 'viewers', 'viewer', 'online_count', 'user_count', 'total_viewers', 'count'] as const;
const PRODUCT_KEYS = [...FIELD_ALIASES.product_id] as const;
const NAME_KEYS = [...FIELD_ALIASES.product_name] as const;

/** A viewer count must rise at least this much over the previous sample (and 3 viewers) to count. */
export const VIEWER_RISE = 0.05;

/** The chat type of an event value, `null` for a name the app does not use (member joins, emotes…). */
export function chatTypeOf(raw: unknown): ChatType | null {
  const t = textOf(raw);
  return t === '' ? null : (typeByName.get(normaliseName(t)) ?? null);
}

/** Fields only chat/event logs have: who said what, how many liked or watched, which gift. */
const CHAT_KEYS = [...TEXT_KEYS, 'unique_id', 'user', 'user_id', 'username', 'user_name', 'nickname', 'like_count', 'viewer_count', 'gift_name', 'gift_id'];

/**
 * True when a log's keys and event values look like a chat/event log, not a click log: chat event
 * names (and no click, add-to-cart or order) with a chat field or without a product column (a
 * click log with a stray "like" row stays a click log), or no event column but comment text.
 */
export function looksLikeChat(keys: ReadonlySet<string>, eventValues: ReadonlySet<string>, clickValues: boolean): boolean {
  if (clickValues) return false;
  if ([...eventValues].some((v) => CHAT_ONLY.includes(v))) return hasAny(keys, CHAT_KEYS) || !hasAny(keys, PRODUCT_KEYS);
  return !hasAny(keys, EVENT_KEYS) && hasAny(keys, TEXT_KEYS);
}

interface Row {
  r: LogRecord;
  type: ChatType;
  t: number;
  abs: boolean;
}

/** A record's time: relative seconds, or epoch ms; null when it has none that reads. */
function timeOf(v: ReadonlyMap<string, unknown>): { t: number; abs: boolean } | 'missing' | { bad: string } {
  const rel = pick(v, TIME_KEYS);
  if (rel !== undefined) {
    const s = typeof rel === 'number' || typeof rel === 'string' ? parseRelativeTime(rel) : null;
    if (s !== null && s >= 0 && s < 1e9) return { t: s, abs: false };
    const ms = typeof rel === 'number' || typeof rel === 'string' ? parseAbsoluteTime(rel) : null;
    if (ms !== null) return { t: ms, abs: true };
    return { bad: `time ${quote(textOf(rel))} is not seconds, mm:ss, hh:mm:ss or a date-time` };
  }
  const stamp = pick(v, STAMP_KEYS);
  if (stamp === undefined) return 'missing';
  const ms = typeof stamp === 'number' || typeof stamp === 'string' ? parseAbsoluteTime(stamp) : null;
  return ms === null ? { bad: `timestamp ${quote(textOf(stamp))} is not an ISO 8601 date-time or epoch seconds/milliseconds` } : { t: ms, abs: true };
}

/** Counts for the summary and the notices. */
class Tally {
  comments = 0;
  about = 0;
  unattributed = 0;
  likes = 0;
  gifts = 0;
  social = 0;
  viewerRises = 0;
  pins = 0;
  readonly ignored = new Map<string, number>();
}

/**
 * Read a chat/event log. Rows with an unreadable time are skipped with their line; event names
 * the app does not use are counted in a notice. Refused when no row has a time at all, or when
 * nothing ties the rows to a product (no pins and no product named).
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one pass over the rows in time order, the pinned product carried along, one short branch per event type
export function readChat(records: Records, fileName: string): ClickLogResult {
  const t = new SignalTable();
  t.rejectBad(records.bad);
  const tally = new Tally();
  const rows: Row[] = [];
  let anyTime = false;
  for (const r of records.rows) {
    const v = r.values;
    const name = pick(v, EVENT_KEYS);
    // No event column: every row is a comment (a plain chat export: time, user, comment).
    const type = name === undefined ? (pick(v, TEXT_KEYS) !== undefined ? 'comment' : null) : chatTypeOf(name);
    if (type === null) {
      const n = textOf(name) || '(no event name)';
      tally.ignored.set(n, (tally.ignored.get(n) ?? 0) + 1);
      continue;
    }
    const at = timeOf(v);
    if (at === 'missing') {
      const a = locate(records, r);
      t.reject('missing time', 'missing time (no time or timestamp value)', a.line, a.item);
      continue;
    }
    if ('bad' in at) {
      anyTime = true;
      const a = locate(records, r);
      t.reject('bad time', at.bad, a.line, a.item);
      continue;
    }
    anyTime = true;
    if (type === 'stream_start') {
      if (at.abs && t.streamStartMs === undefined) t.streamStartMs = at.t;
      continue;
    }
    rows.push({ r, type, t: at.t, abs: at.abs });
  }
  const startMs = t.streamStartMs ?? streamStartOf(records.streamStart);
  if (startMs !== undefined) t.streamStartMs = startMs;
  if (!anyTime && rows.length === 0 && t.rejectedCount > 0) {
    const first = t.rejected.find((r) => r.code === 'missing time');
    return fail(
      'missing-columns',
      `${fileName}: This looks like a chat/event log but its events have no time. Each needs a time (seconds from the start: ${TIME_KEYS.join(', ')}) or a timestamp (${STAMP_KEYS.join(', ')}). Found fields ${records.keys.map((k) => `"${k}"`).join(', ')}${first?.line ? ` (first event at line ${first.line})` : ''}.`,
      first?.line,
    );
  }
  // In time order (clock times before a relative zero only when the log gives no start).
  const key = (row: Row) => (row.abs ? row.t : (startMs ?? 0) + row.t * 1000);
  rows.sort((a, b) => key(a) - key(b));
  for (const row of rows) if (row.type === 'pin' || row.type === 'unpin') productOfPin(row);
  const matcher = productMatcher(t.products);
  let pinned: number | null = null;
  let lastViewers: number | null = null;
  const emit = (row: Row, kind: EventKind, product: number | null) => {
    if (product === null) return false;
    t.push(row.t, row.abs, kind, product);
    return true;
  };
  for (const row of rows) {
    const v = row.r.values;
    switch (row.type) {
      case 'pin':
      case 'unpin': {
        const p = productOfPin(row);
        if (p === null) break;
        if (row.type === 'pin') {
          pinned = p;
          tally.pins++;
        } else if (pinned === p) pinned = null;
        t.push(row.t, row.abs, row.type, p);
        break;
      }
      case 'comment': {
        tally.comments++;
        const text = textOf(pick(v, TEXT_KEYS));
        const named = matcher(text);
        const asks = asksForLinkOrPrice(text);
        const ok = emit(row, named !== null ? (asks ? 'ask' : 'mention') : asks ? 'ask' : 'comment', named ?? pinned);
        if (ok && (named !== null || asks)) tally.about++;
        if (!ok) tally.unattributed++;
        break;
      }
      case 'like':
        tally.likes += Math.max(1, Number(textOf(pick(v, LIKE_KEYS))) || 1);
        emit(row, 'like', pinned);
        break;
      case 'gift':
        // A gift streak is written as it grows; only its last row (repeatEnd) is the gift.
        if (v.get('repeat_end') === false || v.get('repeat_end') === 'false' || v.get('repeat_end') === 0) break;
        tally.gifts++;
        emit(row, 'gift', pinned);
        break;
      case 'social':
        tally.social++;
        emit(row, 'social', pinned);
        break;
      case 'viewers': {
        const n = Number(textOf(pick(v, VIEWER_KEYS)));
        if (!Number.isFinite(n)) break;
        if (lastViewers !== null && n - lastViewers >= Math.max(3, VIEWER_RISE * lastViewers) && emit(row, 'viewers', pinned)) tally.viewerRises++;
        lastViewers = n;
        break;
      }
    }
  }
  if (t.length === 0 || t.products.length === 0) {
    return {
      ...fail(
        'nothing-to-use',
        `${fileName}: This chat/event log (${plural(tally.comments, 'comment')}) has no product pins, so nothing ties its comments, likes and gifts to a product. Drop the click log too, or a chat log that records product pins (an event such as "product_pin" with a product_id or title).`,
      ),
      rejected: t.rejected,
      rejectedCount: t.rejectedCount,
    };
  }
  notices(t, tally);
  const extras = [tally.likes > 0 && 'likes', tally.gifts > 0 && 'gifts', tally.social > 0 && 'shares', tally.viewerRises > 0 && 'viewer rises'].filter(
    (x): x is string => typeof x === 'string',
  );
  const summary = `Chat log: ${plural(tally.comments, 'comment')} (${tally.about.toLocaleString('en-US')} about a product), ${plural(tally.pins, 'product pin')}${extras.length ? `, ${extras.join(', ').replace(/, ([^,]*)$/, ' and $1')}` : ''} — used to find each product's moments.`;
  return t.result(fileName, records, { source: 'chat', summary });

  function productOfPin(row: Row): number | null {
    const v = row.r.values;
    const id = textOf(pick(v, PRODUCT_KEYS));
    const name = textOf(pick(v, NAME_KEYS));
    if (id === '' && name === '') {
      if (!rejectedPins.has(row)) {
        rejectedPins.add(row);
        const a = locate(records, row.r);
        t.reject('missing product', `${row.type} without a product (no product_id or title)`, a.line, a.item);
      }
      return null;
    }
    return t.productOf(id || name, name || undefined, textOf(pick(v, FIELD_ALIASES.price)) || undefined);
  }
}
const rejectedPins = new WeakSet<object>();

function notices(t: SignalTable, tally: Tally): void {
  if (t.rejectedCount > 0) t.notices.unshift({ code: 'skipped-rows', message: `Skipped ${plural(t.rejectedCount, 'row')} (${t.rejectSummary()})` });
  if (tally.unattributed > 0) {
    t.notices.push({
      code: 'not-used',
      message: `${plural(tally.unattributed, 'comment')} came while no product was pinned and named none: not used.`,
    });
  }
  if (tally.ignored.size > 0) {
    const shown = [...tally.ignored.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, c]) => `${c.toLocaleString('en-US')} ${quote(n)}`)
      .join(', ');
    t.notices.push({ code: 'not-used', message: `Events the highlights do not use were read past: ${shown}${tally.ignored.size > 6 ? ', …' : ''}.` });
  }
}

function streamStartOf(v: unknown): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  return parseAbsoluteTime(v) ?? undefined;
}

function fail(code: 'missing-columns' | 'nothing-to-use', error: string, line?: number): Extract<ClickLogResult, { ok: false }> {
  return { ok: false, code, error, ...(line !== undefined && { line }), rejected: [], rejectedCount: 0 };
}
