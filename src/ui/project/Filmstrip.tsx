import type { Range } from '../../domain/clip/trim';
import { filmstripTimes } from '../../domain/clip/trimTimeline';
import { useRecordingFrame } from './useRecordingFrame';

interface Props {
  recording: Blob;
  view: Range;
  /** Track width in px: how many frames fit. */
  width: number;
}

/** A frame per this many px of track: a 16:9 thumbnail at the strip's height. */
const FRAME_PX = 56;

/**
 * Frames along the trim timeline, one every round step, grabbed one at a time from the recording
 * (a seek each, never the whole file) and kept for the session. Where the browser cannot show the
 * recording's picture (HEVC in Chromium) the strip stays plain. Decorative: the slider says the times.
 */
export function Filmstrip({ recording, view, width }: Props) {
  const { step, times } = filmstripTimes(view, Math.floor(width / FRAME_PX));
  const span = view.end - view.start;
  return (
    <div class="trim-frames" aria-hidden="true" data-testid="trim-frames">
      {times.map((t) => (
        <FilmFrame key={t} recording={recording} atSec={t} left={((t - view.start) / span) * 100} width={(step / span) * 100} />
      ))}
    </div>
  );
}

interface FrameProps {
  recording: Blob;
  atSec: number;
  /** Position and width, in % of the track. */
  left: number;
  width: number;
}

function FilmFrame({ recording, atSec, left, width }: FrameProps) {
  const { url } = useRecordingFrame(recording, atSec);
  return (
    <span class="trim-frame" style={{ left: `${left}%`, width: `${width}%` }} data-at={atSec}>
      {url && <img src={url} alt="" />}
    </span>
  );
}
