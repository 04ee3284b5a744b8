/**
 * The log the selection reads once the recording is transcribed (issue 19): the project's own log
 * (or none) with what the host said added as events, and the product list's products the log
 * lacks. A seller with only a recording and a product list, or a recording alone, gets highlights.
 */
import { kindCode, type ClickLog, type Product } from '../clicklog/model';
import { productKey, type ProductList } from '../clicklog/productList';
import type { Loudness } from '../recording/loudness';
import { spokenSignals, type SaidText, type SpokenSignals } from '../speech/spokenSignals';

/** What the transcript is read against: the log's products, then the list's products it does not hold (by id or by name). */
export function spokenProducts(base: readonly Product[], list: ProductList | undefined): Product[] {
  const ids = new Set(base.map((p) => productKey(p.id)));
  const names = new Set(base.flatMap((p) => (p.name ? [productKey(p.name)] : [])));
  return [...base, ...(list?.products ?? []).filter((p) => !ids.has(productKey(p.id)) && !(p.name && names.has(productKey(p.name))))];
}

/**
 * `base` (already given the list's names and prices) with the transcript's events, in recording
 * time: `offsetSec` is added because the analysis subtracts it from every event of the log. The
 * recording's `loudness`, once measured, tells which utterances the host said louder. The
 * same `base` when the transcript says nothing the selection can use.
 */
export function withSpokenSignals(
  base: ClickLog | undefined,
  list: ProductList | undefined,
  segments: readonly SaidText[],
  durationSec: number,
  offsetSec: number,
  loudness?: Loudness,
): ClickLog | undefined {
  const products = spokenProducts(base?.products ?? [], list);
  return withSpokenEvents(base, products, spokenSignals(segments, products, durationSec, loudness), offsetSec);
}

/**
 * `base` with `spoken` (what `spokenSignals` found for `products`) added: the merge, cheap,
 * apart from reading the transcript, which the app does in the analysis worker.
 */
export function withSpokenEvents(base: ClickLog | undefined, products: Product[], spoken: SpokenSignals, offsetSec: number): ClickLog | undefined {
  const { added, events } = spoken;
  if (events.length === 0) return base;
  const old = base?.events;
  const n = old?.time.length ?? 0;
  const time = new Float64Array(n + events.length);
  const absolute = new Uint8Array(n + events.length);
  const kind = new Uint8Array(n + events.length);
  const product = new Uint32Array(n + events.length);
  if (old) {
    time.set(old.time);
    absolute.set(old.absolute);
    kind.set(old.kind);
    product.set(old.product);
  }
  events.forEach((e, i) => {
    time[n + i] = e.time + offsetSec;
    kind[n + i] = kindCode(e.kind);
    product[n + i] = e.product;
  });
  return {
    fileName: base?.fileName ?? '',
    format: base?.format ?? 'csv',
    ...(base?.signals && { signals: base.signals }),
    ...(base?.streamStartMs !== undefined && { streamStartMs: base.streamStartMs }),
    products: [...products, ...added],
    events: { time, absolute, kind, product },
    rejected: base?.rejected ?? [],
    rejectedCount: base?.rejectedCount ?? 0,
  };
}
