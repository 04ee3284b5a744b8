// Selection over a generated 2-hour log with 1 M events, timed in Node (same code the worker runs).
import { analyse } from '../../src/domain/selection/analysis';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import { generateLog } from './genlog';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DURATION = 2 * 3600;
const PRODUCTS = 40;

for (const pins of [true, false]) {
  const log = generateLog(EVENTS, DURATION, PRODUCTS, pins);
  analyse(log, DURATION, { offsetSec: 0 }, DEFAULT_SELECTION); // warm-up (JIT)
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    analyse(log, DURATION, { offsetSec: 0 }, DEFAULT_SELECTION);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'selection-node',
      windows: pins ? 'pinned' : 'inferred',
      events: EVENTS,
      products: PRODUCTS,
      recordingSec: DURATION,
      medianMs: Math.round(runs[2]! * 10) / 10,
      minMs: Math.round(runs[0]! * 10) / 10,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    }),
  );
}
