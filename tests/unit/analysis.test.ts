import { describe, expect, it } from 'vitest';
import { analyse, NeedsStreamStartError } from '../../src/domain/selection/analysis';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import type { ClickLog } from '../../src/domain/clicklog/model';

function log(text: string): ClickLog {
  const r = parseClickLog(text, 'log.csv');
  if (!r.ok) throw new Error(r.error);
  return r.log;
}

const clicks = (from: number, n: number, fmt: (t: number) => string) => Array.from({ length: n }, (_, i) => `${fmt(from + i)},click,P1,Mug`).join('\n');

describe('analyse: time base (scenario: clock offset)', () => {
  it('asks for the stream start when the log has clock times and does not say it', () => {
    const l = log(`timestamp,event,product_id,product_name\n${clicks(0, 20, (s) => new Date(Date.UTC(2026, 0, 1, 19, 0, s)).toISOString())}`);
    expect(() => analyse(l, 120, { offsetSec: 0 }, DEFAULT_SELECTION)).toThrow(NeedsStreamStartError);
    const start = Date.UTC(2026, 0, 1, 18, 59, 30);
    const a = analyse(l, 120, { streamStartMs: start, offsetSec: 0 }, DEFAULT_SELECTION);
    expect(a.picks[0]!.why.burst.start).toBeGreaterThanOrEqual(28);
    expect(a.picks[0]!.why.burst.start).toBeLessThanOrEqual(30);
  });

  it('reports events outside the recording and lines them up with an offset', () => {
    const l = log(`time,event,product_id,product_name\n${clicks(100, 20, String)}`);
    const late = analyse(l, 60, { offsetSec: 0 }, DEFAULT_SELECTION);
    expect(late.outside).toEqual({ before: 0, after: 20 });
    expect(late.picks).toEqual([]);
    const aligned = analyse(l, 60, { offsetSec: 90 }, DEFAULT_SELECTION);
    expect(aligned.outside).toEqual({ before: 0, after: 0 });
    expect(aligned.inside).toBe(20);
    expect(aligned.picks[0]!.counts.click).toBe(20);
  });

  it('says whether edges could be snapped', () => {
    const l = log(`time,event,product_id\n${clicks(10, 20, String).replace(/,Mug/g, '')}`);
    expect(analyse(l, 60, { offsetSec: 0 }, DEFAULT_SELECTION).snapping).toBe(false);
    const loud = { stepSec: 0.1, db: new Float32Array(600).fill(-20) };
    expect(analyse(l, 60, { offsetSec: 0 }, DEFAULT_SELECTION, loud).snapping).toBe(true);
  });
});
