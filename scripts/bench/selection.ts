// Selection over a generated 2-hour log with 1 M events, timed in Node (same code the worker runs).
import { analyse } from '../../src/domain/analysis';
import { DEFAULT_SELECTION, type ClickLog } from '../../src/domain/events';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DURATION = 2 * 3600;
const PRODUCTS = 40;

/** Deterministic PRNG so runs are comparable. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): ClickLog {
  const rnd = mulberry32(42);
  const time = new Float64Array(EVENTS);
  const kind = new Uint8Array(EVENTS);
  const product = new Uint32Array(EVENTS);
  const segment = DURATION / PRODUCTS;
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
    events: { time, absolute: new Uint8Array(EVENTS), kind, product },
    rejected: [],
    rejectedCount: 0,
  };
}

const log = generate();
analyse(log, DURATION, undefined, DEFAULT_SELECTION); // warm-up (JIT)
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  analyse(log, DURATION, undefined, DEFAULT_SELECTION);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const heapMb = process.memoryUsage().heapUsed / 1e6;
console.log(
  JSON.stringify({
    bench: 'selection',
    events: EVENTS,
    products: PRODUCTS,
    recordingSec: DURATION,
    medianMs: Math.round(runs[2]! * 10) / 10,
    minMs: Math.round(runs[0]! * 10) / 10,
    heapUsedMb: Math.round(heapMb),
  }),
);
