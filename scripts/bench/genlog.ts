import type { ClickLog } from '../../src/domain/clicklog/model';
import { mulberry32 } from './random';

/**
 * A 2-hour-style log: each product's events cluster in its own segment (pinned there when
 * `pins`), plus background bag clicks spread over the whole stream.
 */
export function generateLog(EVENTS: number, DURATION: number, PRODUCTS: number, pins: boolean): ClickLog {
  const rnd = mulberry32(42);
  const markers = pins ? 2 * PRODUCTS : 0;
  const time = new Float64Array(EVENTS + markers);
  const kind = new Uint8Array(EVENTS + markers);
  const product = new Uint32Array(EVENTS + markers);
  const segment = DURATION / PRODUCTS;
  for (let p = 0; p < markers / 2; p++) {
    time.set([p * segment, (p + 1) * segment], EVENTS + 2 * p);
    kind.set([3, 4], EVENTS + 2 * p);
    product.set([p, p], EVENTS + 2 * p);
  }
  for (let i = 0; i < EVENTS; i++) {
    // 70 % of events cluster in the product's own segment, the rest are background bag clicks.
    const p = Math.floor(rnd() * PRODUCTS);
    const own = rnd() < 0.7;
    time[i] = own ? p * segment + segment * 0.2 + rnd() * rnd() * segment * 0.5 : rnd() * DURATION;
    const r = rnd();
    kind[i] = r < 0.85 ? 0 : r < 0.96 ? 1 : 2;
    product[i] = p;
  }
  return {
    fileName: 'bench.csv',
    format: 'csv',
    products: Array.from({ length: PRODUCTS }, (_, i) => ({ id: `P${i}` })),
    events: { time, absolute: new Uint8Array(EVENTS + markers), kind, product },
    rejected: [],
    rejectedCount: 0,
  };
}
