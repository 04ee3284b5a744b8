/// <reference lib="webworker" />
/**
 * Media worker: hosts the WebCodecs render and the smart cut off the main thread. One job at a
 * time; the app terminates the worker to cancel. Errors cross as data ({name, message, code}).
 */
import { messageOf } from '../src/domain/messageOf';
import { EngineUnsupportedError } from '../src/media/engine';
import { composeRender } from '../src/media/webcodecs/compose';
import type { MediaWorkerRequest, MediaWorkerResponse, WorkerError } from '../src/media/webcodecs/protocol';
import { smartCut } from '../src/media/webcodecs/smartCut';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: MediaWorkerResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const audioWaiters = new Map<number, (audio: Uint8Array | null) => void>();

function toWorkerError(err: unknown): WorkerError {
  if (err instanceof EngineUnsupportedError) return { name: err.name, message: err.message, code: err.code };
  return { name: err instanceof Error ? err.name : 'Error', message: messageOf(err) };
}

async function handle(req: Exclude<MediaWorkerRequest, { type: 'audio' }>): Promise<void> {
  const progress = (ratio: number) => post({ type: 'progress', id: req.id, ratio });
  try {
    if (req.type === 'render') {
      const audio = new Promise<Uint8Array | null>((resolve) => audioWaiters.set(req.id, resolve));
      const result = await composeRender(req.recording, req.plan, new Map(req.overlays.map((o) => [o.id, o.png])), audio, progress);
      post({ type: 'done', id: req.id, result }, [result.data]);
    } else {
      const result = await smartCut(req.recording, req.start, req.end, progress);
      post({ type: 'done', id: req.id, result: { data: result.data, method: result.method, timings: result.timings } }, [result.data]);
    }
  } catch (err) {
    post({ type: 'error', id: req.id, error: toWorkerError(err) });
  } finally {
    audioWaiters.delete(req.id);
  }
}

self.onmessage = (e: MessageEvent<MediaWorkerRequest>) => {
  const req = e.data;
  if (req.type === 'audio') audioWaiters.get(req.id)?.(req.audio);
  else void handle(req);
};
