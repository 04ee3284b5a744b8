// Selection for a 2-hour, 1 M-event log in the app's own analysis worker bundle in Chromium,
// with the log resident: loaded once (as the client does it: copies, transferred), then the
// round trip the UI waits for when a weight changes, from posting the select to the new list.
import { readdirSync } from 'node:fs';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import { openApp, root } from './app.mjs';
import { generateLog } from './genlog';

const DURATION = 2 * 3600;
const EVENTS = 1_000_000;
const RUNS = 9;
const workerFile = readdirSync(`${root}dist/assets`).find((f) => /^analysis\.worker-.*\.js$/.test(f));
if (!workerFile) throw new Error('Build first: no analysis worker in dist/assets');

const app = await openApp(4393);
try {
  const { page } = app;
  for (const pins of [true, false]) {
    const log = generateLog(EVENTS, DURATION, 40, pins);
    const plain = {
      ...log,
      events: { time: [...log.events.time], absolute: [...log.events.absolute], kind: [...log.events.kind], product: [...log.events.product] },
    };
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    const out = (await page.evaluate(`(async () => {
      const input = ${JSON.stringify({ url: `assets/${workerFile}`, log: plain, options: DEFAULT_SELECTION, duration: DURATION, runs: RUNS })};
      const e = input.log.events;
      const log = { ...input.log, events: { time: Float64Array.from(e.time), absolute: Uint8Array.from(e.absolute), kind: Uint8Array.from(e.kind), product: Uint32Array.from(e.product) } };
      const worker = new Worker(input.url, { type: 'module' });
      let id = 0;
      const call = (type, body, transfer = []) => new Promise((resolve, reject) => {
        const mine = ++id;
        worker.onmessage = (m) => m.data.id === mine && (m.data.ok ? resolve(m.data.result) : reject(new Error(m.data.error)));
        worker.postMessage({ id: mine, type, body }, transfer);
      });
      const timed = async (f) => { const t0 = performance.now(); await f(); return performance.now() - t0; };
      const loadMs = await timed(() => {
        const ev = { time: log.events.time.slice(), absolute: log.events.absolute.slice(), kind: log.events.kind.slice(), product: log.events.product.slice() };
        return call('load', { key: 'bench', log: { ...log, events: ev } }, [ev.time.buffer, ev.absolute.buffer, ev.kind.buffer, ev.product.buffer]);
      });
      const select = (order) => call('select', { key: 'bench', durationSec: input.duration, timeBase: { offsetSec: 0 }, options: { ...input.options, weights: { ...input.options.weights, order } } });
      const firstMs = await timed(() => select(5));
      const times = [];
      let picks = 0;
      for (let i = 1; i <= input.runs; i++) times.push(await timed(async () => (picks = (await select(5 + i)).picks.length)));
      worker.terminate();
      return { loadMs, firstMs, picks, times: times.sort((a, b) => a - b) };
    })()`)) as { loadMs: number; firstMs: number; picks: number; times: number[] };
    const base = { windows: pins ? 'pinned' : 'inferred', events: EVENTS, recordingSec: DURATION };
    console.log(JSON.stringify({ bench: 'selection-worker-load', ...base, loadMs: Math.round(out.loadMs), firstSelectMs: Math.round(out.firstMs) }));
    const ms = out.times;
    console.log(
      JSON.stringify({
        bench: 'selection-worker-chromium',
        ...base,
        picks: out.picks,
        medianMs: Math.round(ms[ms.length >> 1]!),
        minMs: Math.round(ms[0]!),
        maxMs: Math.round(ms.at(-1)!),
      }),
    );
  }
} finally {
  await app.close();
}
