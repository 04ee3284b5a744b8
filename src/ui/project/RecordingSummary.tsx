import { formatBytes } from '../../domain/format';
import { displaySize, formatDuration, recordingWarnings, type RecordingMeta } from '../../domain/recording/meta';
import { codecLabel } from '../common/codecLabel';
import { usePicture } from '../common/usePicture';

interface Props {
  recording: Blob;
  meta: RecordingMeta;
  bytes: number;
}

/** The recording's length, size and file size, its codecs under Details, and what the seller should know about it. */
export function RecordingSummary({ recording, meta, bytes }: Props) {
  const { width, height } = displaySize(meta);
  const picture = usePicture(recording);
  const sound = meta.hasAudio
    ? meta.audioCodec
      ? `${codecLabel(meta.audioCodec)} (${meta.audioCodec})`
      : 'yes'
    : meta.audioUnreadable
      ? 'unreadable'
      : 'none';
  const warnings = recordingWarnings(meta);
  if (picture === 'none')
    warnings.push(`This browser can't show ${codecLabel(meta.videoCodec)} video, so previews have no picture. Cuts and renders still work.`);
  return (
    <>
      <p class="muted small" data-testid="recording-meta">
        {formatDuration(meta.durationSec)} · {width}×{height} · {formatBytes(bytes)}
        {!meta.hasAudio && !meta.audioUnreadable && ' · no sound'}
      </p>
      <details class="advanced small">
        <summary>File details</summary>
        <p class="muted small" data-testid="recording-details">
          Video: {codecLabel(meta.videoCodec)} ({meta.videoCodec}), {meta.fps ? `${meta.fps} frames a second` : 'variable frame rate'} · Sound: {sound}
        </p>
      </details>
      {warnings.map((w) => (
        <p key={w} class="note warn" role="status" data-testid="recording-warning">
          {w}
        </p>
      ))}
    </>
  );
}
