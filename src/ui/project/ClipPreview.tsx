import { asError } from '../../domain/errors/messageOf';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useObjectUrl } from '../common/useObjectUrl';
import { formatClock } from '../../domain/format';
import type { Highlight } from '../../domain/selection/model';
import { detailsOf } from '../../domain/errors/mediaFailure';
import { engine } from '../../app/services';
import { useJob } from '../common/useJob';
import { pictureOf, type Picture } from '../common/usePicture';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';

interface Props {
  recording: Blob;
  clip: Highlight;
  /** A time to show instead of the start: the edge being trimmed. */
  at?: number;
}

/** A low-resolution H.264 copy of [start, end), made for a browser that cannot show the recording's codec. */
interface Proxy {
  start: number;
  end: number;
  blob: Blob;
}

/**
 * Plays exactly [start, end) of the stored recording Blob (no copy: an object URL). Where the
 * browser cannot show its picture (HEVC in Chromium), it says so and offers a preview made by
 * ffmpeg.wasm for this clip alone.
 */
export function ClipPreview({ recording, clip, at }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [picture, setPicture] = useState<Picture>('unknown');
  const [proxy, setProxy] = useState<Proxy | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const { job, run, cancel } = useJob();
  const own = proxy?.start === clip.start && proxy.end === clip.end ? proxy : null;
  const url = useObjectUrl(own ? own.blob : recording)!;
  // The proxy starts at the clip's start: its times are the recording's minus this.
  const offset = own ? clip.start : 0;
  const start = clip.start - offset;
  const end = clip.end - offset;
  const shown = at === undefined ? start : Math.min(end, Math.max(start, at - offset));

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source (`url`) needs the seek again even at the same time.
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const seek = () => {
      v.currentTime = shown;
    };
    if (v.readyState >= 1) seek();
    else v.addEventListener('loadedmetadata', seek, { once: true });
    return () => v.removeEventListener('loadedmetadata', seek);
  }, [shown, url]);

  const onTime = () => {
    const v = video.current;
    if (!v) return;
    if (v.currentTime >= end) {
      v.pause();
      v.currentTime = end;
    } else if (v.currentTime < start - 0.5) {
      v.currentTime = start;
    }
  };
  const onPlay = () => {
    const v = video.current;
    if (v && v.currentTime >= end - 0.05) v.currentTime = start;
  };

  const makeProxy = async () => {
    setError(null);
    const name = recording instanceof File ? recording.name : 'the recording';
    try {
      const blob = await run('Making a preview this browser can show', (hooks) => engine.previewProxy(recording, name, clip.start, clip.end, hooks));
      if (blob) setProxy({ start: clip.start, end: clip.end, blob });
    } catch (e) {
      setError(asError(e));
    }
  };

  return (
    <div class="preview">
      {/* biome-ignore lint/a11y/useMediaCaption: the seller's own recording has no caption track to offer. */}
      <video
        ref={video}
        src={url}
        controls
        playsInline
        preload="metadata"
        data-testid="preview-video"
        data-proxy={own !== null}
        aria-label={`Preview of clip ${clip.rank}: ${clip.productName ?? clip.productId}`}
        onTimeUpdate={onTime}
        onPlay={onPlay}
        onLoadedMetadata={(e) => setPicture(pictureOf(e.currentTarget))}
        onError={(e) => setPicture(pictureOf(e.currentTarget))}
      />
      <p class="muted small">
        Clip {clip.rank}: {formatClock(clip.start)}–{formatClock(clip.end)} of the recording{own && ' · low-resolution preview'}
      </p>
      {picture === 'none' && !own && (
        <div class="note warn" role="status" data-testid="preview-no-picture">
          <p>This browser can't show this recording's video, so the preview has no picture. Cuts and renders still work: they decode it themselves.</p>
          {!job && (
            <button type="button" class="btn small" onClick={makeProxy}>
              Make a preview of this clip
            </button>
          )}
        </div>
      )}
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {error && <ErrorNote message={`The preview could not be made: ${error.message}`} details={detailsOf(error)} onDismiss={() => setError(null)} />}
    </div>
  );
}
