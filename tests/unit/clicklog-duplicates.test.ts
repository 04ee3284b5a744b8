/**
 * Exact duplicate rows (issue 19, item 1): dropped when rows carry identity or the duplication is
 * systematic, kept when two identical rows can be two real clicks in the same second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIdentityName } from '../../src/domain/clicklog/duplicates';
import { parseClickLog, type ClickLogResult } from '../../src/domain/clicklog/parse';
import type { LogNotice } from '../../src/domain/clicklog/result';
import { EVENT_KINDS, type ClickLog } from '../../src/domain/clicklog/model';

function ok(r: ClickLogResult): { log: ClickLog; notices: LogNotice[]; coverage: { rows: number; used: number } } {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return { log: r.log, notices: r.notices, coverage: r.coverage };
}
const dupNotice = (notices: LogNotice[]) => notices.find((n) => n.code === 'duplicate-rows');
const count = (log: ClickLog) => log.events.time.length;
const rowsOf = (log: ClickLog) =>
  Array.from(log.events.time, (t, i) => `${t} ${EVENT_KINDS[log.events.kind[i] ?? 0]} ${log.products[log.events.product[i] ?? 0]?.id}`);

/** A whole-second log without identity: `n` events over `n * 3` seconds, 4 products. */
function baseRows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${i * 3},${i % 5 === 0 ? 'pin' : 'click'},SKU-${i % 4},Product ${i % 4}`);
}
const HEADER = 'time,event,product_id,product_name';
const csv = (rows: string[], header = HEADER) => [header, ...rows].join('\n');

describe('exact duplicates in CSV', () => {
  it('a log with every row three times (one after another) keeps each row once and says how many were dropped', () => {
    const rows = baseRows(334);
    const tripled = rows.flatMap((r) => [r, r, r]);
    const { log, notices } = ok(parseClickLog(csv(tripled), 'tripled.csv'));
    expect(count(log)).toBe(334);
    expect(rowsOf(log)).toEqual(rowsOf(ok(parseClickLog(csv(rows), 'once.csv')).log));
    const n = dupNotice(notices);
    expect(n?.message).toBe(
      'Dropped 668 duplicate rows: every row appears 3 times, as if the log was copied or exported 3 times over; each event is counted once (334 events kept).',
    );
  });

  it('a log that is one block repeated keeps the first block, with its own same-second pair', () => {
    const rows = baseRows(20);
    rows.splice(5, 0, rows[5] ?? ''); // a real pair in the original: two clicks in one second
    const { log, notices } = ok(parseClickLog(csv([...rows, ...rows, ...rows]), 'block.csv'));
    expect(count(log)).toBe(21);
    expect(dupNotice(notices)?.message).toMatch(/^Dropped 42 duplicate rows: the log is the same 21 rows 3 times over/);
  });

  it('rows repeated a multiple of k times, interleaved: the original same-second pair stays a pair', () => {
    const rows = baseRows(12);
    rows.splice(3, 0, rows[3] ?? '');
    const doubled = rows.flatMap((r) => [r, r]);
    const { log, notices } = ok(parseClickLog(csv(doubled), 'doubled.csv'));
    expect(count(log)).toBe(13);
    expect(dupNotice(notices)?.message).toMatch(/every row appears 2 times \(or a multiple of 2\)/);
  });

  it('same second, no identity: two identical rows are two clicks and are kept, without a notice', () => {
    const rows = baseRows(30);
    rows.splice(10, 0, rows[10] ?? '', rows[10] ?? '');
    rows.splice(20, 0, rows[20] ?? '');
    const { log, notices } = ok(parseClickLog(csv(rows), 'busy.csv'));
    expect(count(log)).toBe(33);
    expect(dupNotice(notices)).toBeUndefined();
  });

  it('a tiny log of one row twice is kept (nothing shows it was copied)', () => {
    const { log } = ok(parseClickLog(csv(['12,click,A', '12,click,A']), 'two.csv'));
    expect(count(log)).toBe(2);
  });

  it('a user_id column tells events apart: an exact repeat is the same event twice and is dropped', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},click,SKU-${i % 3},Name,u${i % 4}`);
    rows.push(rows[2] ?? '', rows[7] ?? '');
    rows.push('7,click,SKU-1,Name,u9'); // same second and product, another user: kept
    const { log, notices } = ok(parseClickLog(csv(rows, `${HEADER},user_id`), 'users.csv'));
    expect(count(log)).toBe(11);
    expect(dupNotice(notices)?.message).toBe(
      'Dropped 2 duplicate rows: each had every field equal to an earlier row, and the log\'s "user_id" column tells events apart, so a repeat is the same event logged twice; each event is counted once (11 events kept).',
    );
  });

  it('a room_id that is the same on every row is not identity: same-second repeats are kept', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},click,SKU-${i % 3},Name,R1`);
    rows.push(rows[2] ?? '');
    const { log, notices } = ok(parseClickLog(csv(rows, `${HEADER},room_id`), 'room.csv'));
    expect(count(log)).toBe(11);
    expect(dupNotice(notices)).toBeUndefined();
  });

  it('an id column that is always the same value is not identity either', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},click,SKU-${i % 3},Name,42`);
    rows.push(rows[4] ?? '');
    expect(count(ok(parseClickLog(csv(rows, `${HEADER},user_id`), 'same.csv')).log)).toBe(11);
  });

  it('tenths of a second are not identity: the sample log keeps its 44 same-tenth pairs', () => {
    const sample = readFileSync(join(import.meta.dirname, '..', '..', 'public', 'samples', 'sample-clicks.csv'), 'utf8');
    const { log, notices } = ok(parseClickLog(sample, 'sample-clicks.csv'));
    expect(count(log)).toBe(334);
    expect(dupNotice(notices)).toBeUndefined();
    // The sample three times over (each row three times in a row): 334 again, as "a multiple of 3".
    const [header = '', ...rows] = sample.trimEnd().split('\n');
    const tripled = ok(parseClickLog([header, ...rows.flatMap((r) => [r, r, r])].join('\n'), 'tripled.csv'));
    expect(count(tripled.log)).toBe(334);
    expect(rowsOf(tripled.log)).toEqual(rowsOf(log));
    expect(dupNotice(tripled.notices)?.message).toMatch(/^Dropped 668 duplicate rows: every row appears 3 times \(or a multiple of 3\)/);
  });

  it('millisecond times tell events apart: an exact repeat is dropped', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i + 0.137 * (i + 1)},click,SKU-${i % 3}`);
    rows.push(rows[5] ?? '');
    const { log, notices } = ok(parseClickLog(csv(rows, 'time,event,product_id'), 'ms.csv'));
    expect(count(log)).toBe(10);
    expect(dupNotice(notices)?.message).toMatch(/its times are finer than a tenth of a second/);
  });

  it('millisecond ISO timestamps tell events apart', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `2024-05-01T12:00:${String(10 + i).padStart(2, '0')}.${100 + i * 37}Z,click,A`);
    rows.push(rows[3] ?? '');
    expect(count(ok(parseClickLog(csv(rows, 'timestamp,event,product_id'), 'iso.csv')).log)).toBe(8);
  });

  it('the skipped-rows count and the duplicates are told apart', () => {
    const rows = baseRows(10).flatMap((r) => [r, r]);
    rows.push('x,click,A');
    const { log, notices } = ok(parseClickLog(csv(rows), 'both.csv'));
    expect(count(log)).toBe(10);
    expect(notices.map((n) => n.code).slice(0, 2)).toEqual(['skipped-rows', 'duplicate-rows']);
    expect(notices[0]?.message).toBe('Imported 10 events; skipped 1 row (1 bad time)');
  });
});

describe('exact duplicates in JSON and NDJSON', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ time: i * 2, event: 'click', product_id: `P${i % 3}` }));

  it('a JSON array with every item three times keeps each once', () => {
    const base = items(20);
    const { log, notices } = ok(parseClickLog(JSON.stringify([...base, ...base, ...base]), 'tripled.json'));
    expect(count(log)).toBe(20);
    expect(dupNotice(notices)?.message).toMatch(/^Dropped 40 duplicate rows: the log is the same 20 rows 3 times over/);
  });

  it('JSON objects are equal whatever their key order; a userId key tells events apart', () => {
    const base = items(6).map((it, i) => ({ ...it, userId: `u${i}` }));
    const reordered = { userId: 'u2', product_id: 'P2', event: 'click', time: 4 };
    const { log, notices } = ok(parseClickLog(JSON.stringify({ events: [...base, reordered] }), 'users.json'));
    expect(count(log)).toBe(6);
    expect(dupNotice(notices)?.message).toMatch(/the log's "userId" column tells events apart/);
  });

  it('JSON: same second, no identity: kept', () => {
    const base = items(10);
    const { log, notices } = ok(parseClickLog(JSON.stringify([...base, base[4]]), 'busy.json'));
    expect(count(log)).toBe(11);
    expect(dupNotice(notices)).toBeUndefined();
  });

  it('JSON: a number and a string of the same digits are different values', () => {
    const base = items(6).map((it, i) => ({ ...it, user: i }));
    const { log } = ok(parseClickLog(JSON.stringify([...base, { ...base[1], user: '1' }]), 'types.json'));
    expect(count(log)).toBe(7);
  });

  it('an NDJSON log with every line three times keeps each once', () => {
    const lines = items(15).map((it) => JSON.stringify(it));
    const text = lines.flatMap((l) => [l, l, l]).join('\n');
    const { log, notices } = ok(parseClickLog(text, 'tripled.ndjson'));
    expect(count(log)).toBe(15);
    expect(dupNotice(notices)?.message).toMatch(/^Dropped 30 duplicate rows: every row appears 3 times/);
  });

  it('NDJSON: same second, no identity: kept', () => {
    const lines = items(10).map((it) => JSON.stringify(it));
    lines.push(lines[3] ?? '');
    const { log, notices } = ok(parseClickLog(lines.join('\n'), 'busy.ndjson'));
    expect(count(log)).toBe(11);
    expect(dupNotice(notices)).toBeUndefined();
  });

  it('NDJSON with an event_id: a repeated line is dropped', () => {
    const lines = items(10).map((it, i) => JSON.stringify({ event_id: `e${i}`, ...it }));
    lines.push(lines[3] ?? '');
    const { log, notices } = ok(parseClickLog(lines.join('\n'), 'ids.ndjson'));
    expect(count(log)).toBe(10);
    expect(dupNotice(notices)?.message).toMatch(/"event_id" column tells/);
  });
});

describe('identity names', () => {
  it.each(['user_id', 'userId', 'User', 'viewer', 'buyer_id', 'order_id', 'event_id', 'id', 'uuid', 'session_id', 'click_id', 'nickname'])(
    '%s is identity',
    (name) => {
      expect(isIdentityName(name)).toBe(true);
    },
  );
  it.each(['room_id', 'live_id', 'shop_id', 'host', 'comment', 'quantity', 'price', 'stream_id'])('%s is not', (name) => {
    expect(isIdentityName(name)).toBe(false);
  });
});

describe('coverage', () => {
  it('an unclosed quote that swallows the rest of the file: 20 of 334 rows used', () => {
    const rows = baseRows(334);
    rows[20] = '60,click,SKU-0,"Product 0';
    const { log, coverage } = ok(parseClickLog(csv(rows), 'quote.csv'));
    expect(count(log)).toBe(20);
    expect(coverage).toEqual({ rows: 334, used: 20 });
  });
  it('the same with a line break at the end of the file: the line numbers do not move', () => {
    const rows = baseRows(334);
    rows[20] = '60,click,SKU-0,"Product 0';
    const r = parseClickLog(`${csv(rows)}\n`, 'quote.csv');
    expect(ok(r).coverage).toEqual({ rows: 334, used: 20 });
    expect(r.ok && r.log.rejected[0]).toMatchObject({
      line: 22,
      reason: 'unclosed quote: a value starting with " never ends, so lines 22–335 were read as one row',
    });
  });
  it('a clean log uses every row; duplicates dropped still count as used', () => {
    const rows = baseRows(10);
    expect(ok(parseClickLog(csv(rows), 'ok.csv')).coverage).toEqual({ rows: 10, used: 10 });
    expect(ok(parseClickLog(csv([...rows, ...rows]), 'twice.csv')).coverage).toEqual({ rows: 20, used: 20 });
  });
});
