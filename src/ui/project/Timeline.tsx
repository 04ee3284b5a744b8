import { formatClock } from '../../domain/format';
import type { Highlight, ProductWindow } from '../../domain/selection/model';
import type { Product } from '../../domain/clicklog/model';
import { productColor } from './colors';
import type { TimelineBins } from '../../domain/selection/clickTimeline';

interface Props {
  timeline: TimelineBins;
  durationSec: number;
  picks: Highlight[];
  windows: ProductWindow[];
  products: Product[];
  selected: number | null;
  onSelect: (rank: number) => void;
}

const W = 1000;
const H = 140;
const BAND = 12;

/** What a product window's band says it is. */
const WINDOW_LABEL = { pin: 'Pinned', speech: 'Talked about', inferred: 'Most clicks' } as const;

/** Events per bin over the whole recording, with the chosen clip windows shaded. Plain SVG. */
export function Timeline({ timeline, durationSec, picks, windows, products, selected, onSelect }: Props) {
  const { totals, topProduct, binSec } = timeline;
  const max = Math.max(1, ...totals);
  const x = (t: number) => (t / durationSec) * W;
  const barW = Math.max(1, x(binSec) - 1);
  const barTop = BAND + 4;
  const ticks = niceTicks(durationSec);
  const label = (p: number) => (p >= 0 ? (products[p]?.name ?? products[p]?.id ?? '') : '');
  const barH = (n: number) => (n / max) * (H - barTop);
  return (
    <figure class="timeline">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Click timeline: clicks, add-to-carts and orders every ${binSec} s, ${picks.length} chosen clips shaded`}
      >
        {windows.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows are a fixed, ordered list per log.
          <rect key={`b${i}`} class="band" x={x(w.start)} y={0} width={Math.max(1, x(w.end) - x(w.start))} height={BAND} fill={productColor(w.productIndex)}>
            <title>{`${WINDOW_LABEL[w.source]}: ${label(w.productIndex)}, ${formatClock(w.start)}–${formatClock(w.end)}`}</title>
          </rect>
        ))}
        {picks.map((p) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the clip list is the keyboard way to choose a clip.
          <rect
            key={`w${p.rank}`}
            class={`window${selected === p.rank ? ' selected' : ''}`}
            x={x(p.start)}
            y={barTop}
            width={Math.max(2, x(p.end) - x(p.start))}
            height={H - barTop}
            onClick={() => onSelect(p.rank)}
          >
            <title>{`#${p.rank} ${p.productName ?? p.productId}: ${formatClock(p.start)}–${formatClock(p.end)}, score ${p.score}`}</title>
          </rect>
        ))}
        {Array.from(totals, (n, b) =>
          n === 0 ? null : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a bar is its time bin.
            <rect key={b} class="bar" x={x(b * binSec)} y={H - barH(n)} width={barW} height={barH(n)}>
              <title>{`${formatClock(b * binSec)}–${formatClock(Math.min(durationSec, (b + 1) * binSec))}: ${n} clicks, add-to-carts and orders, most for ${label(topProduct[b]!)}`}</title>
            </rect>
          ),
        )}
      </svg>
      {/* The plot stretches to the width; its time labels are HTML so they never do (on a phone, every other one shows). */}
      <div class="timeline-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${(t / durationSec) * 100}%` }}>
            {formatClock(t, false)}
          </span>
        ))}
      </div>
      <figcaption class="muted small">
        Top band: when each product was pinned, talked about or got most of the clicks, one colour per product. Bars: clicks, add-to-carts and orders (and, from
        the transcript, each time you named a product, said a price or asked viewers to buy) every {binSec} s (peak {max}). Shaded: chosen clips — hover for
        details, click to select.
      </figcaption>
    </figure>
  );
}

function niceTicks(duration: number): number[] {
  const steps = [10, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((s) => duration / s <= 8) ?? 7200;
  const out: number[] = [];
  for (let t = 0; t < duration - step / 3; t += step) out.push(t);
  return out;
}
