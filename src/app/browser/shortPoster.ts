import { frameJpeg, once } from './videoFrame';

/** Poster frames are this wide (9:16): enough for the list, a few kB as JPEG. */
const POSTER_WIDTH = 216;
/** A browser that cannot decode the MP4 gives up within this. */
const TIMEOUT_MS = 8000;

/**
 * A short's duration and a small JPEG of its frame at `atSec` (the intro card, by default), read
 * by the browser's own decoder. Either is absent where the browser cannot decode the MP4.
 */
export async function posterOf(mp4: Blob, atSec = 1): Promise<{ poster?: Blob; durationSec?: number }> {
  const video = document.createElement('video');
  const url = URL.createObjectURL(mp4);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS)));
  let durationSec: number | undefined;
  try {
    video.muted = true;
    video.preload = 'auto';
    const loaded = once(video, 'loadeddata');
    video.src = url;
    await Promise.race([loaded, timeout]);
    durationSec = Number.isFinite(video.duration) ? video.duration : undefined;
    const seeked = once(video, 'seeked');
    video.currentTime = Math.min(atSec, (durationSec ?? atSec * 2) / 2);
    await Promise.race([seeked, timeout]);
    const poster = await frameJpeg(video, POSTER_WIDTH);
    return { ...(poster && { poster }), ...(durationSec !== undefined && { durationSec }) };
  } catch {
    return durationSec === undefined ? {} : { durationSec };
  } finally {
    clearTimeout(timer);
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}
