/// <reference lib="webworker" />
import { analyse } from '../src/domain/analysis';
import { parseClickLog } from '../src/domain/clicklog/parse';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<{ id: number; request: AnalysisRequest }>) => {
  const { id, request } = e.data;
  let reply: AnalysisResponse;
  try {
    if (request.type === 'parse') {
      const text = await request.file.text();
      reply = { id, ok: true, result: parseClickLog(text, request.fileName) };
    } else {
      const result = analyse(request.log, request.durationSec, request.timeBase, request.options, request.loudness);
      reply = { id, ok: true, result };
    }
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, error: error.message, code: error.name };
  }
  self.postMessage(reply);
};
