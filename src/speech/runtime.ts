/** onnxruntime-web as the speech worker's models use it: our own files, one thread, models fetched with a retry. */
import * as ort from 'onnxruntime-web/wasm';
import { messageOf } from '../domain/errors/messageOf';
import { ORT_DIR } from './assets';

/** onnxruntime's global settings: our own files, one thread (COOP/COEP are not needed then). */
export function configureRuntime(base: string): void {
  ort.env.wasm.wasmPaths = new URL(ORT_DIR, base).href;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
}

/**
 * A model file's bytes, tried twice: on a first visit the service worker may be caching the same
 * files meanwhile, and a dropped connection then is worth one retry.
 */
export async function fetchModel(url: string): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      if (attempt >= 2) {
        const name = url.slice(url.lastIndexOf('/') + 1);
        throw new Error(`The speech model (${name}) could not be downloaded: ${messageOf(err)}. Open the app once while online so it is kept for offline use.`);
      }
    }
  }
}
