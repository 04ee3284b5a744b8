import { useMemo, useState } from 'preact/hooks';
import { limitMessage, setEdge, type Edge, type Range } from '../../domain/clip/trim';
import type { Clip } from '../../domain/clip/override';
import { formatClock, parseClock } from '../../domain/format';
import type { Loudness, QuietRun } from '../../domain/recording/loudness';
import type { SaidSpan } from '../../domain/clip/trimSnap';
import { pausesIn, trimWindow } from '../../domain/clip/trimTimeline';
import { useDraft } from './useDraft';
import { TrimTimeline } from './TrimTimeline';

interface Props {
  clip: Clip;
  durationSec: number;
  /** Events per second of the clip's product over `trimWindow(...)`. */
  rateOf: (view: Range) => Uint16Array;
  /** Every pause in the voice; undefined when not measured. */
  pauses: readonly QuietRun[] | undefined;
  /** The recording's loudness when measured: the timeline's waveform. */
  loudness: Loudness | undefined;
  /** The recording's transcribed speech (none until transcribed): sentence ends to snap to. */
  said: readonly SaidSpan[];
  recording: Blob;
  productLabel: string;
  /** Store a range; undefined: back to the selection's. */
  onTrim: (range: Range | undefined) => void;
  /** The edge last moved, for the preview to show. */
  onEdge: (t: number | undefined) => void;
}

const NUDGE_SEC = 0.5;

/**
 * Trim one clip: drag the handles, nudge each edge by half a second, or type its time. Limits
 * (inside the recording, 1–60 s) hold the edge and say why. Drags and held keys are kept on
 * screen and stored when the gesture ends; nudges and typed times are stored at once.
 */
export function TrimPanel({ clip, durationSec, rateOf, pauses, loudness, said, recording, productLabel, onTrim, onEdge }: Props) {
  const [live, setLive] = useState<Range | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const range = live ?? { start: clip.start, end: clip.end };
  const view = trimWindow(clip, clip.auto, durationSec);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the window's bounds, not the object made anew each render.
  const rate = useMemo(() => rateOf(view), [rateOf, view.start, view.end]);
  const saidIn = useMemo(() => said.filter((s) => s.end > view.start && s.start < view.end), [said, view.start, view.end]);

  const move = (edge: Edge, value: number, store: boolean) => {
    const held = setEdge(range, edge, value, durationSec);
    setMessage(held.limit ? limitMessage(edge, held.limit, held.range, durationSec) : null);
    onEdge(held.range[edge]);
    if (store) {
      setLive(null);
      onTrim(held.range);
    } else setLive(held.range);
  };
  const settle = () => {
    if (!live) return;
    setLive(null);
    onTrim(live);
  };
  const reset = () => {
    setLive(null);
    setMessage(null);
    onEdge(undefined);
    onTrim(undefined);
  };

  return (
    <section class="trim" aria-label="Trim">
      <h3>Trim</h3>
      <TrimTimeline
        view={view}
        range={range}
        auto={clip.auto}
        durationSec={durationSec}
        rate={rate}
        pauses={pauses && pausesIn(pauses, view)}
        loudness={loudness}
        said={saidIn}
        recording={recording}
        productLabel={productLabel}
        onMove={(edge, t) => move(edge, t, false)}
        onSettle={settle}
      />
      <div class="trim-edges">
        <EdgeField edge="start" value={range.start} onMove={move} onBadTime={setMessage} />
        <EdgeField edge="end" value={range.end} onMove={move} onBadTime={setMessage} />
      </div>
      <div class="trim-foot">
        <span class="muted small" data-testid="trim-length">
          Length {(range.end - range.start).toFixed(1)} s
        </span>
        <button type="button" class="btn ghost small" onClick={reset} disabled={!clip.trimmed && !live}>
          Reset to auto
        </button>
      </div>
      <p class="trim-message" role="status" data-testid="trim-message">
        {message}
      </p>
    </section>
  );
}

interface EdgeProps {
  edge: Edge;
  value: number;
  onMove: (edge: Edge, value: number, store: boolean) => void;
  onBadTime: (message: string) => void;
}

function EdgeField({ edge, value, onMove, onBadTime }: EdgeProps) {
  const label = edge === 'start' ? 'Start' : 'End';
  const draft = useDraft(formatClock(value), (text) => {
    const t = parseClock(text);
    if (t === undefined) onBadTime(`"${text}" is not a time: type minutes and seconds, like 1:05.5.`);
    else onMove(edge, t, true);
  });
  return (
    <div class="trim-edge">
      <span class="trim-edge-name">{label}</span>
      <button type="button" class="btn small" aria-label={`${label} ${NUDGE_SEC} s earlier`} onClick={() => onMove(edge, value - NUDGE_SEC, true)}>
        −{NUDGE_SEC}
      </button>
      <input type="text" inputMode="decimal" aria-label={`${label} time (m:ss.s)`} {...draft} />
      <button type="button" class="btn small" aria-label={`${label} ${NUDGE_SEC} s later`} onClick={() => onMove(edge, value + NUDGE_SEC, true)}>
        +{NUDGE_SEC}
      </button>
    </div>
  );
}
