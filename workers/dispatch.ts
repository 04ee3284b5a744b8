import { CANCELLED, type Envelope, type Reply, type Requests, type RequestType, type Results } from './protocol';

export type Handlers = { [K in RequestType]: (body: Requests[K]) => Results[K] | Promise<Results[K]> };

/**
 * The worker's message loop, without the worker: requests run in arrival order, except that a
 * select waits one task and only the latest select per log then runs. Selects that queued up
 * while the worker was busy (a slider being dragged) are answered as cancelled without running.
 */
export function createDispatcher(handlers: Handlers, post: (reply: Reply) => void, defer: (task: () => void) => void = (task) => setTimeout(task, 0)) {
  const latest = new Map<string, Envelope<'select'>>();

  const cancel = (key: string) => {
    const queued = latest.get(key);
    if (!queued) return;
    latest.delete(key);
    post({ id: queued.id, ok: false, error: 'Superseded by a newer request.', code: CANCELLED });
  };

  const run = async <K extends RequestType>(msg: Envelope<K>) => {
    try {
      const result: Results[RequestType] = await handlers[msg.type](msg.body);
      post({ id: msg.id, ok: true, result });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      post({ id: msg.id, ok: false, error: e.message, code: e.name });
    }
  };

  return (msg: Envelope): void => {
    if (msg.type === 'select') {
      const { key } = msg.body;
      if (latest.has(key)) cancel(key);
      else
        defer(() => {
          const next = latest.get(key);
          latest.delete(key);
          if (next) void run(next);
        });
      latest.set(key, msg);
      return;
    }
    if (msg.type === 'unload') cancel(msg.body.key);
    void run(msg);
  };
}
