import { useCallback, useMemo, useState } from 'preact/hooks';
import type { TimeBase } from '../../domain/selection/analysis';
import { withProduct, withTrim, type Clip, type ClipOverride } from '../../domain/clip/override';
import type { Range } from '../../domain/clip/trim';
import type { ClickLog } from '../../domain/clicklog/model';
import type { Weights } from '../../domain/selection/model';
import { quietRuns, type Loudness } from '../../domain/recording/loudness';
import { eventsPerSecond } from '../../domain/clip/trimTimeline';
import { ClipPreview } from './ClipPreview';
import { ProductLink } from './ProductLink';
import { TrimPanel } from './TrimPanel';
import type { SaidSpan } from '../../domain/clip/trimSnap';

interface Props {
  recording: Blob;
  clip: Clip;
  durationSec: number;
  log: ClickLog;
  timeBase: TimeBase;
  weights: Weights;
  /** The recording's loudness, when measured: its pauses show on the trim timeline. */
  loudness: Loudness | undefined;
  /** The recording's transcribed speech, when transcribed: trim edges snap to its sentence ends. */
  said: readonly SaidSpan[];
  /** Store the clip's override; undefined: as the selection made it. */
  onOverride: (override: ClipOverride | undefined) => void;
}

/** The selected clip's preview, trim and product link; the preview shows the edge being trimmed. */
export function ClipReview({ recording, clip, durationSec, log, timeBase, weights, loudness, said, onOverride }: Props) {
  // The edge last moved, kept with its clip so another clip opens at its own start.
  const [moved, setMoved] = useState<{ key: string; t: number } | null>(null);
  const runs = useMemo(() => loudness && quietRuns(loudness), [loudness]);
  // The linked product's clicks when the log has it; a typed product has none: its selection's product's.
  const linkedIndex = log.products.findIndex((p) => p.id === clip.productId);
  const productIndex = linkedIndex >= 0 ? linkedIndex : clip.productIndex;
  const productLabel = log.products[productIndex]?.name ?? log.products[productIndex]?.id ?? clip.productId;
  const streamStartMs = timeBase.streamStartMs ?? log.streamStartMs;
  const rateOf = useCallback(
    (view: Range) => eventsPerSecond(log.events, productIndex, weights, { streamStartMs, offsetSec: timeBase.offsetSec }, view),
    [log, productIndex, weights, streamStartMs, timeBase.offsetSec],
  );

  return (
    <>
      <ClipPreview recording={recording} clip={clip} at={moved?.key === clip.key ? moved.t : undefined} />
      <TrimPanel
        key={clip.key}
        clip={clip}
        durationSec={durationSec}
        rateOf={rateOf}
        pauses={runs}
        loudness={loudness}
        said={said}
        recording={recording}
        productLabel={productLabel}
        onTrim={(range) => onOverride(withTrim(clip, range))}
        onEdge={(t) => setMoved(t === undefined ? null : { key: clip.key, t })}
      />
      <ProductLink key={clip.key} clip={clip} products={log.products} onLink={(product) => onOverride(withProduct(clip, product))} />
    </>
  );
}
