import { describe, expect, expectTypeOf, it } from 'vitest';
import { AnalysisClient, isCancelled, type Connect } from '../../src/analysis/client';
import { analyse, LogAnalyser, type Analysis } from '../../src/domain/analysis';
import { parseClickLog, type ClickLogResult } from '../../src/domain/clicklog/parse';
import { DEFAULT_SELECTION, type ClickLog, type SelectionOptions } from '../../src/domain/events';
import { analysisHandlers, MAX_RESIDENT_LOGS } from '../../workers/analysisHandlers';
import { createDispatcher, type Handlers } from '../../workers/dispatch';
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
  type: 'select',
  body: { key, durationSec: 180, timeBase: { offsetSec: 0 }, options },
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
      { id: 1, ok: false, error: expect.any(String), code: CANCELLED },
      { id: 2, ok: false, error: expect.any(String), code: CANCELLED },
    ]);
    await d.flush();
    expect(d.ran).toEqual([20, 5]);
    expect(d.replies.slice(2).map((r) => [r.id, r.ok])).toEqual([
      [3, true],
      [4, true],
    ]);
  });

  it('cancels a queued select when its log is unloaded', async () => {
    const d = manualDispatcher();
    d.dispatch(select(1, 'a'));
    d.dispatch({ id: 2, type: 'unload', body: { key: 'a' } });
    await d.flush();
    expect(d.ran).toEqual([]);
    expect(d.replies.map((r) => [r.id, r.ok || r.code])).toEqual([
      [1, CANCELLED],
      [2, true],
    ]);
  });

  it('answers a failed request with the error name as its code', async () => {
    const d = manualDispatcher({ select: analysisHandlers().select });
    d.dispatch(select(1, 'nowhere'));
    await d.flush();
    expect(d.replies).toEqual([{ id: 1, ok: false, error: expect.any(String), code: NOT_RESIDENT }]);
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

/** The real dispatcher and handlers behind a cloning, asynchronous fake worker; records what is posted. */
function fakeWorkers() {
  const posted: Array<Envelope['type']> = [];
  const selectsRun: number[] = [];
  let crash: (message: string) => void = () => undefined;
  let started = 0;
  const connect: Connect = (onReply, onCrash) => {
    started++;
    crash = onCrash;
    const handlers = analysisHandlers();
    const dispatch = createDispatcher(
      {
        ...handlers,
        select: (b) => {
          selectsRun.push(b.options.weights.order);
          return handlers.select(b);
        },
      },
      (r) => setTimeout(() => onReply(structuredClone(r))),
    );
    return {
      post: (msg, transfer) => {
        posted.push(msg.type);
        const copy = structuredClone(msg, { transfer });
        setTimeout(() => dispatch(copy));
      },
      terminate: () => undefined,
    };
  };
  return { client: new AnalysisClient(connect), posted, selectsRun, crash: (m: string) => crash(m), started: () => started };
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
    await expect(older).rejects.toSatisfy(isCancelled);
    expect(await newer).toEqual(analyse(log, 180, { offsetSec: 0 }, heavyOrders));
    expect(selectsRun).toEqual([20]);
  });

  it('cancels on its signal and on unload', async () => {
    const { client, posted } = fakeWorkers();
    const log = makeLog();
    const abort = new AbortController();
    const run = client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined, abort.signal);
    abort.abort();
    await expect(run).rejects.toSatisfy(isCancelled);
    const next = client.select(log, 180, { offsetSec: 0 }, DEFAULT_SELECTION, undefined);
    client.unload(log);
    await expect(next).rejects.toSatisfy(isCancelled);
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

  it('types each result from its request', () => {
    const client = new AnalysisClient(() => ({ post: () => undefined, terminate: () => undefined }));
    expectTypeOf(
      client.request('select', { key: 'k', durationSec: 1, timeBase: { offsetSec: 0 }, options: DEFAULT_SELECTION }),
    ).resolves.toEqualTypeOf<Analysis>();
    expectTypeOf(client.request('parse', { file: new Blob([]), fileName: 'l.csv', key: 'k' })).resolves.toEqualTypeOf<ClickLogResult>();
    expectTypeOf(client.request('unload', { key: 'k' })).resolves.toEqualTypeOf<null>();
    // @ts-expect-error a select body is not a load body
    void client.request('load', { key: 'k', durationSec: 1 });
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
