import { useEffect, useRef, useState } from 'preact/hooks';
import { useObjectUrl } from '../useObjectUrl';
import { formatClock } from '../../domain/format';
import type { Pick } from '../../domain/events';

interface Props {
  recording: Blob;
  clip: Pick;
}

/** Plays exactly [start, end) of the stored recording Blob (no copy: an object URL). */
export function ClipPreview({ recording, clip }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const url = useObjectUrl(recording)!;

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const seek = () => {
      v.currentTime = clip.start;
    };
    if (v.readyState >= 1) seek();
    else v.addEventListener('loadedmetadata', seek, { once: true });
    return () => v.removeEventListener('loadedmetadata', seek);
  }, [clip.start, clip.end, url]);

  const onTime = () => {
    const v = video.current;
    if (!v) return;
    if (v.currentTime >= clip.end) {
      v.pause();
      v.currentTime = clip.end;
    } else if (v.currentTime < clip.start - 0.5) {
      v.currentTime = clip.start;
    }
  };
  const onPlay = () => {
    const v = video.current;
    if (v && v.currentTime >= clip.end - 0.05) v.currentTime = clip.start;
  };

  return (
    <div class="preview">
      <video
        ref={video}
        src={url}
        controls
        playsInline
        preload="metadata"
        data-testid="preview-video"
        aria-label={`Preview of clip ${clip.rank}: ${clip.productName ?? clip.productId}`}
        onTimeUpdate={onTime}
        onPlay={onPlay}
        onError={() => setFailed(true)}
      />
      <p class="muted small">
        Clip {clip.rank}: {formatClock(clip.start)}–{formatClock(clip.end)} of the recording
      </p>
      {failed && (
        <p class="note warn">This browser cannot play this recording's codec, so there is no preview. Downloads still work.</p>
      )}
    </div>
  );
}
