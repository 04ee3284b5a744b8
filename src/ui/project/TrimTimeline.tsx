import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { edgeBounds, type Edge, type Range } from '../../domain/clip/trim';
import { levelsIn } from '../../domain/clip/trimTimeline';
import { snapEdge, snapTargets, type SaidSpan, type SnapTarget } from '../../domain/clip/trimSnap';
import { formatClock } from '../../domain/format';
import type { Loudness, QuietRun } from '../../domain/recording/loudness';
import { Filmstrip } from './Filmstrip';

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
  /** The recording's loudness, drawn as its waveform; undefined when not measured. */
  loudness: Loudness | undefined;
  /** Transcribed speech inside the view: its sentence ends are snapped to. */
  said: readonly SaidSpan[];
  recording: Blob;
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

/** How near (px) a dragged edge must come to a pause or a sentence end to snap to it: a finger is less exact. */
const SNAP_PX = { mouse: 10, touch: 20 };

/** The track's width in px, followed as the layout changes. */
function useWidth(el: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const seen = new ResizeObserver(() => setWidth(node.clientWidth));
    seen.observe(node);
    return () => seen.disconnect();
  }, [el]);
  return width;
}

/** The waveform as one mirrored SVG area in the plot's units (seconds from the view's start, 0–100). */
function wavePath(loudness: Loudness, view: Range): string {
  const { from, step, levels } = levelsIn(loudness, view);
  if (levels.length === 0) return '';
  const x = (i: number) => (from - view.start + i * step).toFixed(2);
  const top = Array.from(levels, (l, i) => `${x(i)} ${(50 - l * 48).toFixed(1)}`);
  const bottom = Array.from(levels, (l, i) => `${x(i)} ${(50 + l * 48).toFixed(1)}`).reverse();
  return `M${top.join('L')}L${bottom.join('L')}Z`;
}

/**
 * The zoomed clip timeline: frames along the clip, its waveform, the product's events per second,
 * pauses shaded, the selection's range dashed, and two handles that are sliders (arrows 0.1 s,
 * Shift+arrows 1 s, Home/End to the limits) and drag with mouse, pen or touch. A drag snaps to
 * pauses and sentence ends (Alt held: it doesn't); keys never snap.
 */
export function TrimTimeline(props: Props) {
  const { view, range, auto, durationSec, rate, pauses, loudness, said, recording, productLabel, onMove, onSettle } = props;
  const track = useRef<HTMLDivElement>(null);
  const width = useWidth(track);
  /** How far from the edge the pointer took its handle, so the edge does not jump to the pointer. */
  const grab = useRef(0);
  /** What the dragged edge snapped to, shown while the drag lasts. */
  const [snap, setSnap] = useState<(SnapTarget & { edge: Edge }) | null>(null);
  const targets = useMemo(() => ({ start: snapTargets('start', pauses ?? [], said), end: snapTargets('end', pauses ?? [], said) }), [pauses, said]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view's bounds, not the object made anew each render.
  const wave = useMemo(() => loudness && wavePath(loudness, view), [loudness, view.start, view.end]);
  const peak = Math.max(1, ...rate);
  const span = view.end - view.start;
  const xOf = (t: number, box: DOMRect) => box.left + ((t - view.start) / span) * box.width;
  const timeAt = (clientX: number) => {
    const box = track.current!.getBoundingClientRect();
    const ratio = Math.min(1, Math.max(0, (clientX - grab.current - box.left) / box.width));
    return tenth(view.start + ratio * span);
  };
  const drag = (edge: Edge, e: PointerEvent) => {
    const t = timeAt(e.clientX);
    const { lo, hi } = edgeBounds(range, edge, durationSec);
    const reach = ((e.pointerType === 'touch' ? SNAP_PX.touch : SNAP_PX.mouse) / Math.max(1, width)) * span;
    const to = e.altKey ? undefined : snapEdge(t, targets[edge], reach, lo, hi);
    setSnap(to ? { ...to, edge } : null);
    onMove(edge, to ? to.t : t);
  };
  const settle = () => {
    setSnap(null);
    onSettle();
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
        data-snap={snap?.edge === edge ? snap.kind : undefined}
        style={{ left: pct(value, view) }}
        onKeyDown={step}
        onKeyUp={settle}
        onBlur={settle}
        onPointerDown={(e) => {
          grab.current = e.clientX - xOf(value, track.current!.getBoundingClientRect());
          e.currentTarget.setPointerCapture(e.pointerId);
          e.currentTarget.focus();
          e.preventDefault();
        }}
        onPointerMove={(e) => e.currentTarget.hasPointerCapture(e.pointerId) && drag(edge, e)}
        onPointerUp={settle}
        onPointerCancel={settle}
      />
    );
  };

  return (
    <figure class="trim-timeline">
      <div class="trim-track" ref={track} data-from={view.start} data-to={view.end}>
        <div class="trim-plot">
          <Filmstrip recording={recording} view={view} width={width} />
          <svg class="trim-wave" viewBox={`0 0 ${span} 100`} preserveAspectRatio="none" aria-hidden="true" data-testid="trim-wave">
            {wave && <path d={wave} />}
          </svg>
          <svg class="trim-rates" viewBox={`0 0 ${span} 100`} preserveAspectRatio="none" aria-hidden="true">
            {Array.from(rate, (n, i) =>
              // biome-ignore lint/suspicious/noArrayIndexKey: a bar is its second.
              n === 0 ? null : <rect key={i} class="rate" x={i + 0.1} y={100 - (n / peak) * 92} width={0.8} height={(n / peak) * 92} />,
            )}
          </svg>
          <svg class="trim-marks" viewBox={`0 0 ${span} 100`} preserveAspectRatio="none" aria-hidden="true">
            {pauses?.map((p) => (
              <rect key={p.start} class="pause" x={p.start - view.start} y={0} width={p.end - p.start} height={100} />
            ))}
            {targets.end
              .filter((m) => m.kind === 'sentence' && m.t > view.start && m.t < view.end)
              .map((m) => (
                <rect key={m.t} class="sentence" x={m.t - view.start - span / 800} y={0} width={span / 400} height={100} />
              ))}
          </svg>
          {snap && <div class={`trim-snap ${snap.kind}`} style={{ left: pct(snap.t, view) }} />}
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
        Frames, then the sound, then bars: {productLabel}'s clicks (and mentions, prices and calls to buy said) per second (peak {peak}).{' '}
        {pauses ? 'Shaded: pauses in the voice. ' : 'Pauses not measured yet. '}
        {said.length > 0 && 'Lines: sentence ends. '}Dashed: the selection's range. Dragging a handle snaps to pauses
        {said.length > 0 && ' and sentence ends'}
        <span class="fine-only"> (hold Alt not to)</span>.
      </figcaption>
    </figure>
  );
}
