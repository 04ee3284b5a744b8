import { useEffect, useMemo, useState } from 'preact/hooks';
import { analysis } from '../../app/services';
import type { ClickLog } from '../../domain/clicklog/model';
import type { ProductList } from '../../domain/clicklog/productList';
import type { Loudness } from '../../domain/recording/loudness';
import { spokenProducts, withSpokenEvents } from '../../domain/signals/spokenLog';
import type { SaidText, SpokenSignals } from '../../domain/speech/spokenSignals';
import { CancelledError } from '../../domain/errors/mediaFailure';

/**
 * The log the selection reads: `base` with what the transcript says added (issue 19). The
 * transcript is read in the analysis worker, off the page: seconds for a 3-hour stream. Until
 * its answer, and when nothing is said, the log is `base`. The same object while nothing changes:
 * the analysis worker keeps a log by its identity.
 */
export function useSpokenLog(
  base: ClickLog | undefined,
  list: ProductList | undefined,
  segments: SaidText[],
  durationSec: number,
  offsetSec: number,
  loudness: Loudness | undefined,
): ClickLog | undefined {
  const products = useMemo(() => spokenProducts(base?.products ?? [], list), [base, list]);
  const [spoken, setSpoken] = useState<{ for: unknown[]; signals: SpokenSignals } | undefined>(undefined);
  useEffect(() => {
    if (segments.length === 0) return;
    const ctrl = new AbortController();
    const inputs = [segments, products, durationSec, loudness];
    analysis()
      .spoken(segments, products, durationSec, loudness, ctrl.signal)
      .then((signals) => setSpoken({ for: inputs, signals }))
      .catch((e: unknown) => {
        if (!(e instanceof CancelledError)) console.error('Reading the transcript for highlights failed', e);
      });
    return () => ctrl.abort();
  }, [segments, products, durationSec, loudness]);
  // An answer read for other products is dropped: its product numbers point into them.
  const current = segments.length > 0 && spoken?.for[1] === products ? spoken.signals : undefined;
  return useMemo(() => (current ? withSpokenEvents(base, products, current, offsetSec) : base), [base, products, current, offsetSec]);
}
