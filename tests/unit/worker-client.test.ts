import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { CancelledError } from '../../src/domain/errors/mediaFailure';
import { WORKER_STOPPED, WorkerClient, type WorkerClientOptions, type WorkerLike } from '../../src/workers/client';
import { respond, type Reply, type WorkerFailure } from '../../src/workers/rpc';

interface Requests {
  double: { n: number };
  echo: { text: string };
}
interface Results {
  double: number;
  echo: string;
}
interface Notes {
  more: { n: number };
}

/** A worker that records what it is sent and answers only when told to. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  posted: Array<{ message: unknown; transfer: Transferable[] }> = [];
  terminated = false;
  postMessage(message: unknown, transfer: Transferable[]): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: Reply): void {
    this.onmessage?.(new MessageEvent('message', { data: reply }));
  }
  crash(message: string): void {
    // Node has no ErrorEvent; the client reads only its message.
    this.onerror?.({ message } as ErrorEvent);
  }
}

class CodedError extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
  }
}

function setup(options: Partial<WorkerClientOptions> = {}) {
  const workers: FakeWorker[] = [];
  const onStop = vi.fn();
  const client = new WorkerClient<Requests, Results, Notes>(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { name: 'test', cancel: 'forget', toError: (f) => new CodedError(f), onStop, ...options },
  );
  const worker = (i = 0) => {
    const w = workers[i];
    if (!w) throw new Error(`no worker ${i}`);
    return w;
  };
  return { client, workers, worker, onStop };
}

describe('WorkerClient', () => {
  it('sends {id, kind, payload} with its transfer list, starting one worker for all requests', () => {
    const { client, workers, worker } = setup();
    const buffer = new ArrayBuffer(8);
    void client.request('double', { n: 2 }, { transfer: [buffer] });
    void client.request('echo', { text: 'hi' });
    expect(workers).toHaveLength(1);
    expect(worker().posted).toEqual([
      { message: { id: 1, kind: 'double', payload: { n: 2 } }, transfer: [buffer] },
      { message: { id: 2, kind: 'echo', payload: { text: 'hi' } }, transfer: [] },
    ]);
  });

  it('resolves each request with the answer to its id, in whatever order they come', async () => {
    const { client, worker } = setup();
    const a = client.request('double', { n: 2 });
    const b = client.request('echo', { text: 'hi' });
    worker().reply({ id: 2, kind: 'result', result: 'hi' });
    worker().reply({ id: 1, kind: 'result', result: 4 });
    expect(await Promise.all([a, b])).toEqual([4, 'hi']);
  });

  it('relays progress to its own request only, until it is answered', async () => {
    const { client, worker } = setup();
    const seenA: number[] = [];
    const seenB: number[] = [];
    const a = client.request('double', { n: 1 }, { onProgress: (r) => seenA.push(r) });
    void client.request('double', { n: 2 }, { onProgress: (r) => seenB.push(r) });
    worker().reply({ id: 1, kind: 'progress', ratio: 0.25 });
    worker().reply({ id: 2, kind: 'progress', ratio: 0.5 });
    worker().reply({ id: 1, kind: 'result', result: 2 });
    worker().reply({ id: 1, kind: 'progress', ratio: 0.75 });
    await a;
    expect(seenA).toEqual([0.25]);
    expect(seenB).toEqual([0.5]);
  });

  it('turns an error answered as a value into the client’s error, with its code', async () => {
    const { client, worker } = setup();
    const a = client.request('double', { n: 1 });
    worker().reply({ id: 1, kind: 'error', error: { code: 'TooBig', message: 'no' } });
    await expect(a).rejects.toEqual(new CodedError({ code: 'TooBig', message: 'no' }));
    await expect(a).rejects.toMatchObject({ failure: { code: 'TooBig' } });
  });

  it('does not post a request whose signal is already aborted', async () => {
    const { client, workers } = setup();
    await expect(client.request('double', { n: 1 }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CancelledError);
    expect(workers).toHaveLength(0);
  });

  it("cancel 'forget': rejects only that request and drops its late answer; the worker stays", async () => {
    const { client, worker, workers, onStop } = setup({ cancel: 'forget' });
    const abort = new AbortController();
    const a = client.request('double', { n: 1 }, { signal: abort.signal });
    const b = client.request('double', { n: 2 });
    abort.abort();
    await expect(a).rejects.toBeInstanceOf(CancelledError);
    worker().reply({ id: 1, kind: 'result', result: 2 });
    worker().reply({ id: 2, kind: 'result', result: 4 });
    expect(await b).toBe(4);
    expect(worker().terminated).toBe(false);
    expect(onStop).not.toHaveBeenCalled();
    void client.request('echo', { text: 'x' });
    expect(workers).toHaveLength(1);
  });

  it("cancel 'restart': terminates the worker, fails every request on it as cancelled, and the next request gets a new one", async () => {
    const { client, worker, workers, onStop } = setup({ cancel: 'restart' });
    const abort = new AbortController();
    const a = client.request('double', { n: 1 }, { signal: abort.signal });
    const b = client.request('double', { n: 2 });
    abort.abort();
    await expect(a).rejects.toBeInstanceOf(CancelledError);
    await expect(b).rejects.toBeInstanceOf(CancelledError);
    expect(worker().terminated).toBe(true);
    expect(onStop).toHaveBeenCalledOnce();
    const c = client.request('double', { n: 3 });
    expect(workers).toHaveLength(2);
    worker(1).reply({ id: 3, kind: 'result', result: 6 });
    expect(await c).toBe(6);
  });

  it('an abort after the answer changes nothing', async () => {
    const { client, worker, onStop } = setup({ cancel: 'restart' });
    const abort = new AbortController();
    const a = client.request('double', { n: 1 }, { signal: abort.signal });
    worker().reply({ id: 1, kind: 'result', result: 2 });
    expect(await a).toBe(2);
    abort.abort();
    expect(worker().terminated).toBe(false);
    expect(onStop).not.toHaveBeenCalled();
  });

  it('when the worker dies, fails what waits with a WORKER_STOPPED failure naming it, and starts a new one next', async () => {
    const { client, worker, workers, onStop } = setup();
    const a = client.request('double', { n: 1 });
    worker().crash('out of memory');
    await expect(a).rejects.toMatchObject({ failure: { code: WORKER_STOPPED, message: 'The test worker stopped: out of memory' } });
    expect(worker().terminated).toBe(true);
    expect(onStop).toHaveBeenCalledOnce();
    void client.request('double', { n: 2 });
    expect(workers).toHaveLength(2);
  });

  it('terminate fails what waits as cancelled', async () => {
    const { client, worker, onStop } = setup();
    const a = client.request('double', { n: 1 });
    client.terminate();
    await expect(a).rejects.toBeInstanceOf(CancelledError);
    expect(worker().terminated).toBe(true);
    expect(onStop).toHaveBeenCalledOnce();
  });

  it('sends notes to a running request under its id, with their transfer list, and drops them once it is answered', async () => {
    const { client, worker } = setup();
    const job = client.start('double', { n: 1 });
    const buffer = new ArrayBuffer(4);
    job.note('more', { n: 2 }, [buffer]);
    worker().reply({ id: 1, kind: 'result', result: 6 });
    await job.result;
    job.note('more', { n: 3 });
    expect(worker().posted.slice(1)).toEqual([{ message: { id: 1, kind: 'more', payload: { n: 2 } }, transfer: [buffer] }]);
  });

  it('types each result from its kind', () => {
    const { client } = setup();
    expectTypeOf(client.request('double', { n: 1 })).resolves.toEqualTypeOf<number>();
    expectTypeOf(client.request('echo', { text: '' })).resolves.toEqualTypeOf<string>();
    // @ts-expect-error an echo payload is not a double payload
    void client.request('double', { text: '' });
    // @ts-expect-error no such note
    client.start('echo', { text: '' }).note('less', { n: 1 });
  });
});

describe('respond', () => {
  it('posts the result under the request id, moving the buffers it picks', async () => {
    const post = vi.fn();
    const data = new ArrayBuffer(2);
    await respond(7, async () => ({ data }), post, { transfer: (r) => [r.data] });
    expect(post).toHaveBeenCalledWith({ id: 7, kind: 'result', result: { data } }, [data]);
  });

  it('posts an error as a value, coded by its name unless the worker codes it', async () => {
    const post = vi.fn();
    await respond(
      1,
      () => {
        throw new RangeError('bad');
      },
      post,
    );
    await respond(2, () => Promise.reject(new Error('worse')), post, { failure: () => ({ code: 'decode', message: 'coded' }) });
    expect(post.mock.calls).toEqual([
      [{ id: 1, kind: 'error', error: { code: 'RangeError', message: 'bad' } }, []],
      [{ id: 2, kind: 'error', error: { code: 'decode', message: 'coded' } }, []],
    ]);
  });

  it('answers with an error when the result cannot be posted', async () => {
    const post = vi.fn((reply: Reply) => {
      if (reply.kind === 'result') throw new DOMException('could not be cloned', 'DataCloneError');
    });
    await respond(3, () => 1, post);
    expect(post).toHaveBeenLastCalledWith({ id: 3, kind: 'error', error: { code: 'DataCloneError', message: 'could not be cloned' } }, []);
  });
});
