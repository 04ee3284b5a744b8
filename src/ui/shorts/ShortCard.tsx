import { useState } from 'preact/hooks';
import type { SavedShort } from '../../app/shorts';
import { formatBytes, formatClock } from '../../domain/format';
import { useObjectUrl } from '../common/useObjectUrl';
import type { ShortStatus } from './useShorts';
import { ENGINE_NAMES } from '../../domain/media/engineNames';
import { messageOf } from '../../domain/errors/messageOf';

interface Props {
  short: SavedShort;
  status: ShortStatus | undefined;
  chosen: boolean;
  onChoose: (chosen: boolean) => void;
  /** Reads the MP4 (on disk until played or saved). */
  open: () => Promise<Blob>;
  onDownload: () => void;
  onUpload: () => void;
  onDelete: () => void;
}

const STATUS_NOTES: Record<Exclude<ShortStatus, 'current'>, [string, string]> = {
  stale: ['Out of date', 'The clip’s edit, range or product changed after this short was rendered: render it again to get the change.'],
  gone: ['Clip not selected', 'Its clip is no longer among the highlights (the selection changed).'],
};

/** One saved short: poster (plays inline on click), its facts, and what can be done with it. */
export function ShortCard({ short, status, chosen, onChoose, open, onDownload, onUpload, onDelete }: Props) {
  const [video, setVideo] = useState<Blob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const posterUrl = useObjectUrl(short.poster ?? null);
  const videoUrl = useObjectUrl(video);
  const name = short.product.name ?? short.product.id;
  const note = status && status !== 'current' ? STATUS_NOTES[status] : undefined;
  const play = () => open().then(setVideo, (e: unknown) => setError(messageOf(e)));

  return (
    <li class="short-card" data-testid="short" data-short-id={short.id} data-status={status ?? 'unknown'}>
      <div class="short-media">
        {videoUrl ? (
          // biome-ignore lint/a11y/useMediaCaption: the short's captions are burned into its picture.
          <video src={videoUrl} controls autoPlay playsInline data-testid="short-video" aria-label={`Short: ${name}`} />
        ) : (
          <button type="button" class="short-poster" onClick={play} aria-label={`Play the short of ${name}`}>
            {posterUrl && <img src={posterUrl} alt="" />}
            <span class="play" aria-hidden="true">
              ▶
            </span>
          </button>
        )}
      </div>
      <div class="short-info">
        <label class="check short-choose">
          <input type="checkbox" checked={chosen} onChange={(e) => onChoose(e.currentTarget.checked)} aria-label={`Put the short of ${name} in the ZIP`} />
          <span class="short-name">
            #{short.rank} {name}
          </span>
        </label>
        {note && (
          <span class="tag warn" data-testid="short-status" title={note[1]}>
            {note[0]}
          </span>
        )}
        <span class="muted small">
          {formatClock(short.durationSec)} · {short.settings.width}×{short.settings.height} · {formatBytes(short.size)}
        </span>
        <span class="muted small" title={short.fallbackReason && `The fast engine could not make it: ${short.fallbackReason}`}>
          {ENGINE_NAMES[short.engine][0]} · {short.timings.totalSec.toFixed(1)} s ·{' '}
          {new Date(short.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        </span>
        {note && <span class="muted small">{note[1]}</span>}
        {error && <span class="small error-text">{error}</span>}
      </div>
      <div class="short-actions">
        <button type="button" class="btn primary small" onClick={onUpload}>
          Upload to TikTok
        </button>
        <button type="button" class="btn ghost small" onClick={onDownload}>
          Download
        </button>
        <button type="button" class="btn ghost small danger" onClick={onDelete} aria-label={`Delete the short of ${name}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
