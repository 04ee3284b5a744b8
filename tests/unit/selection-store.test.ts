// Issue 18: the selection store (debounced runs, a newer run cancels an older one, picks saved,
// the worker told to forget a replaced log) against a fake worker: no DOM, no worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SELECTION_DEBOUNCE_MS, SelectionStore, type SelectionDeps, type SelectionInputs } from '../../src/app/stores/selectionStore';
import { NeedsStreamStartError, type Analysis } from '../../src/domain/selection/analysis';
import type { ClickLog } from '../../src/domain/clicklog/model';
import { DEFAULT_SELECTION, type Highlight } from '../../src/domain/selection/model';
import { CancelledError } from '../../src/domain/errors/mediaFailure';

const log = (name: string) => ({ fileName: name }) as unknown as ClickLog;
const analysis = (rank: number) => ({ picks: [{ rank } as Highlight] }) as unknown as Analysis;

/** A worker whose selects the test settles by hand, in order. */
function fakeDeps() {
  const calls: Array<{ log: ClickLog; signal: AbortSignal; resolve: (a: Analysis) => void; reject: (e: unknown) => void }> = [];
  const deps: SelectionDeps = {
    select: (l, _d, _t, _o, _loud, signal) => new Promise((resolve, reject) => calls.push({ log: l, signal, resolve, reject })),
    unload: vi.fn(),
    savePicks: vi.fn(async () => {}),
  };
  return { deps, calls };
}

const inputs = (l: ClickLog | undefined, change: Partial<SelectionInputs> = {}): SelectionInputs => ({
  log: l,
  durationSec: 600,
  timeBase: { offsetSec: 0 },
  options: DEFAULT_SELECTION,
  loudness: undefined,
  ...change,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SelectionStore', () => {
  it('runs once per resting input (debounced), saves the picks and shows the result', async () => {
    const { deps, calls } = fakeDeps();
    const store = new SelectionStore(deps);
    const a = log('a.csv');
    store.set(inputs(a, { durationSec: 100 }));
    store.set(inputs(a, { durationSec: 200 }));
    expect(store.snapshot.state).toEqual({ status: 'running' });
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(analysis(1));
    await vi.runAllTimersAsync();
    expect(store.snapshot.state).toEqual({ status: 'done', result: analysis(1) });
    expect(deps.savePicks).toHaveBeenCalledWith([{ rank: 1 }]);
  });

  it('the same inputs again (a new but equal time base) start nothing', () => {
    const { deps, calls } = fakeDeps();
    const store = new SelectionStore(deps);
    const a = log('a.csv');
    store.set(inputs(a));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    store.set(inputs(a, { timeBase: { offsetSec: 0 } }));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal.aborted).toBe(false);
  });

  it('a newer run cancels the older one, whose late answer is dropped; the last list stays while it runs', async () => {
    const { deps, calls } = fakeDeps();
    const store = new SelectionStore(deps);
    const a = log('a.csv');
    store.set(inputs(a));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    calls[0]!.resolve(analysis(1));
    await vi.runAllTimersAsync();
    store.set(inputs(a, { options: { ...DEFAULT_SELECTION, topN: 3 } }));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    store.set(inputs(a, { options: { ...DEFAULT_SELECTION, topN: 4 } }));
    expect(store.snapshot.state).toEqual({ status: 'running', last: analysis(1) });
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    expect(calls[1]!.signal.aborted).toBe(true);
    calls[1]!.resolve(analysis(2));
    calls[2]!.resolve(analysis(3));
    await vi.runAllTimersAsync();
    expect(store.snapshot.state).toEqual({ status: 'done', result: analysis(3) });
    expect(deps.savePicks).toHaveBeenCalledTimes(2);
    expect(deps.savePicks).not.toHaveBeenCalledWith([{ rank: 2 }]);
  });

  it('names a missing stream start and a failure; a cancel by the worker is no error', async () => {
    const { deps, calls } = fakeDeps();
    const store = new SelectionStore(deps);
    store.set(inputs(log('a.csv')));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    calls[0]!.reject(new NeedsStreamStartError('when did the stream start?'));
    await vi.runAllTimersAsync();
    expect(store.snapshot.state).toEqual({ status: 'needs-start' });
    store.set(inputs(log('b.csv')));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    calls[1]!.reject(new CancelledError());
    await vi.runAllTimersAsync();
    expect(store.snapshot.state).toEqual({ status: 'running' });
    store.set(inputs(log('c.csv')));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    calls[2]!.reject(new Error('the worker ran out of memory'));
    await vi.runAllTimersAsync();
    expect(store.snapshot.state).toEqual({ status: 'error', message: 'the worker ran out of memory' });
  });

  it('a replaced log and a closed view let the worker forget the log; no log is idle', () => {
    const { deps, calls } = fakeDeps();
    const store = new SelectionStore(deps);
    const a = log('a.csv');
    const b = log('b.csv');
    store.set(inputs(a));
    store.set(inputs(b));
    expect(deps.unload).toHaveBeenCalledWith(a);
    vi.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
    expect(calls.map((c) => c.log)).toEqual([b]);
    store.dispose();
    expect(deps.unload).toHaveBeenLastCalledWith(b);
    expect(calls[0]!.signal.aborted).toBe(true);
    const other = new SelectionStore(deps);
    other.set(inputs(undefined));
    expect(other.snapshot.state).toEqual({ status: 'idle' });
  });
});
