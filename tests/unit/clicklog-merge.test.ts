import { describe, expect, it } from 'vitest';
import { kindCode, type ClickLog } from '../../src/domain/clicklog/model';
import { combineLogs, mergeLogs, partsOf } from '../../src/domain/clicklog/merge';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import type { ClickLogResult } from '../../src/domain/clicklog/result';

const ok = (r: ClickLogResult): ClickLog => {
  if (!r.ok) throw new Error(r.error);
  return r.log;
};
const clicks = ok(parseClickLog('time,event,product_id,product_name\n1,pin,P1,Glow Serum\n3,click,P1,Glow Serum\n4,click,P2,\n', 'clicks.csv'));
const chat = ok(
  parseClickLog(
    [
      { event: 'product_pin', time: 0.5, data: { productId: 'P2', title: 'Silk Scarf', price: '29.00' } },
      { event: 'chat', time: 2, data: { comment: 'link please', uniqueId: 'u1' } },
      { event: 'like', time: 2.5, data: { likeCount: 3 } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n'),
    'chat.ndjson',
  ),
);
const minutes = ok(parseClickLog('minute,product,clicks\n0,P1,3\n1,P1,2\n', 'minutes.csv'));

describe('several logs of one stream, as one', () => {
  it('a click log and a chat log: products matched by id, every event kept with its product', () => {
    const { log, warnings } = mergeLogs([clicks, chat]);
    expect(warnings).toEqual([]);
    expect(log.fileName).toBe('clicks.csv + chat.ndjson');
    // P2 is named by the chat log's pin only: the name is kept.
    expect(log.products.map((p) => [p.id, p.name])).toEqual([
      ['P1', 'Glow Serum'],
      ['P2', 'Silk Scarf'],
    ]);
    expect(log.events.time.length).toBe(clicks.events.time.length + chat.events.time.length);
    const events = Array.from(log.events.time, (t, i) => [t, log.events.kind[i], log.products[log.events.product[i]!]!.id]);
    expect(events).toContainEqual([3, kindCode('click'), 'P1']);
    expect(events).toContainEqual([0.5, kindCode('pin'), 'P2']);
    expect(log.signals?.source).toBe('chat');
    expect(log.signals?.summary).toMatch(/^clicks\.csv: clicks per event\. /);
    expect(log.parts?.map((p) => [p.fileName, p.source, p.events])).toEqual([
      ['clicks.csv', 'clicks', 3],
      ['chat.ndjson', 'chat', chat.events.time.length],
    ]);
  });

  it('per-minute analytics beside a per-event click log are left out, and said so', () => {
    const { log, warnings } = mergeLogs([clicks, minutes]);
    expect(log).toBe(clicks);
    expect(warnings).toEqual(['minutes.csv was not used: its per-minute clicks are the ones clicks.csv has per event, and would count twice.']);
  });

  it('per-minute analytics with a chat log: clicks stay coarse', () => {
    const { log } = mergeLogs([minutes, chat]);
    expect(log.signals?.source).toBe('interval');
    expect(log.events.time.length).toBe(minutes.events.time.length + chat.events.time.length);
  });

  it('one log is itself', () => {
    expect(mergeLogs([chat])).toEqual({ log: chat, warnings: [] });
  });
});

describe('a log dropped on a project that has one: beside it, or in place of its file of that kind', () => {
  const clicksAndChat = mergeLogs([clicks, chat]).log;
  const minutesAndChat = mergeLogs([minutes, chat]).log;
  const chat2 = ok(
    parseClickLog(
      [
        { event: 'product_pin', time: 8, data: { productId: 'P1', title: 'Glow Serum' } },
        { event: 'chat', time: 9, data: { comment: 'price?', uniqueId: 'u2' } },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
      'chat2.ndjson',
    ),
  );
  const names = (parts: { fileName: string }[]) => parts.map((p) => p.fileName);

  it('a single file is one part of its kind', () => {
    expect(partsOf(clicks)).toEqual([{ fileName: 'clicks.csv', source: 'clicks', events: 3, rejectedCount: 0 }]);
    expect(partsOf(minutes)[0]?.source).toBe('interval');
  });

  it('a kind the stored log has no file of goes beside it', () => {
    const { log, replaced, kept } = combineLogs(clicks, chat);
    expect([names(replaced), names(kept)]).toEqual([[], ['clicks.csv']]);
    expect(log.fileName).toBe('clicks.csv + chat.ndjson');
    expect(combineLogs(minutes, chat).log.signals?.source).toBe('interval');
  });

  it('a log of a kind it has takes that file’s place; the other files, their events and summaries stay', () => {
    const { log, replaced, kept } = combineLogs(clicksAndChat, chat2);
    expect([names(replaced), names(kept)]).toEqual([['chat.ndjson'], ['clicks.csv']]);
    expect(log.fileName).toBe('clicks.csv + chat2.ndjson');
    expect(Array.from(log.events.time)).toEqual([...Array.from(clicks.events.time), ...Array.from(chat2.events.time)]);
    expect(log.signals?.summary).toBe(`clicks.csv: clicks per event. ${chat2.signals?.summary}`);
    // The click log's file alone again once the chat file is taken out and a click log replaces it.
    const again = combineLogs(clicksAndChat, clicks);
    expect(again.log.fileName).toBe('chat.ndjson + clicks.csv');
    expect(again.log.events.time.length).toBe(chat.events.time.length + clicks.events.time.length);
  });

  it('a one-file log of the same kind is a plain replacement', () => {
    const { log, kept } = combineLogs(clicks, clicks);
    expect(log).toBe(clicks);
    expect(kept).toEqual([]);
  });

  it('a click log takes the place of per-minute analytics (the same clicks, finer), and keeps the chat log', () => {
    expect(names(combineLogs(minutes, clicks).replaced)).toEqual(['minutes.csv']);
    const { log, replaced } = combineLogs(minutesAndChat, clicks);
    expect(names(replaced)).toEqual(['minutes.csv']);
    expect(log.fileName).toBe('chat.ndjson + clicks.csv');
    expect(log.signals?.source).toBe('chat');
  });

  it('analytics dropped beside a click log are left out, and said so', () => {
    const { log, warnings } = combineLogs(clicksAndChat, minutes);
    expect(log.fileName).toBe('clicks.csv + chat.ndjson');
    expect(warnings).toEqual(['minutes.csv was not used: its per-minute clicks are the ones clicks.csv + chat.ndjson has per event, and would count twice.']);
  });
});
