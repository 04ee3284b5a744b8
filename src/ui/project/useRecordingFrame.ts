import { useEffect, useState } from 'preact/hooks';
import { clipPoster } from '../../app/browser/clipPoster';
import { useObjectUrl } from '../common/useObjectUrl';

/**
 * The recording's frame at `atSec` as an image URL, grabbed (one seek, cached for the session) once
 * `atSec` is given. `frame` is undefined until grabbed and null where this browser cannot show the
 * recording's picture (HEVC in Chromium).
 */
export function useRecordingFrame(recording: Blob, atSec: number | undefined): { frame: Blob | null | undefined; url: string | null } {
  const [frame, setFrame] = useState<Blob | null | undefined>(undefined);
  const url = useObjectUrl(frame ?? null);
  useEffect(() => {
    if (atSec === undefined) return;
    let live = true;
    clipPoster(recording, atSec).then((f) => live && setFrame(f));
    return () => {
      live = false;
    };
  }, [recording, atSec]);
  return { frame, url };
}
