/**
 * The files the app fetches on first use rather than on the first visit (issue 22): the ffmpeg
 * core, the speech model, the face finder and the sample video. They live in one Cache Storage cache, which the
 * service worker's runtime rule (vite.config.ts) also fills and serves from, so a file fetched
 * here, or by its first use through the service worker, is there offline.
 */
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import type { AssetGroup } from '../../domain/offline';
import { SPEECH_ASSETS } from '../../speech/assets';
import { FACE_ASSETS } from '../../media/face/assets';

/** Named for this build's files (vite.config.ts): the speech files' paths don't change when they do. */
export const ON_DEMAND_CACHE = __ON_DEMAND_CACHE__;

/** The bundled sample's video (public/samples/). */
export const SAMPLE_VIDEO = 'samples/sample.mp4';

const absolute = (path: string) => new URL(path, document.baseURI).href;

export const ASSET_GROUPS: readonly AssetGroup[] = [
  {
    id: 'engine',
    label: 'Video engine',
    use: "files this browser can't decode, and the compatible renderer",
    urls: [coreURL, wasmURL].map(absolute),
    bytes: __ON_DEMAND_BYTES__.engine,
  },
  { id: 'speech', label: 'Speech model', use: 'captions and transcripts', urls: SPEECH_ASSETS.map((a) => absolute(a.path)), bytes: __ON_DEMAND_BYTES__.speech },
  { id: 'face', label: 'Face finder', use: '"Follow the host"', urls: FACE_ASSETS.map((a) => absolute(a.path)), bytes: __ON_DEMAND_BYTES__.face },
  { id: 'sample', label: 'Sample video', use: '"Try the sample"', urls: [absolute(SAMPLE_VIDEO)], bytes: __ON_DEMAND_BYTES__.sample },
];

/** Cache Storage where this browser has it (a secure context), else undefined: files then come from the network each time. */
const openCache = (): Promise<Cache> | undefined => (typeof caches === 'undefined' ? undefined : caches.open(ON_DEMAND_CACHE));

/** A file's response from the cache when it is kept there (also before the service worker controls the page), else from the network. */
export async function keptOrFetched(path: string): Promise<Response> {
  const url = absolute(path);
  return (await (await openCache())?.match(url)) ?? fetch(url);
}

/** Whether every file of `group` is cached. */
export async function isCached(group: AssetGroup): Promise<boolean> {
  const cache = await openCache();
  if (!cache) return false;
  for (const url of group.urls) if (!(await cache.match(url))) return false;
  return true;
}

/** Caches of earlier versions' on-demand files: their files are not this version's. */
export async function dropOldCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) if (name.startsWith('lhs-on-demand') && name !== ON_DEMAND_CACHE) await caches.delete(name);
}

/**
 * Fetches what of `group` is not cached into the cache, telling each chunk's bytes as they come
 * (the response is read once: one copy goes to the cache, the other is counted). Resolves to
 * whether all of it is kept: without Cache Storage (an insecure context) nothing is fetched
 * ahead, and a cache that refuses a file (storage full) leaves its first use to fetch it as it
 * would anyway: the app must still work, only not offline.
 */
export async function fetchIntoCache(group: AssetGroup, onBytes: (bytes: number) => void, signal?: AbortSignal): Promise<boolean> {
  const cache = await openCache();
  if (!cache) return false;
  let allKept = true;
  for (const url of group.urls) {
    if (await cache.match(url)) continue;
    const response = await fetch(url, signal ? { signal } : {});
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} for ${url.slice(url.lastIndexOf('/') + 1)}`);
    const [counted, copy] = response.body.tee();
    // Only its type: the server's encoding and length describe bytes the body no longer holds, and a
    // `Vary: Origin` would keep a worker's request (which sends an Origin) from matching it.
    const stored = cache.put(url, new Response(copy, { headers: { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' } }));
    const reader = counted.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes(value.byteLength);
    }
    await stored.catch(() => {
      allKept = false;
    });
  }
  return allKept;
}
