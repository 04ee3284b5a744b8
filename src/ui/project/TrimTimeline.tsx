import { useRef } from 'preact/hooks';
import { edgeBounds, type Edge, type Range } from '../../domain/clip/trim';
import { formatClock } from '../../domain/format';
import type { QuietRun } from '../../domain/recording/loudness';

interface Props {
  /** The stretch shown (the clip ± 30 s); fixed while a handle is dragged. */
  view: Range;
  range: Range;
  /** The selection's range, drawn dashed. */
  auto: Range;
  durationSec: number;
  /** Events per second from `view.start`. */
  rate: Uint16Array;
  /** Pauses in the voice inside the view; undefined when not measured. */
  pauses: QuietRun[] | undefined;
  productLabel: string;
  /** An edge is being moved to `t` (seconds). */
  onMove: (edge: Edge, t: number) => void;
  /** The gesture ended (pointer up, key released, focus left): keep what was moved. */
  onSettle: () => void;
}

const tenth = (t: number) => Math.round(t * 10) / 10;
const pct = (t: number, view: Range) => `${((t - view.start) / (view.end - view.start)) * 100}%`;

/** Tick spacing giving at most 6 labels. */
function ticks(view: Range): number[] {
  const len = view.end - view.start;
  const step = [1, 2, 5, 10, 15, 30, 60, 120, 300].find((s) => len / s <= 6) ?? 600;
  const out: number[] = [];
  for (let t = Math.ceil(view.start / step) * step; t <= view.end; t += step) out.push(t);
  return out;
}

/**
 * The zoomed clip timeline: the product's events per second, pauses shaded, the selection's
 * range dashed, and two handles that are sliders (arrows 0.1 s, Shift+arrows 1 s, Home/End to
 * the limits) and drag with mouse, pen or touch.
 */
export function TrimTimeline({ view, range, auto, durationSec, rate, pauses, productLabel, onMove, onSettle }: Props) {
  const track = useRef<HTMLDivElement>(null);
  /** How far from the edge the pointer took its handle, so the edge does not jump to the pointer. */
  const grab = useRef(0);
  const peak = Math.max(1, ...rate);
  const span = view.end - view.start;
  const xOf = (t: number, box: DOMRect) => box.left + ((t - view.start) / span) * box.width;
  const timeAt = (clientX: number) => {
    const box = track.current!.getBoundingClientRect();
    const ratio = Math.min(1, Math.max(0, (clientX - grab.current - box.left) / box.width));
    return tenth(view.start + ratio * span);
  };

  const handle = (edge: Edge) => {
    const value = range[edge];
    const { lo: min, hi: max } = edgeBounds(range, edge, durationSec);
    const step = (e: KeyboardEvent) => {
      const big = e.shiftKey || e.key === 'PageUp' || e.key === 'PageDown';
      const by = big ? 1 : 0.1;
      const next: Record<string, number> = {
        ArrowLeft: value - by,
        ArrowDown: value - by,
        PageDown: value - by,
        ArrowRight: value + by,
        ArrowUp: value + by,
        PageUp: value + by,
        Home: min,
        End: max,
      };
      const t = next[e.key];
      if (t === undefined) return;
      e.preventDefault();
      onMove(edge, tenth(t));
    };
    return (
      <div
        class={`trim-handle ${edge}`}
        role="slider"
        tabIndex={0}
        aria-label={edge === 'start' ? 'Clip start' : 'Clip end'}
        aria-valuemin={Math.round(min * 1000) / 1000}
        aria-valuemax={Math.round(max * 1000) / 1000}
        aria-valuenow={Math.round(value * 1000) / 1000}
        aria-valuetext={formatClock(value)}
        data-testid={`trim-${edge}`}
        style={{ left: pct(value, view) }}
        onKeyDown={step}
        onKeyUp={onSettle}
        onBlur={onSettle}
        onPointerDown={(e) => {
          grab.current = e.clientX - xOf(value, track.current!.getBoundingClientRect());
          e.currentTarget.setPointerCapture(e.pointerId);
          e.currentTarget.focus();
          e.preventDefault();
        }}
        onPointerMove={(e) => e.currentTarget.hasPointerCapture(e.pointerId) && onMove(edge, timeAt(e.clientX))}
        onPointerUp={onSettle}
        onPointerCancel={onSettle}
      />
    );
  };

  return (
    <figure class="trim-timeline">
      <div class="trim-track" ref={track} data-from={view.start} data-to={view.end}>
        <div class="trim-plot">
          <svg viewBox={`0 0 ${span} 100`} preserveAspectRatio="none" aria-hidden="true">
            {pauses?.map((p) => (
              <rect key={p.start} class="pause" x={p.start - view.start} y={0} width={p.end - p.start} height={100} />
            ))}
            {Array.from(rate, (n, i) =>
              // biome-ignore lint/suspicious/noArrayIndexKey: a bar is its second.
              n === 0 ? null : <rect key={i} class="rate" x={i + 0.1} y={100 - (n / peak) * 92} width={0.8} height={(n / peak) * 92} />,
            )}
          </svg>
          <div class="trim-auto" style={{ left: pct(auto.start, view), width: pct(view.start + auto.end - auto.start, view) }} />
          <div class="trim-range" style={{ left: pct(range.start, view), width: pct(view.start + range.end - range.start, view) }} />
        </div>
        {handle('start')}
        {handle('end')}
      </div>
      <div class="trim-axis" aria-hidden="true">
        {ticks(view).map((t) => (
          <span key={t} style={{ left: pct(t, view) }}>
            {formatClock(t, false)}
          </span>
        ))}
      </div>
      <figcaption class="muted small">
        Bars: {productLabel}'s clicks (and mentions, prices and calls to buy said) per second (peak {peak}).{' '}
        {pauses ? 'Shaded: pauses in the voice. ' : 'Pauses not measured yet. '}Dashed: the selection's range.
      </figcaption>
    </figure>
  );
}
