/** The replacement check (issue 19, item 1): a clearly wrong replacement log asks first. */
import { describe, expect, it } from 'vitest';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { checkReplacement, type LogTimeBase, logFacts } from '../../src/domain/clicklog/replacement';
import type { LogCoverage } from '../../src/domain/clicklog/result';
import type { ClickLog } from '../../src/domain/clicklog/model';

function parse(text: string, name: string): { log: ClickLog; coverage: LogCoverage } {
  const r = parseClickLog(text, name);
  if (!r.ok) throw new Error(r.error);
  return { log: r.log, coverage: r.coverage };
}
const rows = (n: number, from: number, step: number, products = 4) =>
  ['time,event,product_id', ...Array.from({ length: n }, (_, i) => `${from + i * step},click,SKU-${i % products}`)].join('\n');
const base: LogTimeBase = { streamStartMs: undefined, offsetSec: 0 };
const good = parse(rows(334, 1, 0.5), 'good.csv');
const check = (next: { log: ClickLog; coverage: LogCoverage }, durationSec = 180, nextBase = base) =>
  checkReplacement({ current: good.log, next: next.log, coverage: next.coverage, durationSec, currentBase: base, nextBase });

describe('checkReplacement', () => {
  it('a normal replacement has no problem', () => {
    const r = check(parse(rows(200, 10, 0.7), 'edited.csv'));
    expect(r.problems).toEqual([]);
    expect(r.next).toMatchObject({ events: 200, products: 4, inside: 200, before: 0, after: 0 });
    expect(r.commonProducts).toBe(4);
  });

  it('a log of another stream, with no product in common, is a normal replacement', () => {
    const other = parse(rows(50, 5, 2).replaceAll('SKU-', 'OTHER-'), 'other.csv');
    const r = check(other);
    expect(r.problems).toEqual([]);
    expect(r.commonProducts).toBe(0);
  });

  it('every event after the recording ends: asks, and says where they are', () => {
    const r = check(parse(rows(334, 185, 10), 'late.csv'));
    expect(r.problems.map((p) => p.code)).toEqual(['outside-recording']);
    expect(r.problems[0]?.message).toBe(
      'None of its events falls inside the 3:00 recording: all 334 events are after the recording ends (its events run from 3:05 to 58:35). ' +
        'It may be the log of another stream, or the stream start may be wrong; it would give no highlights.',
    );
  });

  it('the time base is applied: clock times against the stream start, then the offset', () => {
    const t0 = Date.UTC(2024, 4, 1, 12);
    const text = ['timestamp,event,product_id', ...Array.from({ length: 20 }, (_, i) => `${new Date(t0 + 3_600_000 + i * 1000).toISOString()},click,A`)].join(
      '\n',
    );
    const late = parse(text, 'clock.csv');
    expect(check(late, 180, { streamStartMs: t0, offsetSec: 0 }).problems.map((p) => p.code)).toEqual(['outside-recording']);
    // The same log against a start an hour later is inside.
    expect(check(late, 180, { streamStartMs: t0 + 3_600_000, offsetSec: 0 }).problems).toEqual([]);
    // Without a stream start the log is not judged by its times (the app asks for the start).
    expect(check(late).problems).toEqual([]);
    expect(logFacts(late.log, 180, base).span).toBeNull();
  });

  it('events on both sides of the recording, none inside', () => {
    const text = ['time,event,product_id', '00:00:00,click,A', ...Array.from({ length: 5 }, (_, i) => `${300 + i},click,A`)].join('\n');
    const r = check(parse(text, 'both.csv'), 180, { streamStartMs: undefined, offsetSec: 10 });
    expect(r.problems[0]?.message).toMatch(/1 are before the recording starts and 5 after it ends \(its events run from −0:10 to 4:54\)/);
  });

  it('20 of 334 rows read after an unclosed quote: asks, and names the first problem', () => {
    const lines = rows(334, 1, 0.5).split('\n');
    lines[21] = '11,click,"SKU-0';
    const r = check(parse(lines.join('\n'), 'quote.csv'));
    expect(r.problems.map((p) => p.code)).toEqual(['rows-lost']);
    expect(r.problems[0]?.message).toBe(
      'Only 20 of the file\'s 334 rows could be read; the rest were skipped. First problem, line 22: unclosed quote: a value starting with " never ends, so lines 22–335 were read as one row.',
    );
  });

  it('half the rows read is not "far fewer"; under half is', () => {
    const half = ['time,event,product_id', ...Array.from({ length: 10 }, (_, i) => (i % 2 ? `${i},click,A` : `${i},nope,A`))].join('\n');
    expect(check(parse(half, 'half.csv')).problems).toEqual([]);
    const less = ['time,event,product_id', ...Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? `${i},click,A` : `${i},nope,A`))].join('\n');
    expect(check(parse(less, 'less.csv')).problems.map((p) => p.code)).toEqual(['rows-lost']);
  });

  it('a tripled log whose duplicates were dropped used every row', () => {
    const tripled = rows(30, 1, 3)
      .split('\n')
      .flatMap((l, i) => (i === 0 ? [l] : [l, l, l]))
      .join('\n');
    const p = parse(tripled, 'tripled.csv');
    expect(p.log.events.time.length).toBe(30);
    expect(check(p).problems).toEqual([]);
  });
});
