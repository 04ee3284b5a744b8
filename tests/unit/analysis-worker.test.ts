import { describe, expect, it } from 'vitest';
import { AnalysisClient } from '../../src/analysis/client';
import { CancelledError } from '../../src/domain/errors/mediaFailure';
import { analyse, LogAnalyser, NeedsStreamStartError } from '../../src/domain/selection/analysis';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { DEFAULT_SELECTION, type SelectionOptions } from '../../src/domain/selection/model';
import type { ClickLog } from '../../src/domain/clicklog/model';
import { spokenProducts, withSpokenEvents, withSpokenSignals } from '../../src/domain/signals/spokenLog';
import { analysisHandlers, MAX_RESIDENT_LOGS } from '../../workers/analysisHandlers';
import { createDispatcher, type Handlers } from '../../workers/dispatch';
import type { WorkerLike } from '../../src/workers/client';
import { CANCELLED, NOT_RESIDENT, type Envelope, type Reply } from '../../workers/protocol';

/** Three products, each with a click burst in its own minute, and a few carts and orders. */
function makeLog(): ClickLog {
  const rows = ['time,event,product_id,product_name'];
  for (let p = 0; p < 3; p++)
    for (let i = 0; i < 40; i++) rows.push(`${60 * p + 10 + (i % 30)},${i % 10 === 0 ? 'order' : i % 4 === 0 ? 'add_to_cart' : 'click'},P${p},Item ${p}`);
  const r = parseClickLog(rows.join('\n'), 'log.csv');
  if (!r.ok) throw new Error(r.error);
  return r.log;
}

const heavyOrders: SelectionOptions = { ...DEFAULT_SELECTION, weights: { ...DEFAULT_SELECTION.weights, order: 20 } };
const select = (id: number, key: string, options = DEFAULT_SELECTION): Envelope => ({
  id,
  kind: 'select',
  payload: { key, durationSec: 180, timeBase: { offsetSec: 0 }, options },
});
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A dispatcher with hand-run deferred tasks, recording replies and which selects ran. */
function manualDispatcher(handlers: Partial<Handlers> = {}) {
  const replies: Reply[] = [];
  const tasks: Array<() => void> = [];
  const ran: number[] = [];
  const dispatch = createDispatcher(
    {
      ...analysisHandlers(),
      select: (body) => {
        ran.push(body.options.weights.order);
        return analyse(makeLog(), body.durationSec, body.timeBase, body.options);
      },
      ...handlers,
    },
    (r) => replies.push(r),
    (t) => tasks.push(t),
  );
  const flush = async () => {
    for (const t of tasks.splice(0)) t();
    await tick();
  };
  return { dispatch, replies, ran, flush };
}

describe('analysis worker dispatch', () => {
  it('runs only the latest select queued for a log; the others are answered as cancelled without running', async () => {
    const d = manualDispatcher();
    d.dispatch(select(1, 'a'));
    d.dispatch(select(2, 'a'));
    d.dispatch(select(3, 'a', heavyOrders));
    d.dispatch(select(4, 'b'));
    expect(d.replies).toEqual([
      { id: 1, kind: 'error', error: { code: CANCELLED, message: expect.any(String) } },
      { id: 2, kind: 'error', error: { code: CANCELLED, message: expect.any(String) } },
    ]);
    await d.flush();
    expect(d.ran).toEqual([20, 5]);
    expect(d.replies.slice(2).map((r) => [r.id, r.kind])).toEqual([
      [3, 'result'],
      [4, 'result'],
    ]);
  });

  it('cancels a queued select when its log is unloaded', async () => {
    const d = manualDispatcher();
    d.dispatch(select(1, 'a'));
    d.dispatch({ id: 2, kind: 'unload', payload: { key: 'a' } });
    await d.flush();
    expect(d.ran).toEqual([]);
    expect(d.replies.map((r) => [r.id, r.kind === 'error' ? r.error.code : r.kind])).toEqual([
      [1, CANCELLED],
      [2, 'result'],
    ]);
  });

  it('answers a failed request with the error name as its code', async () => {
    const d = manualDispatcher({ select: analysisHandlers().select });
    d.dispatch(select(1, 'nowhere'));
    await d.flush();
    expect(d.replies).toEqual([{ id: 1, kind: 'error', error: { code: NOT_RESIDENT, message: expect.any(String) } }]);
  });
});

describe('analysis worker handlers', () => {
  it('keeps the most recently used logs and forgets the rest', async () => {
    const h = analysisHandlers();
    const body = (key: string) => ({ key, durationSec: 180, timeBase: { offsetSec: 0 }, options: DEFAULT_SELECTION });
    for (let i = 0; i < MAX_RESIDENT_LOGS; i++) h.load({ key: `k${i}`, log: makeLog() });
    await h.select(body('k0'));
    h.load({ key: 'new', log: makeLog() });
    await expect(async () => h.select(body('k1'))).rejects.toMatchObject({ name: NOT_RESIDENT });
    expect(await h.select(body('k0'))).toEqual(analyse(makeLog(), 180, { offsetSec: 0 }, DEFAULT_SELECTION));
  });

  it('keeps a parsed log resident', async () => {
    const h = analysisHandlers();
    const result = await h.parse({ file: new Blob(['time,event,product_id\n1,click,P1\n']), fileName: 'l.csv', key: 'p' });
    expect(result.ok).toBe(true);
    expect((await h.select({ key: 'p', durationSec: 10, timeBase: { offsetSec: 0 }, options: DEFAULT_SELECTION })).inside).toBe(1);
  });
});

/** The real dispatcher and handlers behind cloning, asynchronous fake workers; records what is posted. */
function fakeWorkers() {
  const posted: Array<Envelope['kind']> = [];
  const selectsRun: number[] = [];
  let current: WorkerLike | undefined;
  let started = 0;
  const spawn = (): WorkerLike => {
    started++;
    const handlers = analysisHandlers();
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (msg, transfer) => {
        const copy = structuredClone(msg as Envelope, { transfer });
        posted.push(copy.kind);
        setTimeout(() => dispatch(copy));
      },
      terminate: () => undefined,
    };
    const dispatch = createDispatcher(
      {
        ...handlers,
        select: (b) => {
          selectsRun.push(b.options.weights.order);
          return handlers.select(b);
        },
      },
      (r) => setTimeout(() => worker.onmessage?.(new MessageEvent('message', { data: structuredClone(r) }))),
    );
    current = worker;
    return worker;
  };
  // Node has no ErrorEvent; the client reads only its message.
  const crash = (message: string) => current?.onerror?.({ message } as ErrorEvent);
  return { client: new AnalysisClient(spawn), posted, selectsRun, crash, started: () => started };
}

describe('analysis client', () => {
  it('sends a log once; a weight change sends only the settings', async () => {
    const { client, posted } = fakeWorkers();
    const log = makeLog();
    const first = await client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    const second = await client.select(log, 180, { offsetSec: 0 }, heavyOrders, undefined);
    expect(posted).toEqual(['load', 'select', 'select']);
    expect(first).toEqual(analyse(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION));
    expect(second).toEqual(analyse(log, 180, { offsetSec: 0 }, heavyOrders));
    expect(log.events.time.length).toBe(120); // the UI's arrays are not detached by the transfer
  });

  it('sends the loudness only when it changes', async () => {
    const { client, posted } = fakeWorkers();
    const log = makeLog();
    const loud = { stepSec: 0.1, db: new Float32Array(1800).fill(-20) };
    expect((await client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, loud)).snapping).toBe(true);
    await client.select(log, 180, { offsetSec: 0 }, heavyOrders, loud);
    expect((await client.select(log, 180, { offsetSec: 0 }, heavyOrders, undefined)).snapping).toBe(false);
    expect(posted).toEqual(['load', 'loudness', 'select', 'select', 'loudness', 'select']);
  });

  it('cancels a select superseded by a newer one for the same log, and the worker runs only the newer', async () => {
    const { client, selectsRun } = fakeWorkers();
    const log = makeLog();
    const older = client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    const newer = client.select(log, 180, { offsetSec: 0 }, heavyOrders, undefined);
    await expect(older).rejects.toBeInstanceOf(CancelledError);
    expect(await newer).toEqual(analyse(log, 180, { offsetSec: 0 }, heavyOrders));
    expect(selectsRun).toEqual([20]);
  });

  it('cancels on its signal and on unload', async () => {
    const { client, posted } = fakeWorkers();
    const log = makeLog();
    const abort = new AbortController();
    const run = client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined, abort.signal);
    abort.abort();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const next = client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    client.unload(log);
    await expect(next).rejects.toBeInstanceOf(CancelledError);
    await client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    expect(posted).toEqual(['load', 'select', 'select', 'unload', 'load', 'select']);
  });

  it('sends the log again when the worker evicted it or was replaced', async () => {
    const { client, posted, crash, started } = fakeWorkers();
    const logs = Array.from({ length: MAX_RESIDENT_LOGS + 1 }, makeLog);
    for (const log of logs) await client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    posted.length = 0;
    const again = await client.select(logs[0]!, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    expect(posted).toEqual(['select', 'load', 'select']);
    crash('out of memory');
    posted.length = 0;
    expect(await client.select(logs[0]!, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined)).toEqual(again);
    expect(posted).toEqual(['load', 'select']);
    expect(started()).toBe(2);
  });

  it('keeps a parsed log in the worker for its selects', async () => {
    const { client, posted } = fakeWorkers();
    const result = await client.parse(new Blob(['time,event,product_id\n1,click,P1\n']), 'l.csv');
    if (!result.ok) throw new Error(result.error);
    await client.select(result.log, 10, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    expect(posted).toEqual(['parse', 'select']);
  });

  it('reads what the host said in the worker: the same log as reading it on the page', async () => {
    const { client, posted } = fakeWorkers();
    const list = { fileName: 'p.csv', products: [{ id: 'G', name: 'Glow Serum', price: '$24.99' }] };
    const said = [
      { start: 2, end: 6, text: 'Welcome back everyone.' },
      { start: 10, end: 16, text: 'This is the Glow Serum, only $24.99 today.' },
      { start: 18, end: 24, text: 'Tap the link and add it to your cart now.' },
    ];
    const products = spokenProducts([], list);
    const spoken = await client.spoken(said, products, 60, undefined);
    expect(posted).toEqual(['spoken']);
    expect(spoken.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['named', 'price', 'cta']));
    expect(withSpokenEvents(undefined, products, spoken, 5)).toEqual(withSpokenSignals(undefined, list, said, 60, 5));
  });

  it('fails a select on a log with absolute times and no stream start with NeedsStreamStartError', async () => {
    const { client } = fakeWorkers();
    const r = parseClickLog('timestamp,event,product_id\n2024-05-01T10:00:00Z,click,P1\n', 'abs.csv');
    if (!r.ok) throw new Error(r.error);
    await expect(client.select(r.log, 10, { offsetSec: 0 }, DEFAULT_SELECTION, undefined)).rejects.toBeInstanceOf(NeedsStreamStartError);
  });
});

describe('LogAnalyser', () => {
  it('gives what analyse gives while reusing what the settings do not change', () => {
    const log = makeLog();
    const a = new LogAnalyser(log);
    const first = a.run(180, { offsetSec: 0 }, DEFAULT_SELECTION);
    const heavier = a.run(180, { offsetSec: 0 }, heavyOrders);
    expect(heavier).toEqual(analyse(log, 180, { offsetSec: 0 }, heavyOrders));
    expect(heavier.timeline).toBe(first.timeline);
    const noCarts = { ...DEFAULT_SELECTION, weights: { ...DEFAULT_SELECTION.weights, add_to_cart: 0 } };
    expect(a.run(180, { offsetSec: 0 }, noCarts)).toEqual(analyse(log, 180, { offsetSec: 0 }, noCarts));
    expect(a.run(120, { offsetSec: 30 }, DEFAULT_SELECTION)).toEqual(analyse(log, 120, { offsetSec: 30 }, DEFAULT_SELECTION));
  });
});
