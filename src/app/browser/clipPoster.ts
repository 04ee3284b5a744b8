import type { Range } from '../../domain/clip/trim';
import { frameJpeg, once } from './videoFrame';

/** Wide enough for the list's 80-px thumbnail on a 2× screen; a few kB as JPEG. */
const WIDTH = 160;
/** A recording whose picture this browser cannot decode gives up within this. */
const TIMEOUT_MS = 8000;

/** A clip's poster moment: the middle of its click rise (the product on show), inside the clip as trimmed. */
export function posterTime(clip: Range & { why: { burst: Range } }): number {
  const { start, end } = clip.why.burst;
  return Math.min(clip.end - 0.1, Math.max(clip.start, (start + end) / 2));
}

/** One video element on the recording, kept while frames are asked of it. */
interface Reader {
  key: string;
  video: HTMLVideoElement;
  url: string;
  /** Resolves once the metadata says there is a picture; rejects when there is none. */
  ready: Promise<void>;
}

/** By recording key and time. A few kB each, for the session. */
const posters = new Map<string, Promise<Blob | null>>();
/** Recordings whose picture this browser cannot show (HEVC in Chromium): no more tries. */
const noPicture = new Set<string>();
const blobIds = new WeakMap<Blob, string>();
let blobCount = 0;
let reader: Reader | null = null;
let waiting = 0;
/** Frames are grabbed one at a time: each is a seek (decoding from the keyframe before it), never the whole file. */
let queue: Promise<unknown> = Promise.resolve();

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A stored recording is a new File object each time the project is read: its name, size and date say it is the same one. */
function recordingKey(recording: Blob): string {
  if (recording instanceof File) return `${recording.name}|${recording.size}|${recording.lastModified}`;
  let id = blobIds.get(recording);
  if (id === undefined) {
    id = `blob ${++blobCount}`;
    blobIds.set(recording, id);
  }
  return id;
}

function openReader(recording: Blob, key: string): Reader {
  const video = document.createElement('video');
  const url = URL.createObjectURL(recording);
  video.muted = true;
  video.preload = 'metadata';
  const ready = once(video, 'loadedmetadata').then(() => {
    if (video.videoWidth === 0) throw new Error('no picture');
  });
  video.src = url;
  return { key, video, url, ready };
}

function closeReader(): void {
  if (!reader) return;
  reader.video.removeAttribute('src');
  reader.video.load();
  URL.revokeObjectURL(reader.url);
  reader = null;
}

async function grab(recording: Blob, key: string, atSec: number): Promise<Blob | null> {
  if (noPicture.has(key)) return null;
  if (reader?.key !== key) {
    closeReader();
    reader = openReader(recording, key);
  }
  const { video, ready } = reader;
  try {
    await withTimeout(ready);
  } catch {
    noPicture.add(key);
    return null;
  }
  try {
    const seeked = once(video, 'seeked');
    video.currentTime = atSec;
    await withTimeout(seeked);
    return await frameJpeg(video, WIDTH);
  } catch {
    return null;
  }
}

/**
 * A small JPEG of the recording's frame at `atSec`, or null where this browser cannot decode it.
 * Cached per recording and time for the session.
 */
export function clipPoster(recording: Blob, atSec: number): Promise<Blob | null> {
  const key = recordingKey(recording);
  const at = Math.round(atSec * 10) / 10;
  const cached = posters.get(`${key}@${at}`);
  if (cached) return cached;
  waiting++;
  const poster = queue.then(() => grab(recording, key, at));
  queue = poster.finally(() => {
    // The last frame asked for: let the recording go.
    if (--waiting === 0) closeReader();
  });
  posters.set(`${key}@${at}`, poster);
  return poster;
}
