import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, kindCode, type EventKind, type Product } from '../../src/domain/clicklog/model';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import type { ClickLogResult } from '../../src/domain/clicklog/result';
import { analyse } from '../../src/domain/selection/analysis';
import { explainPick } from '../../src/domain/selection/explain';
import { DEFAULT_SELECTION, DEFAULT_WEIGHTS, weightOf } from '../../src/domain/selection/model';
import { selectHighlights } from '../../src/domain/selection/select';
import { detectSignalLog } from '../../src/domain/signals/detect';
import { MAX_COUNT_PER_ROW, parseCount, parseDuration } from '../../src/domain/signals/interval';
import { asksForLinkOrPrice, productMatcher } from '../../src/domain/signals/mentions';

const ok = (r: ClickLogResult) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};
const kinds = (r: ClickLogResult) => Array.from(ok(r).log.events.kind, (k) => EVENT_KINDS[k]);
const times = (r: ClickLogResult) => Array.from(ok(r).log.events.time);

describe('stored kinds', () => {
  it('the click log’s kinds keep their codes; the new ones come after them', () => {
    expect(EVENT_KINDS.slice(0, 5)).toEqual(['click', 'add_to_cart', 'order', 'pin', 'unpin']);
    expect(kindCode('comment')).toBe(5);
  });
  it('settings stored before the new kinds existed get their defaults, and clicks weigh most', () => {
    const old = { click: 1, add_to_cart: 3, order: 5, pin: 0, unpin: 0 };
    expect(weightOf(old, 'comment')).toBe(DEFAULT_WEIGHTS.comment);
    for (const k of ['comment', 'mention', 'ask', 'like', 'gift', 'social', 'viewers'] as const) expect(DEFAULT_WEIGHTS[k]).toBeLessThan(DEFAULT_WEIGHTS.click);
  });
});

describe('detection from content', () => {
  it('every committed click log is still read as a click log, exactly as before', () => {
    for (const f of readdirSync('tests/fixtures').filter((n) => /^clicks.*\.(csv|ndjson|json)$/.test(n))) {
      const text = readFileSync(`tests/fixtures/${f}`, 'utf8');
      expect(detectSignalLog(text), f).toBeNull();
      const r = parseClickLog(text, f);
      if (r.ok) expect(r.log.signals, f).toBeUndefined();
    }
    expect(detectSignalLog(readFileSync('public/samples/sample-clicks.csv', 'utf8'))).toBeNull();
  });
  it('a click log with a stray chat event stays a click log (its unknown row is skipped as before)', () => {
    const r = ok(parseClickLog('time,event,product_id\n1,click,P1\n2,chat,P1\n', 'a.csv'));
    expect(r.log.signals).toBeUndefined();
    expect(r.log.rejected[0]?.reason).toBe('unknown event "chat" (expected click, add_to_cart, order, pin, unpin)');
  });
  it('tells analytics and chat logs apart in CSV, JSON and NDJSON', () => {
    expect(detectSignalLog('minute,product,clicks,orders\n0,P1,3,0\n')).toBe('interval');
    expect(detectSignalLog('[{"start_time":"2024-05-01T12:00:00Z","sku":"P1","product_clicks":4}]')).toBe('interval');
    expect(detectSignalLog('{"event":"chat","data":{"comment":"hi"},"timestamp":1714564800000}\n')).toBe('chat');
    expect(detectSignalLog('time,type,user,text\n1,comment,ann,hi\n2,like,bo,\n')).toBe('chat');
    expect(detectSignalLog('time,user,comment\n1,ann,link?\n')).toBe('chat');
    expect(detectSignalLog('time,event,product_id\n1,pin,P1\n')).toBeNull();
    // A click log with a chat-like event name but no chat field is still a click log; a header-less one too.
    expect(detectSignalLog('time,event,sku\n1,wave,A\n2,like,A\n')).toBeNull();
    expect(detectSignalLog('1,click,A\n2,click,B\n')).toBeNull();
  });
});

describe('interval analytics', () => {
  const csv =
    'minute_start,product_id,product_name,clicks,add_to_carts,orders,gmv\n00:00,P1,Glow Serum,4,1,0,0\n01:00,P1,Glow Serum,10,2,1,24.99\n02:00,P2,Silk Scarf,2,0,0,0\n';
  it('spreads each count evenly over its minute (the step between starts) and says what it is for', () => {
    const r = ok(parseClickLog(csv, 'a.csv'));
    expect(r.log.signals).toEqual({
      source: 'interval',
      summary: 'Per-minute analytics: 3 rows, 2 products, 16 clicks, 3 add-to-carts and 1 order spread over their minutes — used to rank moments like clicks.',
    });
    expect(times(r).slice(0, 5)).toEqual([7.5, 22.5, 37.5, 52.5, 30]);
    expect(kinds(r).slice(0, 5)).toEqual(['click', 'click', 'click', 'click', 'add_to_cart']);
    expect(r.warnings).toContain('The "gmv" column is not used: money says how much, orders already say how many bought.');
    expect(r.log.products).toEqual([
      { id: 'P1', name: 'Glow Serum' },
      { id: 'P2', name: 'Silk Scarf' },
    ]);
  });
  it('reads a span from an end column or a duration, minute numbers, and absolute starts', () => {
    const ends = ok(parseClickLog('start,end,product,clicks\n10,20,P1,2\n', 'e.csv'));
    expect(times(ends)).toEqual([12.5, 17.5]);
    const dur = ok(parseClickLog('[{"time":0,"duration":"5 min","sku":"P1","clicks":1}]', 'd.json'));
    expect(times(dur)).toEqual([150]);
    const minutes = ok(parseClickLog('minute,product,clicks\n0,P1,1\n1,P1,1\n', 'm.csv'));
    expect(times(minutes)).toEqual([30, 90]);
    const abs = ok(parseClickLog('timestamp,product,clicks\n2024-05-01T12:00:00Z,P1,1\n2024-05-01T12:01:00Z,P1,1\n', 'x.csv'));
    expect(times(abs)[0]).toBe(Date.UTC(2024, 4, 1, 12, 0, 30));
    expect(ok(parseClickLog('minute,product,clicks\n0,P1,1\n', 'one.csv')).warnings[0]).toMatch(/taken to last a minute/);
  });
  it('is deterministic: the same file gives the same events', () => {
    expect(times(parseClickLog(csv, 'a.csv'))).toEqual(times(parseClickLog(csv, 'b.csv')));
  });
  it('caps an absurd count with a message naming its line', () => {
    const r = ok(parseClickLog(`minute,product,clicks\n0,P1,5\n1,P1,99999999\n`, 'a.csv'));
    expect(r.log.events.time.length).toBe(5 + MAX_COUNT_PER_ROW);
    expect(r.notices.find((n) => n.code === 'capped')?.message).toMatch(/99,999,999 \(line 3\) is more than 10,000/);
  });
  it('skips bad rows with their line and refuses a file with nothing usable', () => {
    const r = ok(parseClickLog('minute,product,clicks\n0,P1,3\n1,,2\n2,P1,lots\nsoon,P1,1\n', 'a.csv'));
    expect(r.log.rejected).toEqual([
      { code: 'missing product', reason: 'missing product (no product_id or name)', line: 3 },
      { code: 'bad count', reason: 'clicks "lots" is not a count', line: 4 },
      { code: 'bad time', reason: 'start "soon" is not seconds, mm:ss, hh:mm:ss or a date-time', line: 5 },
    ]);
    expect(r.warnings[0]).toBe('Read 1 row; skipped 3 rows (1 missing product, 1 bad count, 1 bad time)');
    const bad = parseClickLog('minute,product,clicks\nx,P1,3\n', 'a.csv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect([bad.code, bad.line, bad.error]).toEqual(['no-usable-rows', 2, expect.stringContaining('First problem, line 2: start "x"')]);
    const noStart = parseClickLog('product,clicks\nP1,3\n', 'a.csv');
    expect(noStart.ok || noStart.code).toBe('missing-columns');
    const zeros = parseClickLog('minute,product,clicks\n0,P1,0\n', 'z.csv');
    expect(zeros.ok || zeros.code).toBe('nothing-to-use');
  });
  it('reads counts as people write them', () => {
    expect([parseCount('1,234'), parseCount(' 12 '), parseCount(''), parseCount(3.6), parseCount('-2')]).toEqual([1234, 12, 0, 4, null]);
    expect([parseDuration('60'), parseDuration('1m'), parseDuration('1:00'), parseDuration('x')]).toEqual([60, 60, 60, null]);
  });
  it('its clicks lead to a highlight like a click log’s', () => {
    const rows = ['minute,product,clicks'];
    for (let m = 0; m < 10; m++) rows.push(`${m},P1,${m === 4 ? 60 : 2}`);
    const log = ok(parseClickLog(rows.join('\n'), 'a.csv')).log;
    const { picks } = analyse(log, 600, { offsetSec: 0 }, DEFAULT_SELECTION);
    expect(picks[0]!.start).toBeLessThanOrEqual(240);
    expect(picks[0]!.end).toBeGreaterThanOrEqual(270);
  });
});

const chat = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');

describe('chat/event logs', () => {
  const lines = [
    { event: 'product_pin', time: 1, product_id: 'P1', title: 'Glow Serum', price: '24.99' },
    { event: 'chat', time: 2, data: { comment: 'link please!', uniqueId: 'ann' } },
    { event: 'chat', time: 3, data: { comment: 'love the glow', uniqueId: 'bo' } },
    { event: 'chat', time: 3.5, data: { comment: 'hello from Texas', uniqueId: 'cy' } },
    { event: 'chat', time: 4, data: { comment: 'is the silk scarf still there', uniqueId: 'di' } },
    { event: 'like', time: 4, data: { likeCount: 15 } },
    { event: 'roomUser', time: 5, data: { viewerCount: 100 } },
    { event: 'roomUser', time: 6, data: { viewerCount: 120 } },
    { event: 'member', time: 6 },
    { event: 'gift', time: 7, data: { giftName: 'Rose', repeatEnd: false } },
    { event: 'gift', time: 8, data: { giftName: 'Rose', repeatEnd: true } },
    { event: 'social', time: 8.5, data: { displayType: 'pm_mt_guidance_share' } },
    { event: 'product_unpin', time: 9, product_id: 'P1' },
    { event: 'product_pin', time: 9, product_id: 'P2', title: 'Silk Scarf' },
    { event: 'chat', time: 'abc', data: { comment: 'x' } },
  ];
  it('maps pins, comments about a product, likes, gifts, shares and viewer rises, and says what it will use', () => {
    const r = ok(parseClickLog(chat(lines), 'c.ndjson'));
    expect(kinds(r)).toEqual(['pin', 'ask', 'mention', 'comment', 'mention', 'like', 'viewers', 'gift', 'social', 'unpin', 'pin']);
    expect(Array.from(r.log.events.product)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(r.log.signals).toEqual({
      source: 'chat',
      summary: "Chat log: 4 comments (3 about a product), 2 product pins, likes, gifts, shares and viewer rises — used to find each product's moments.",
    });
    expect(r.log.rejected).toEqual([{ code: 'bad time', reason: 'time "abc" is not seconds, mm:ss, hh:mm:ss or a date-time', line: 15 }]);
    expect(r.warnings).toContain('Events the highlights do not use were read past: 1 "member".');
  });
  it('reads the same log as CSV, and as a JSON array with the stream start', () => {
    const csv = 'time,type,user,comment,product_id,title\n1,pin,,,P1,Glow Serum\n2,comment,ann,how much?,,\n3,like,bo,,,\n';
    expect(kinds(parseClickLog(csv, 'c.csv'))).toEqual(['pin', 'ask', 'like']);
    const json = JSON.stringify({
      stream_start: '2024-05-01T12:00:00Z',
      events: [
        { type: 'product_pin', timestamp: '2024-05-01T12:00:01Z', productId: 'P1' },
        { type: 'chat', timestamp: '2024-05-01T12:00:02Z', comment: 'P1 link' },
      ],
    });
    const r = ok(parseClickLog(json, 'c.json'));
    expect(r.log.streamStartMs).toBe(Date.UTC(2024, 4, 1, 12));
    expect(kinds(r)).toEqual(['pin', 'ask']);
  });
  it('refuses a chat log without times, or without anything tying it to a product, saying what was expected', () => {
    const noTime = parseClickLog(
      chat([
        { event: 'chat', comment: 'hi' },
        { event: 'like', likeCount: 3 },
      ]),
      'n.ndjson',
    );
    expect(noTime.ok).toBe(false);
    if (!noTime.ok)
      expect(noTime.error).toMatch(
        /^n\.ndjson: This looks like a chat\/event log but its events have no time\. Each needs a time .* Found fields "event", "comment", "likeCount" \(first event at line 1\)\.$/,
      );
    if (!noTime.ok) expect(noTime.line).toBe(1);
    const noPins = parseClickLog(chat([{ event: 'chat', time: 1, comment: 'hi' }]), 'p.ndjson');
    expect(noPins.ok || noPins.code).toBe('nothing-to-use');
    if (!noPins.ok) expect(noPins.error).toMatch(/has no product pins/);
  });
  it('points at a broken NDJSON line with its column', () => {
    const r = ok(parseClickLog(`${chat(lines.slice(0, 3))}\n{"event":"chat","time":4,}`, 'c.ndjson'));
    expect(r.log.rejected[0]).toMatchObject({ code: 'invalid JSON', line: 4, column: 26 });
  });
  it('knows comments that ask for the link or price, and those that name a product', () => {
    expect(['link pls', 'How much is it?', 'price??', 'where can I buy this'].every(asksForLinkOrPrice)).toBe(true);
    expect(['so pretty', 'hi from Ohio'].some(asksForLinkOrPrice)).toBe(false);
    const products: Product[] = [
      { id: 'P1', name: 'Velora Glow Serum' },
      { id: 'P2', name: 'Glow Lamp' },
    ];
    const m = productMatcher(products);
    expect([m('that serum!'), m('the glow lamp pls'), m('glow'), m('Velora Glow Serum link')]).toEqual([0, 1, null, 0]);
  });
});

describe('selection from chat signals', () => {
  it('finds the pinned product’s moment from comments, and explains it in plain words', () => {
    const ls: object[] = [
      { event: 'product_pin', time: 0, product_id: 'P1', title: 'Glow Serum' },
      { event: 'product_pin', time: 100, product_id: 'P2', title: 'Silk Scarf' },
    ];
    for (let t = 0; t < 200; t += 10) ls.push({ event: 'chat', time: t + 1, comment: 'hello' });
    for (let t = 40; t < 60; t += 0.5) ls.push({ event: 'chat', time: t, comment: 'link please' });
    for (let t = 140; t < 160; t += 0.5) ls.push({ event: 'chat', time: t, comment: 'scarf price?' });
    const log = ok(parseClickLog(chat(ls), 'c.ndjson')).log;
    const { picks } = analyse(log, 200, { offsetSec: 0 }, DEFAULT_SELECTION);
    expect(picks.map((p) => p.productId).sort()).toEqual(['P1', 'P2']);
    const p1 = picks.find((p) => p.productId === 'P1')!;
    expect(p1.start).toBeLessThanOrEqual(40);
    expect(p1.end).toBeGreaterThanOrEqual(60);
    const e = explainPick(p1, false);
    expect(e.moment).toMatch(/^Viewers' interest picked up at 0:40/);
    expect(e.signals).toMatch(/^During the clip 40 comments asked for the link or the price and \d+ other comments? came in\.$/);
  });
  it('clicks lead: where clicks and comments disagree inside a window, the clip holds the clicks', () => {
    const ev: Array<[number, EventKind]> = [[0, 'pin']];
    for (let t = 30; t < 45; t += 0.5) ev.push([t, 'click']);
    for (let t = 120; t < 140; t += 0.25) ev.push([t, 'comment']);
    const input = {
      products: [{ id: 'P1' }],
      time: Float64Array.from(ev, (e) => e[0]),
      kind: Uint8Array.from(ev, (e) => kindCode(e[1])),
      product: new Uint32Array(ev.length),
      durationSec: 200,
    };
    const [best] = selectHighlights(input, { ...DEFAULT_SELECTION, secondClip: false }).picks;
    expect(best!.start).toBeLessThanOrEqual(30);
    expect(best!.end).toBeGreaterThanOrEqual(45);
  });
});
