import { formatBytes } from '../../domain/format';
import { displaySize, formatDuration, recordingWarnings, type RecordingMeta } from '../../domain/recording';
import { codecLabel } from '../codecLabel';
import { usePicture } from '../usePicture';

interface Props {
  recording: Blob;
  meta: RecordingMeta;
  bytes: number;
}

/** The recording's facts as shown (display size, readable length, streams), and what the seller should know about it. */
export function RecordingSummary({ recording, meta, bytes }: Props) {
  const { width, height } = displaySize(meta);
  const picture = usePicture(recording);
  const audio = meta.hasAudio ? ` + ${meta.audioCodec ?? 'audio'}` : meta.audioUnreadable ? ' · audio unreadable' : ' · no audio';
  const warnings = recordingWarnings(meta);
  if (picture === 'none') warnings.push(`This browser can't show ${codecLabel(meta.videoCodec)} video, so previews have no picture. Cuts and renders still work.`);
  return (
    <>
      <p class="muted small" data-testid="recording-meta">
        {formatDuration(meta.durationSec)} · {width}×{height} · {meta.fps ? `${meta.fps} fps` : 'variable fps'} · {meta.videoCodec}
        {audio} · {formatBytes(bytes)}
      </p>
      {warnings.map((w) => (
        <p key={w} class="note warn" role="status" data-testid="recording-warning">
          {w}
        </p>
      ))}
    </>
  );
}
