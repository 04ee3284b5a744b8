import { formatClock } from '../../domain/format';
import type { Pick } from '../../domain/events';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Why this clip was chosen, in the terms of docs/selection.md. */
export function ClipWhy({ clip, snapping }: { clip: Pick; snapping: boolean }) {
  const { why, counts } = clip;
  const edge = (snapped: boolean) => (snapped ? 'snapped to a pause' : snapping ? 'no pause within 3 s' : 'not snapped (audio not measured)');
  return (
    <dl class="why" data-testid="clip-why">
      <dt>Events</dt>
      <dd>
        {counts.click} clicks · {counts.add_to_cart} add-to-cart · {counts.order} orders (score {clip.score})
      </dd>
      <dt>Peak</dt>
      <dd>{why.peakPerMin} weighted events/min (5-s average)</dd>
      <dt>Share</dt>
      <dd>{pct(why.share)} of this product's score in the recording</dd>
      <dt>Window</dt>
      <dd>
        {why.window.source === 'pin' ? 'Pinned' : 'Clicks dominate'} {formatClock(why.window.start)}–{formatClock(why.window.end)}
        {why.nth === 2 && ' · second clip'}
      </dd>
      <dt>Burst</dt>
      <dd>
        {formatClock(why.burst.start)}–{formatClock(why.burst.end)}, lead-in {why.leadInSec.toFixed(1)} s
      </dd>
      <dt>Edges</dt>
      <dd data-testid="clip-edges">
        start {edge(why.snapped.start)}; end {edge(why.snapped.end)}
      </dd>
    </dl>
  );
}
