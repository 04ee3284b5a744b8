import { useEffect, useState } from 'preact/hooks';

/**
 * Whether this browser shows a recording's picture. A codec it lacks (HEVC in Chromium without
 * a platform decoder) does not fail: the element loads, plays the sound, and has no picture size.
 */
export type Picture = 'unknown' | 'shown' | 'none';

/** A video element's verdict once its metadata has loaded (or it failed). */
export const pictureOf = (v: HTMLVideoElement): Picture => (v.error ? 'none' : v.readyState < 1 ? 'unknown' : v.videoWidth > 0 ? 'shown' : 'none');

/** Checks a recording once, with a metadata-only video element of its own. */
export function usePicture(blob: Blob): Picture {
  const [picture, setPicture] = useState<Picture>('unknown');
  useEffect(() => {
    const v = document.createElement('video');
    const url = URL.createObjectURL(blob);
    const settle = () => setPicture(pictureOf(v));
    v.muted = true;
    v.preload = 'metadata';
    v.addEventListener('loadedmetadata', settle, { once: true });
    v.addEventListener('error', settle, { once: true });
    v.src = url;
    return () => {
      v.removeEventListener('loadedmetadata', settle);
      v.removeEventListener('error', settle);
      v.removeAttribute('src');
      v.load();
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return picture;
}
