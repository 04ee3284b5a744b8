// Parsing a 1 M-row CSV and snapping 100 k clip edges on a 2-hour envelope, timed in Node
// (the same code the worker runs). Moved here from the unit tests: no wall clock in tests.
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { snapToQuiet, type QuietRun } from '../../src/domain/recording/loudness';

const names = ['click', 'add_to_cart', 'order', 'click', 'click', 'pin', 'unpin'];
const rows = ['time,event,product_id,product_name,price'];
for (let i = 0; i < 1_000_000; i++) rows.push(`${(i * 0.0072).toFixed(3)},${names[i % 7]},SKU-${i % 120},"Product ${i % 120}, size M",${(i % 120) + 0.99}`);
const text = rows.join('\r\n');
let t0 = performance.now();
const parsed = parseClickLog(text, 'million.csv');
const parseMs = performance.now() - t0;
if (!parsed.ok) throw new Error(parsed.error);

const runs: QuietRun[] = Array.from({ length: 50_000 }, (_, i) => ({ start: i * 0.144, end: i * 0.144 + 0.04 }));
t0 = performance.now();
for (let i = 0; i < 100_000; i++) snapToQuiet((i * 7.2) % 7200, runs, 3, 0, 7200);
const snapMs = performance.now() - t0;
console.log(JSON.stringify({ bench: 'parse-csv', rows: 1_000_000, mb: Math.round(text.length / 1e5) / 10, parseMs: Math.round(parseMs) }));
console.log(JSON.stringify({ bench: 'snap-edges', quietRuns: 50_000, snaps: 100_000, ms: Math.round(snapMs) }));
