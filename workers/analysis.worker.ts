/// <reference lib="webworker" />
import { analysisHandlers } from './analysisHandlers';
import { createDispatcher } from './dispatch';
import type { Envelope } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const dispatch = createDispatcher(analysisHandlers(), (reply) => self.postMessage(reply));
self.onmessage = (e: MessageEvent<Envelope>) => dispatch(e.data);
