/**
 * Which kind of log a text is, from its content: interval analytics, a chat/event log, or
 * (null) a per-event click log, whose parser then reads it exactly as before. Decided from the
 * first 64 KB: the CSV header and the first rows' event values, or a JSON text's keys and event
 * values. A log with any click, add-to-cart or order event is always a click log.
 */
import Papa from 'papaparse';
import { EVENT_ALIASES, normaliseName } from '../clicklog/fields';
import type { ClickLogResult } from '../clicklog/result';
import { EVENT_KEYS, looksLikeChat, readChat } from './chatlog';
import { looksLikeInterval, readInterval } from './interval';
import { readRecords } from './records';

const SNIFF_CHARS = 65_536;
const SNIFF_ROWS = 200;
const CLICK_VALUES = new Set([...EVENT_ALIASES.click, ...EVENT_ALIASES.add_to_cart, ...EVENT_ALIASES.order]);
const EVENT_KEY_SET = new Set<string>(EVENT_KEYS);

export type SignalSource = 'interval' | 'chat';

interface Sniff {
  keys: Set<string>;
  events: Set<string>;
}

function sniffCsv(head: string): Sniff {
  const text = head.replace(/^sep=[,;\t|][ \t]*(\r\n|\n|\r)/i, '');
  const rows = Papa.parse<string[]>(text, { header: false, preview: SNIFF_ROWS, skipEmptyLines: 'greedy' }).data;
  const header = (rows[0] ?? []).map(normaliseName);
  const col = header.findIndex((h) => EVENT_KEY_SET.has(h));
  const events = new Set<string>();
  if (col >= 0) for (const r of rows.slice(1)) events.add(normaliseName(r[col] ?? ''));
  return { keys: new Set(header), events };
}

function sniffJson(head: string): Sniff {
  const keys = new Set<string>();
  const events = new Set<string>();
  const re = /"((?:[^"\\]|\\.){1,80})"\s*:\s*("(?:[^"\\]|\\.){0,120}")?/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const k = normaliseName(m[1] ?? '');
    keys.add(k);
    if (m[2] !== undefined && EVENT_KEY_SET.has(k)) events.add(normaliseName(m[2].slice(1, -1)));
  }
  return { keys, events };
}

/** The kind of non-click log `body` is, or null for a click log (or anything else the click-log parser judges). */
export function detectSignalLog(body: string): SignalSource | null {
  const head = body.slice(0, SNIFF_CHARS);
  const first = /\S/.exec(head)?.[0];
  if (first === undefined || first === '<') return null;
  const { keys, events } = first === '[' || first === '{' ? sniffJson(head) : sniffCsv(head);
  const clicky = [...events].some((e) => CLICK_VALUES.has(e));
  if (looksLikeChat(keys, events, clicky)) return 'chat';
  if (looksLikeInterval(keys)) return 'interval';
  return null;
}

/**
 * Read `body` as interval analytics or a chat/event log when its content says it is one; null
 * when it is not (the click-log parser reads it). A JSON text that does not parse is left to the
 * click-log parser too, which gives its line and column.
 */
export function parseSignalLog(body: string, fileName: string): ClickLogResult | null {
  const source = detectSignalLog(body);
  if (source === null) return null;
  const records = readRecords(body);
  if (records === null) return null;
  return source === 'chat' ? readChat(records, fileName) : readInterval(records, fileName);
}
