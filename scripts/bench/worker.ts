// Selection for a 2-hour, 1 M-event log in the app's own analysis worker bundle in Chromium:
// the round trip the UI waits for when a weight or a length changes (message copy included).
import { readdirSync } from 'node:fs';
import { DEFAULT_SELECTION } from '../../src/domain/events';
import { openApp, root } from './app.mjs';
import { generateLog } from './genlog';

const DURATION = 2 * 3600;
const workerFile = readdirSync(`${root}dist/assets`).find((f) => /^analysis\.worker-.*\.js$/.test(f));
if (!workerFile) throw new Error('Build first: no analysis worker in dist/assets');

const app = await openApp(4393);
try {
  const { page } = app;
  for (const pins of [true, false]) {
    const log = generateLog(1_000_000, DURATION, 40, pins);
    const plain = { ...log, events: { time: [...log.events.time], absolute: [...log.events.absolute], kind: [...log.events.kind], product: [...log.events.product] } };
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    const ms = (await page.evaluate(`(async () => {
      const input = ${JSON.stringify({ url: `assets/${workerFile}`, log: plain, options: DEFAULT_SELECTION, duration: DURATION })};
      const e = input.log.events;
      const log = { ...input.log, events: { time: Float64Array.from(e.time), absolute: Uint8Array.from(e.absolute), kind: Uint8Array.from(e.kind), product: Uint32Array.from(e.product) } };
      const worker = new Worker(input.url, { type: 'module' });
      const times = [];
      for (let id = 0; id < 6; id++) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          worker.onmessage = (m) => (m.data.ok ? resolve(m.data.result) : reject(new Error(m.data.error)));
          worker.postMessage({ id, request: { type: 'analyse', log, durationSec: input.duration, timeBase: { offsetSec: 0 }, options: input.options } });
        });
        if (id > 0) times.push(performance.now() - t0);
      }
      worker.terminate();
      return times.sort((a, b) => a - b);
    })()`)) as number[];
    console.log(
      JSON.stringify({ bench: 'selection-worker-chromium', windows: pins ? 'pinned' : 'inferred', events: 1_000_000, recordingSec: DURATION, medianMs: Math.round(ms[2]!), minMs: Math.round(ms[0]!) }),
    );
  }
} finally {
  await app.close();
}
