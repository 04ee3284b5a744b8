/** Poster frames are this wide (9:16): enough for the list, a few kB as JPEG. */
const POSTER_WIDTH = 216;
/** A browser that cannot decode the MP4 gives up within this. */
const TIMEOUT_MS = 8000;

function once(target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      target.removeEventListener('error', fail);
      resolve();
    };
    const fail = () => {
      target.removeEventListener(event, ok);
      reject(new Error(target.error?.message ?? 'the video could not be decoded'));
    };
    target.addEventListener(event, ok, { once: true });
    target.addEventListener('error', fail, { once: true });
  });
}

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
    const canvas = document.createElement('canvas');
    canvas.width = POSTER_WIDTH;
    canvas.height = Math.round((POSTER_WIDTH * video.videoHeight) / Math.max(1, video.videoWidth));
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const poster = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
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
