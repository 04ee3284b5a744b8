import { describe, expect, it } from 'vitest';
import { kindCode, type ClickLog } from '../../src/domain/clicklog/model';
import { mergeLogs } from '../../src/domain/clicklog/merge';
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
