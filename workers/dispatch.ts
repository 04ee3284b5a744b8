import { respond } from '../src/workers/rpc';
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
    post({ id: queued.id, kind: 'error', error: { code: CANCELLED, message: 'Superseded by a newer request.' } });
  };

  const run = <K extends RequestType>(msg: Envelope<K>) => respond<Results[RequestType]>(msg.id, () => handlers[msg.kind](msg.payload), post);

  return (msg: Envelope): void => {
    if (msg.kind === 'select') {
      const { key } = msg.payload;
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
    if (msg.kind === 'unload') cancel(msg.payload.key);
    void run(msg);
  };
}
