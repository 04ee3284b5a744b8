import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_ALIASES, FIELD_ALIASES, normaliseName } from '../../src/domain/clicklog/fields';
import { arrayItemLines, findJsonSyntaxError } from '../../src/domain/clicklog/jsonsyntax';
import { parseClickLog, parseClickLogBytes, type ClickLogResult } from '../../src/domain/clicklog/parse';
import type { LogFailure } from '../../src/domain/clicklog/result';
import { earliestAbsoluteMs, needsStreamStart, resolveTimes } from '../../src/domain/clicklog/resolve';
import { parseAbsoluteTime, parseRelativeTime } from '../../src/domain/clicklog/time';
import { EVENT_KINDS, kindCode, type ClickLog, type EventKind, type RejectedRow } from '../../src/domain/clicklog/model';

function ok(r: ClickLogResult): ClickLog & { warnings: string[] } {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return { ...r.log, warnings: r.warnings };
}
function fail(r: ClickLogResult): LogFailure {
  if (r.ok) throw new Error('expected a failure');
  return r;
}
const csv = (...lines: string[]): string => lines.join('\n');
const kinds = (log: ClickLog): EventKind[] => Array.from(log.events.kind, (k) => EVENT_KINDS[k] as EventKind);
const times = (log: ClickLog): number[] => Array.from(log.events.time);
const ids = (log: ClickLog): string[] => Array.from(log.events.product, (p) => log.products[p]?.id ?? '?');
const lines = (rows: RejectedRow[]): (number | undefined)[] => rows.map((r) => r.line);
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0); // 2024-05-01T12:00:00Z

describe('parseRelativeTime', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    [' 7 ', 7],
    ['.5', 0.5],
    ['0', 0],
    ['01:02', 62],
    ['1:02.5', 62.5],
    ['75:30', 4530],
    ['01:02:03', 3723],
    ['1:02:03.25', 3723.25],
    ['00:00:00', 0],
    ['-3', -3],
    ['-00:03', -3],
  ])('%j → %d', (text, seconds) => {
    expect(parseRelativeTime(text)).toBeCloseTo(seconds, 9);
  });
  it('accepts JSON numbers', () => {
    expect(parseRelativeTime(12.5)).toBe(12.5);
    expect(parseRelativeTime(0)).toBe(0);
    expect(parseRelativeTime(Number.NaN)).toBeNull();
    expect(parseRelativeTime(Infinity)).toBeNull();
  });
  it.each(['', 'abc', '12s', '1:60', '1:2:3:4', '1:75:00', '01:02:60', '1e3', '12,5', ':30', '1:', '--3'])('rejects %j', (text) => {
    expect(parseRelativeTime(text)).toBeNull();
  });
});

describe('parseAbsoluteTime', () => {
  it.each([
    ['2024-05-01T12:00:00Z', T0],
    ['2024-05-01T12:00:00z', T0],
    ['2024-05-01T12:00:00.250Z', T0 + 250],
    ['2024-05-01T12:00:00,5Z', T0 + 500],
    ['2024-05-01T14:00:00+02:00', T0],
    ['2024-05-01T14:00:00+0200', T0],
    ['2024-05-01T14:00:00+02', T0],
    ['2024-05-01T06:30:00-05:30', T0],
    ['2024-05-01T12:00Z', T0],
    ['2024-05-01 12:00:00 UTC', T0],
    // No zone: read as UTC, not local time.
    ['2024-05-01T12:00:00', T0],
    ['2024-05-01 12:00:00', T0],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%j', (text, ms) => {
    expect(parseAbsoluteTime(text)).toBe(ms);
  });
  it('reads epoch seconds and milliseconds, as numbers and strings', () => {
    expect(parseAbsoluteTime(T0 / 1000)).toBe(T0);
    expect(parseAbsoluteTime(String(T0 / 1000))).toBe(T0);
    expect(parseAbsoluteTime(T0)).toBe(T0);
    expect(parseAbsoluteTime(String(T0))).toBe(T0);
    expect(parseAbsoluteTime(`${T0 / 1000}.5`)).toBe(T0 + 500);
    expect(parseAbsoluteTime(1e9)).toBe(1e12); // smallest epoch-seconds value
    expect(parseAbsoluteTime(1e11)).toBe(1e11); // smallest epoch-milliseconds value
    expect(parseAbsoluteTime(99_999_999_999)).toBe(99_999_999_999_000);
  });
  it.each([
    12,
    '12',
    999_999_999,
    1e15,
    -T0,
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-01',
    '2024-05-01T25:00:00Z',
    '2024-05-01T12:00:00+25:00',
    'yesterday',
    '',
  ])('rejects %j', (v) => {
    expect(parseAbsoluteTime(v)).toBeNull();
  });
});

describe('field names', () => {
  it('normalises headers', () => {
    expect(normaliseName('\uFEFF Product ID ')).toBe('product_id');
    expect(normaliseName('PRODUCT-ID')).toBe('product_id');
    expect(normaliseName('productId')).toBe('product_id');
    expect(normaliseName('Video Time (s)')).toBe('video_time_s');
    expect(normaliseName('Add-To-Cart')).toBe('add_to_cart');
  });

  it.each(FIELD_ALIASES.time)('time alias %j', (alias) => {
    const log = ok(parseClickLog(csv(`${alias},event,product_id`, '5,click,A'), 'c.csv'));
    expect(times(log)).toEqual([5]);
    expect(Array.from(log.events.absolute)).toEqual([0]);
  });
  it.each(FIELD_ALIASES.timestamp)('timestamp alias %j', (alias) => {
    const log = ok(parseClickLog(csv(`${alias},event,product_id`, '2024-05-01T12:00:05Z,click,A'), 'c.csv'));
    expect(times(log)).toEqual([T0 + 5000]);
    expect(Array.from(log.events.absolute)).toEqual([1]);
  });
  it.each(FIELD_ALIASES.event)('event alias %j', (alias) => {
    expect(kinds(ok(parseClickLog(csv(`time,${alias},product_id`, '5,order,A'), 'c.csv')))).toEqual(['order']);
  });
  it.each(FIELD_ALIASES.product_id)('product_id alias %j', (alias) => {
    expect(ids(ok(parseClickLog(csv(`time,event,${alias}`, '5,click,X9'), 'c.csv')))).toEqual(['X9']);
  });
  it.each(FIELD_ALIASES.product_name)('product_name alias %j', (alias) => {
    expect(ok(parseClickLog(csv(`time,event,sku,${alias}`, '5,click,X9,Red Dress'), 'c.csv')).products).toEqual([{ id: 'X9', name: 'Red Dress' }]);
  });
  it.each(FIELD_ALIASES.price)('price alias %j', (alias) => {
    expect(ok(parseClickLog(csv(`time,event,sku,${alias}`, '5,click,X9,19.90'), 'c.csv')).products).toEqual([{ id: 'X9', price: '19.90' }]);
  });
  it('matches headers case-insensitively, with spaces, dashes and a BOM', () => {
    const log = ok(parseClickLog('\uFEFF Video Time ,EVENT-TYPE,Product ID,Product Title,Unit Price\n5,click,A,Hat,3', 'c.csv'));
    expect(times(log)).toEqual([5]);
    expect(log.products).toEqual([{ id: 'A', name: 'Hat', price: '3' }]);
  });
  it('matches camelCase JSON keys', () => {
    const log = ok(parseClickLog('[{"videoTime": 5, "eventType": "click", "productId": "A", "productTitle": "Hat", "unitPrice": 3}]', 'c.json'));
    expect(times(log)).toEqual([5]);
    expect(log.products).toEqual([{ id: 'A', name: 'Hat', price: '3' }]);
  });
  it('prefers the canonical column when two columns mean the same field, and warns', () => {
    const log = ok(parseClickLog(csv('time,event,product,product_id', '5,click,Hat,A'), 'c.csv'));
    expect(ids(log)).toEqual(['A']);
    expect(log.warnings).toEqual(['Columns "product" and "product_id" both mean product_id; using "product_id" and ignoring "product".']);
  });

  const eventCases = (Object.entries(EVENT_ALIASES) as [string, readonly string[]][])
    .filter(([value]) => value !== 'stream_start')
    .flatMap(([value, aliases]) =>
      aliases.flatMap((a) => [
        [a, value],
        [a.toUpperCase(), value],
      ]),
    );
  it.each(eventCases)('event value %j → %s', (alias, kind) => {
    const log = ok(parseClickLog(csv('time,event,product_id', `5,${alias},A`), 'c.csv'));
    expect(Array.from(log.events.kind)).toEqual([kindCode(kind as EventKind)]);
  });
  it('reads the spelled variants of event values', () => {
    const log = ok(parseClickLog(csv('time,event,product_id', '1,add-to-cart,A', '2, Add To Cart ,A', '3,AddToCart,A', '4,Product_Click,A'), 'c.csv'));
    expect(kinds(log)).toEqual(['add_to_cart', 'add_to_cart', 'add_to_cart', 'click']);
  });
});

describe('formats', () => {
  it('reads CSV with products, names and prices from the first row that has them', () => {
    const log = ok(
      parseClickLog(
        csv('time,event,product_id,product_name,price', '1,click,A,,', '2,add_to_cart,A,Hat,', '3,order,B,Scarf,12.00', '4,pin,A,Other name,5', '5,unpin,A,,'),
        'c.csv',
      ),
    );
    expect(log.format).toBe('csv');
    expect(log.fileName).toBe('c.csv');
    expect(times(log)).toEqual([1, 2, 3, 4, 5]);
    expect(kinds(log)).toEqual(['click', 'add_to_cart', 'order', 'pin', 'unpin']);
    expect(ids(log)).toEqual(['A', 'A', 'B', 'A', 'A']);
    expect(log.products).toEqual([
      { id: 'A', name: 'Hat', price: '5' },
      { id: 'B', name: 'Scarf', price: '12.00' },
    ]);
    expect(log.rejected).toEqual([]);
    expect(log.rejectedCount).toBe(0);
    expect(log.warnings).toEqual([]);
    expect(log.streamStartMs).toBeUndefined();
    expect(log.events.time).toBeInstanceOf(Float64Array);
    expect(log.events.absolute).toBeInstanceOf(Uint8Array);
    expect(log.events.kind).toBeInstanceOf(Uint8Array);
    expect(log.events.product).toBeInstanceOf(Uint32Array);
    // Exact-size arrays with their own buffers (transferable without carrying spare capacity).
    expect(log.events.time.buffer.byteLength).toBe(5 * 8);
    expect(log.events.product.buffer.byteLength).toBe(5 * 4);
  });

  it('reads CSV with a BOM and CRLF, giving real line numbers', () => {
    const text = '\uFEFFtime,event,product_id\r\n1,click,A\r\n\r\n2,wave,A\r\n3,click,B\r\n';
    const log = ok(parseClickLog(text, 'c.csv'));
    expect(times(log)).toEqual([1, 3]);
    expect(log.rejected).toEqual([{ code: 'unknown event', line: 4, reason: 'unknown event "wave" (expected click, add_to_cart, order, pin, unpin)' }]);
  });

  it('reads quoted commas, escaped quotes and emoji', () => {
    const log = ok(parseClickLog(csv('time,event,sku,name', '1,click,A,"Red, long ""maxi"" dress 👗🔥"', '2,click,B,Café ☕'), 'c.csv'));
    expect(log.products).toEqual([
      { id: 'A', name: 'Red, long "maxi" dress 👗🔥' },
      { id: 'B', name: 'Café ☕' },
    ]);
  });

  it('reads a quoted field that spans lines and keeps later line numbers right', () => {
    const text = csv('time,event,sku,name', '1,click,A,"two', 'line name"', '2,click,B,"three', '', 'lines"', 'x,click,A,', '4,click,A,');
    const log = ok(parseClickLog(text, 'c.csv'));
    expect(log.products[0]).toEqual({ id: 'A', name: 'two\nline name' });
    expect(log.products[1]).toEqual({ id: 'B', name: 'three\n\nlines' });
    expect(log.rejected).toEqual([{ code: 'bad time', line: 7, reason: 'time "x" is not seconds, mm:ss or hh:mm:ss' }]);
    const crlf = ok(parseClickLog(text.replace(/\n/g, '\r\n'), 'c.csv'));
    expect(crlf.rejected).toEqual([{ code: 'bad time', line: 7, reason: 'time "x" is not seconds, mm:ss or hh:mm:ss' }]);
    expect(crlf.products[0]?.name).toBe('two\r\nline name');
  });

  it('reads tab- and semicolon-separated files', () => {
    expect(times(ok(parseClickLog('time\tevent\tsku\n1\tclick\tA\n2\torder\tA', 'c.tsv')))).toEqual([1, 2]);
    expect(times(ok(parseClickLog('time;event;sku\n1;click;A\n2;order;A', 'c.csv')))).toEqual([1, 2]);
  });

  it('reads a JSON array, with JSON numbers', () => {
    const log = ok(
      parseClickLog(
        JSON.stringify([
          { time: 1.5, event: 'click', product_id: 42, product_name: 'Hat', price: 9.5 },
          { time: '00:02', event: 'ATC', product_id: '42' },
        ]),
        'c.json',
      ),
    );
    expect(log.format).toBe('json');
    expect(times(log)).toEqual([1.5, 2]);
    expect(ids(log)).toEqual(['42', '42']);
    expect(log.products).toEqual([{ id: '42', name: 'Hat', price: '9.5' }]);
  });

  it.each(['stream_start', 'streamStart', 'start'])('reads a JSON object with %s and events', (key) => {
    const text = `{ "${key}": "2024-05-01T12:00:00Z", "events": [
      { "timestamp": "2024-05-01T12:00:10Z", "event": "click", "sku": "A" },
      { "ts": ${(T0 + 20_000) / 1000}, "event": "order", "sku": "A" }
    ] }`;
    const log = ok(parseClickLog(text, 'c.json'));
    expect(log.format).toBe('json');
    expect(log.streamStartMs).toBe(T0);
    expect(times(log)).toEqual([T0 + 10_000, T0 + 20_000]);
    expect(Array.from(log.events.absolute)).toEqual([1, 1]);
    expect(needsStreamStart(log)).toBe(false);
    expect(Array.from(resolveTimes(log.events, log.streamStartMs) ?? [])).toEqual([10, 20]);
  });

  it('takes an epoch stream_start in a JSON object', () => {
    const log = ok(parseClickLog(`{"stream_start": ${T0}, "events": [{"t": 3, "event": "click", "sku": "A"}]}`, 'c.json'));
    expect(log.streamStartMs).toBe(T0);
  });

  it('reads NDJSON, including a stream-start line', () => {
    const text = [
      `{"stream_start": "2024-05-01T12:00:00Z"}`,
      `{"timestamp": "2024-05-01T12:00:05Z", "event": "click", "sku": "A"}`,
      '',
      `{"time": "00:07", "event": "pin", "sku": "B"}`,
      `{"event": "live_start", "timestamp": "2024-05-01T12:00:00Z"}`,
    ].join('\n');
    const log = ok(parseClickLog(text, 'c.ndjson'));
    expect(log.format).toBe('ndjson');
    expect(log.streamStartMs).toBe(T0);
    expect(times(log)).toEqual([T0 + 5000, 7]);
    expect(Array.from(log.events.absolute)).toEqual([1, 0]);
    expect(Array.from(resolveTimes(log.events, log.streamStartMs) ?? [])).toEqual([5, 7]);
  });

  it('reads a single event object as a one-event log', () => {
    expect(times(ok(parseClickLog('{"t": 3, "event": "click", "sku": "A"}', 'one.json')))).toEqual([3]);
  });

  it('detects the format from the content, not the file name', () => {
    expect(ok(parseClickLog('[{"t": 3, "event": "click", "sku": "A"}]', 'log.csv')).format).toBe('json');
    expect(ok(parseClickLog('t,event,sku\n3,click,A', 'log.json')).format).toBe('csv');
    expect(ok(parseClickLog('  \n{"t": 3, "event": "click", "sku": "A"}\n{"t": 4, "event": "click", "sku": "A"}\n', 'log.json')).format).toBe('ndjson');
  });
});

describe('bad rows', () => {
  const header = 'time,timestamp,event,product_id,name';
  const text = csv(
    header, // 1
    '1,,click,A,', // 2 ok
    'abc,,click,A,', // 3
    '2,,wave,A,', // 4
    '3,,click,,', // 5
    '-3,,click,A,', // 6
    ',yesterday,click,A,', // 7
    ',,click,A,', // 8
    '4,,,A,', // 9
    '5,,click,A,Red, dress', // 10
    '6,,click', // 11
    '7,,pin,,', // 12
    '8,,unpin,A,', // 13 ok
    '1:75,,click,A,', // 14
    '9,,start,,', // 15
    '10,,order,"A,', // 16: unclosed quote swallows the rest
    '11,,click,A,',
  );
  const log = ok(parseClickLog(text, 'c.csv'));

  it('keeps the good rows', () => {
    expect(times(log)).toEqual([1, 8]);
  });
  it('rejects each bad row with its line and a specific reason', () => {
    expect(log.rejected).toEqual([
      { code: 'bad time', line: 3, reason: 'time "abc" is not seconds, mm:ss or hh:mm:ss' },
      { code: 'unknown event', line: 4, reason: 'unknown event "wave" (expected click, add_to_cart, order, pin, unpin)' },
      { code: 'missing product_id', line: 5, reason: 'missing product_id' },
      { code: 'negative time', line: 6, reason: 'negative time -3' },
      { code: 'bad timestamp', line: 7, reason: 'timestamp "yesterday" is not an ISO 8601 date-time or epoch seconds/milliseconds' },
      { code: 'missing time', line: 8, reason: 'missing time (no time or timestamp value)' },
      { code: 'missing event', line: 9, reason: 'missing event' },
      { code: 'wrong field count', line: 10, reason: 'row has 6 fields but the header has 5: quote values that contain commas' },
      { code: 'wrong field count', line: 11, reason: 'row has 3 fields but the header has 5: it ends before the "product_id" column' },
      { code: 'missing product_id', line: 12, reason: 'missing product_id' },
      { code: 'bad time', line: 14, reason: 'time "1:75" is not seconds, mm:ss or hh:mm:ss' },
      { code: 'bad stream_start', line: 15, reason: '"start" row needs an absolute timestamp (ISO 8601 or epoch), not a relative time' },
      { code: 'bad quotes', line: 16, reason: 'unclosed quote: a value starting with " never ends, so lines 16–17 were read as one row' },
    ]);
    expect(log.rejectedCount).toBe(13);
  });
  it('summarises the skipped rows in a warning', () => {
    expect(log.warnings).toEqual([
      'Imported 2 events; skipped 13 rows (2 bad time, 2 missing product_id, 2 wrong field count, 1 unknown event, 1 negative time, 1 bad timestamp, 1 missing time, 1 missing event, 1 bad stream_start, 1 bad quotes)',
    ]);
  });

  it('words a partly bad log like "Imported 120 events; skipped 3 rows (2 unknown event, 1 bad time)"', () => {
    const rows = ['time,event,sku'];
    for (let i = 0; i < 120; i++) rows.push(`${i},click,A`);
    rows.splice(10, 0, '5,wave,A');
    rows.splice(20, 0, '5,hello,A');
    rows.splice(30, 0, 'soon,click,A');
    const r = ok(parseClickLog(csv(...rows), 'c.csv'));
    expect(r.warnings).toEqual(['Imported 120 events; skipped 3 rows (2 unknown event, 1 bad time)']);
    expect(lines(r.rejected)).toEqual([11, 21, 31]);
  });

  it('keeps at most 200 rejected rows and counts them all', () => {
    const rows = ['time,event,sku', '1,click,A'];
    for (let i = 0; i < 500; i++) rows.push(`${i},nope,A`);
    const r = ok(parseClickLog(csv(...rows), 'c.csv'));
    expect(r.rejected).toHaveLength(200);
    expect(r.rejectedCount).toBe(500);
    expect(r.rejected[199]?.line).toBe(202);
    expect(r.warnings[0]).toBe('Imported 1 event; skipped 500 rows (500 unknown event)');
  });

  it('accepts trailing empty fields beyond the header', () => {
    expect(times(ok(parseClickLog(csv('time,event,sku', '1,click,A,,', '2,click,A,'), 'c.csv')))).toEqual([1, 2]);
  });

  it('locates bad items in a JSON array by item and line', () => {
    const text = `[
  {"t": 1, "event": "click", "sku": "A"},
  {"t": "x", "event": "click", "sku": "A"},
  42,
  {
    "t": 3,
    "event": "wave",
    "sku": "A,]{\\""
  },
  {"t": 4, "event": "click"}
]`;
    const r = ok(parseClickLog(text, 'c.json'));
    expect(r.rejected).toEqual([
      { code: 'bad time', item: 2, line: 3, reason: 'time "x" is not seconds, mm:ss or hh:mm:ss' },
      { code: 'not an object', item: 3, line: 4, reason: 'item is the number 42, not an event object' },
      { code: 'unknown event', item: 4, line: 5, reason: 'unknown event "wave" (expected click, add_to_cart, order, pin, unpin)' },
      { code: 'missing product_id', item: 5, line: 10, reason: 'missing product_id' },
    ]);
  });

  it('locates bad items in the events array of a JSON object', () => {
    const text = '{\n "note": "[not this]",\n "events": [\n  {"t": 1, "event": "click", "sku": "A"},\n  {"t": -1, "event": "click", "sku": "A"}\n ]\n}';
    expect(ok(parseClickLog(text, 'c.json')).rejected).toEqual([{ code: 'negative time', item: 2, line: 5, reason: 'negative time -1' }]);
  });

  it('rejects bad NDJSON lines with their line number', () => {
    const text = [
      '{"t": 1, "event": "click", "sku": "A"}',
      '{"t": 2, "event": "click", "sku": "A"',
      '',
      '  {t: 3}',
      '[1, 2]',
      '{"t": 4, "event": "wave", "sku": "A"}',
    ].join('\r\n');
    expect(ok(parseClickLog(text, 'c.ndjson')).rejected).toEqual([
      {
        code: 'invalid JSON',
        line: 2,
        column: 38,
        reason: 'invalid JSON at column 38: expected "," or "}" after a property value but found the end of the line',
      },
      { code: 'invalid JSON', line: 4, column: 4, reason: 'invalid JSON at column 4: expected a property name in double quotes but found "t"' },
      { code: 'not an object', line: 5, reason: 'line is not a JSON object' },
      { code: 'unknown event', line: 6, reason: 'unknown event "wave" (expected click, add_to_cart, order, pin, unpin)' },
    ]);
  });

  it('rejects a product_id that is an object', () => {
    const r = ok(parseClickLog('[{"t":1,"event":"click","sku":"A"},{"t":1,"event":"click","sku":{"id":1}}]', 'c.json'));
    expect(r.rejected).toEqual([{ code: 'bad product_id', item: 2, line: 1, reason: 'product_id {"id":1} is not a string or number' }]);
  });
});

describe('whole-file errors', () => {
  it('fails with the rejected rows when nothing is usable', () => {
    const r = fail(parseClickLog(csv('time,event,sku', 'x,click,A', '2,wave,A', '3,click,'), 'c.csv'));
    expect(r.error).toBe(
      'c.csv: No usable events: all 3 rows were rejected (1 bad time, 1 unknown event, 1 missing product_id). First problem, line 2: time "x" is not seconds, mm:ss or hh:mm:ss.',
    );
    expect(lines(r.rejected)).toEqual([2, 3, 4]);
    expect(r.rejectedCount).toBe(3);
  });

  it('names found columns and accepted aliases when required columns are missing', () => {
    const r = fail(parseClickLog(csv('when,what,product_name', '1,click,Hat'), 'c.csv'));
    expect(r.error).toBe(
      'c.csv: The click log needs a time column (relative: time, t, offset, seconds, sec, time_s, elapsed, video_time, position; or absolute: timestamp, ts, datetime, date_time, created_at, event_time, at); an event column (event, type, event_type, action, kind); a product_id column (product_id, productid, product, sku, item_id, pid). Found columns "when", "what", "product_name".',
    );
    const onlyId = fail(parseClickLog(csv('time,event,name', '1,click,Hat'), 'c.csv'));
    expect(onlyId.error).toBe(
      'c.csv: The click log needs a product_id column (product_id, productid, product, sku, item_id, pid). Found columns "time", "event", "name".',
    );
  });

  it('names missing fields in JSON logs', () => {
    const r = fail(parseClickLog('[{"t": 1, "sku": "A"}, {"t": 2, "sku": "B"}]', 'c.json'));
    expect(r.error).toBe('c.json: The click log needs an event column (event, type, event_type, action, kind). Found fields "t", "sku".');
  });

  it.each([
    ['[\n  {"t": 1, "event": "click" "sku": "A"}\n]', 'line 2, column 29: expected "," or "}" after a property value but found "\\""'],
    ['[\n  {"t": 1},\n]', 'line 3, column 1: expected a value (JSON does not allow a trailing comma) but found "]"'],
    ['{"events": [\n{"t": 1, "event": "click", "sku": "A}\n]}', 'line 2, column 38: a line break inside a string (is a closing quote missing?)'],
    ['[{"t": 1}]\nextra', 'line 2, column 1: expected the end of the file after the JSON value but found "e"'],
    ["[{'t': 1}]", 'line 1, column 3: expected a property name in double quotes but found "\'"'],
    ['{\n  "events": [\n', 'line 3, column 1: expected a value but found the end of the file'],
  ])('reports invalid JSON with line and column: %j', (text, where) => {
    expect(fail(parseClickLog(text, 'c.json')).error).toBe(`c.json: Not valid JSON at ${where}.`);
  });

  it('fails on an empty file, a header without rows, and a JSON object without events', () => {
    expect(fail(parseClickLog('  \r\n ', 'c.csv')).code).toBe('empty');
    expect(fail(parseClickLog('\uFEFF', 'c.csv')).error).toBe('c.csv is empty. Export the click log again: it needs a header row and one row per event.');
    expect(fail(parseClickLog('time,event,sku\r\n', 'c.csv')).error).toBe('c.csv: The file has a header but no event rows.');
    expect(fail(parseClickLog('[]', 'c.json')).error).toBe('c.json: The file has no events.');
    expect(fail(parseClickLog('{"data": []}', 'c.json')).error).toBe(
      'c.json: The JSON object has no "events" array. Expected an array of events, or { "stream_start": …, "events": [ … ] }; found keys "data".',
    );
    expect(fail(parseClickLog('time,event,sku\n2024-05-01T12:00:00Z,stream_start,', 'c.csv')).error).toBe('c.csv: The file has a stream start but no events.');
  });
});

describe('absolute times and the stream start', () => {
  it('keeps absolute times when the log has no stream start', () => {
    const log = ok(
      parseClickLog(csv('timestamp,event,sku', '2024-05-01T12:00:30Z,click,A', `${(T0 + 10_000) / 1000},click,A`, `${T0 + 20_000},click,A`), 'c.csv'),
    );
    expect(times(log)).toEqual([T0 + 30_000, T0 + 10_000, T0 + 20_000]);
    expect(Array.from(log.events.absolute)).toEqual([1, 1, 1]);
    expect(log.streamStartMs).toBeUndefined();
    expect(needsStreamStart(log)).toBe(true);
    expect(earliestAbsoluteMs(log)).toBe(T0 + 10_000);
    expect(resolveTimes(log.events, undefined)).toBeNull();
    expect(Array.from(resolveTimes(log.events, T0) ?? [])).toEqual([30, 10, 20]);
  });

  it('takes the stream start from a stream_start row, which is not an event', () => {
    const log = ok(
      parseClickLog(
        csv('time,timestamp,event,sku', ',2024-05-01T12:00:15Z,click,A', ',2024-05-01T12:00:00Z,stream_start,', '3,,click,B', ',2024-05-01T11:59:59Z,click,A'),
        'c.csv',
      ),
    );
    expect(log.streamStartMs).toBe(T0);
    expect(kinds(log)).toEqual(['click', 'click', 'click']);
    expect(Array.from(log.events.absolute)).toEqual([1, 0, 1]);
    expect(needsStreamStart(log)).toBe(false);
    // Events before the start come out negative; the caller decides what to do with them.
    expect(Array.from(resolveTimes(log.events, log.streamStartMs) ?? [])).toEqual([15, 3, -1]);
  });

  it('reads an ISO date-time or an epoch number in the time column as absolute', () => {
    const log = ok(
      parseClickLog(csv('time,event,sku', '2024-05-01T12:00:05Z,click,A', `${T0 / 1000},click,A`, '5,click,A', '2024-05-01T12:00:00Z,start,'), 'c.csv'),
    );
    expect(times(log)).toEqual([T0 + 5000, T0, 5]);
    expect(Array.from(log.events.absolute)).toEqual([1, 1, 0]);
    expect(log.streamStartMs).toBe(T0);
  });

  it('warns when the log states different stream starts, keeping the first', () => {
    const log = ok(
      parseClickLog(csv('ts,event,sku', '2024-05-01T12:00:00Z,stream_start,', '2024-05-01T12:05:00Z,live_start,', '2024-05-01T12:06:00Z,click,A'), 'c.csv'),
    );
    expect(log.streamStartMs).toBe(T0);
    expect(log.warnings).toEqual(['The log has 2 different stream_start/live_start/start times; using the first, 2024-05-01T12:00:00.000Z.']);
  });

  it('prefers the timestamp of a stream_start row that also has a relative time', () => {
    const log = ok(parseClickLog(csv('time,timestamp,event,sku', '0,2024-05-01T12:00:00Z,stream_start,', '1,,click,A'), 'c.csv'));
    expect(log.streamStartMs).toBe(T0);
    expect(log.rejected).toEqual([]);
  });

  it('rejects a stream_start row without a timestamp', () => {
    const log = ok(parseClickLog(csv('time,timestamp,event,sku', ',,stream_start,', '1,,click,A'), 'c.csv'));
    expect(log.rejected).toEqual([{ code: 'bad stream_start', line: 2, reason: '"stream_start" row has no timestamp' }]);
  });

  it('resolves relative-only logs without a start', () => {
    const log = ok(parseClickLog(csv('t,event,sku', '1,click,A', '2,click,A'), 'c.csv'));
    expect(needsStreamStart(log)).toBe(false);
    expect(earliestAbsoluteMs(log)).toBeUndefined();
    expect(Array.from(resolveTimes(log.events, undefined) ?? [])).toEqual([1, 2]);
  });
});

describe('properties', () => {
  it('CSV line numbers are right with blank lines, CRLF and multi-line quoted names', () => {
    const row = fc.record({
      bad: fc.boolean(),
      name: fc.constantFrom('', 'Hat', '"Red, dress"', '"two\nlines"', '"a ""quoted""\n\nname 👗"'),
      blanksBefore: fc.nat(2),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, crlf) => {
        const out = ['time,event,sku,name'];
        const expectedLines: number[] = [];
        let line = 2;
        for (const [i, r] of rows.entries()) {
          for (let b = 0; b < r.blanksBefore; b++) {
            out.push('');
            line++;
          }
          if (r.bad) expectedLines.push(line);
          const text = `${i},${r.bad ? 'wave' : 'click'},A,${r.name}`;
          out.push(text);
          line += text.split('\n').length;
        }
        out.push('0,click,A,'); // at least one good row
        const eol = crlf ? '\r\n' : '\n';
        const result = parseClickLog(out.join('\n').replace(/\n/g, eol), 'p.csv');
        const log = ok(result);
        expect(lines(log.rejected)).toEqual(expectedLines);
        expect(log.events.time.length).toBe(rows.filter((r) => !r.bad).length + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('a log reads the same in UTF-8, UTF-16 LE/BE with and without a BOM, and (Latin-1 names) Windows-1252', () => {
    const utf16 = (text: string, le: boolean): number[] =>
      Array.from(text).flatMap((ch) => {
        const units = ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [ch.charCodeAt(0)];
        return units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
      });
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((n) => n.trim() === n && !/[\p{C}",\r\n]/u.test(n));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), fc.boolean(), (names, latin1) => {
        const shown = latin1 ? names.map((n) => n.replace(/[^\u00a0-\u00ff]/gu, 'é')) : names;
        const text = ['time,event,sku,name', ...shown.map((n, i) => `${i}.5,click,P${i},${n}`)].join('\r\n');
        const want = ok(parseClickLogBytes(new TextEncoder().encode(text), 'u.csv'));
        const encodings: [Uint8Array, boolean][] = [
          [Uint8Array.from([0xff, 0xfe, ...utf16(text, true)]), false],
          [Uint8Array.from([0xfe, 0xff, ...utf16(text, false)]), false],
          [Uint8Array.from(utf16(text, true)), true],
          [Uint8Array.from(utf16(text, false)), true],
        ];
        if (latin1) encodings.push([Uint8Array.from(text, (c) => c.charCodeAt(0)), true]);
        for (const [bytes, guessed] of encodings) {
          const got = ok(parseClickLogBytes(bytes, 'u.csv'));
          expect(got.products).toEqual(want.products);
          expect(Array.from(got.events.time)).toEqual(Array.from(want.events.time));
          expect(got.warnings.length).toBe(guessed ? 1 : 0);
        }
      }),
      { numRuns: 200 },
    );
    // 200 generated logs, each parsed in five encodings: seconds on a loaded 2-core machine.
  }, 30_000);

  it('the JSON syntax locator agrees with JSON.parse', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\n', '1', '-', '.', 'e', 't', 'true', 'null', '\\', 'a', '\\u00e9'),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          jsonish,
          fc.json(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(findJsonSyntaxError(text) === null).toBe(valid);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the line of every item of a pretty-printed array', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), fc.boolean(), (items, wrap) => {
        const doc = wrap ? { before: ['x', { events: 1 }], events: items, after: [1] } : items;
        const text = JSON.stringify(doc, null, 2);
        const got = arrayItemLines(text, wrap ? 'events' : null);
        // Each item's first line: stringify the prefix up to it.
        const expected = items.map((_, i) => {
          const marker = '\u0000MARK\u0000';
          const marked = wrap
            ? { ...doc, events: [...items.slice(0, i), marker, ...items.slice(i + 1)] }
            : [...items.slice(0, i), marker, ...items.slice(i + 1)];
          const s = JSON.stringify(marked, null, 2);
          return s.slice(0, s.indexOf(JSON.stringify(marker))).split('\n').length;
        });
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scale', () => {
  // How long it takes is measured by `npm run bench` (scripts/bench/parse.ts), not asserted here.
  it('parses a 1,000,000-row CSV, every row accounted for', () => {
    const names = ['click', 'add_to_cart', 'order', 'click', 'click', 'pin', 'unpin'];
    const parts: string[] = ['time,event,product_id,product_name,price'];
    for (let i = 0; i < 1_000_000; i++) {
      parts.push(`${(i * 0.0072).toFixed(3)},${names[i % 7]},SKU-${i % 120},"Product ${i % 120}, size M",${(i % 120) + 0.99}`);
    }
    parts[500_000] = '3600.5,wave,SKU-1,,';
    const text = parts.join('\r\n');
    const log = ok(parseClickLog(text, 'million.csv'));
    expect(log.events.time.length).toBe(999_999);
    expect(log.products).toHaveLength(120);
    expect(log.rejected).toEqual([{ code: 'unknown event', line: 500_001, reason: 'unknown event "wave" (expected click, add_to_cart, order, pin, unpin)' }]);
  }, 60_000);
});
