/** A selected clip as the user left it: the selection's pick with its stored trim and product link applied. */
import type { Product } from '../clicklog/model';
import type { Highlight } from '../selection/model';
import { sameProduct, type LinkedProduct } from './product';
import { limitRange, sameTime, type Range } from './trim';

/** The user's changes to one selected clip; what is absent stays as the selection made it. */
export interface ClipOverride {
  start?: number;
  end?: number;
  product?: LinkedProduct;
}

/** Per clip, keyed by `clipKey` of the selection's pick. */
export type ClipOverrides = Readonly<Record<string, ClipOverride>>;

/**
 * Stable across re-selection and across a product change: the selection's product, which of
 * its windows (1 = first shown) and, for a later peak of the same window, which peak. Edits and
 * overrides are stored under it. (Two clips of one window shared a key before peaks were told apart.)
 */
export const clipKey = (p: Highlight) => `${p.productId}#${p.why.pitch}${p.why.peak > 1 ? `.${p.why.peak}` : ''}`;

/** A clip as an edit sees it: its range in the recording and its product. */
export interface ClipFacts extends Range {
  product: LinkedProduct;
}

/**
 * A pick with the user's override applied: range, product id and name as the user set them, so
 * every consumer (preview, cut, render, file names, exports) follows. `score`, `counts` and `why`
 * stay the selection's: they describe the moment it found.
 */
export interface Clip extends Highlight {
  key: string;
  product: LinkedProduct;
  /** What the selection chose: "Reset to auto", and what an edit made before any override was for. */
  auto: ClipFacts;
  trimmed: boolean;
  relinked: boolean;
}

/** The pick with its override applied; a stored range outside today's limits is brought inside them. */
export function clipOf(pick: Highlight, override: ClipOverride | undefined, products: readonly Product[], durationSec: number): Clip {
  // The log's product at the pick's index, while it is the pick's: a list shown while a newer log's
  // selection runs must not name its clips after the newer log's products.
  const listed = products[pick.productIndex];
  const autoProduct = listed?.id === pick.productId ? listed : { id: pick.productId, ...(pick.productName !== undefined && { name: pick.productName }) };
  const auto = { start: pick.start, end: pick.end, product: autoProduct };
  const wanted = { start: override?.start ?? pick.start, end: override?.end ?? pick.end };
  const range = override?.start === undefined && override?.end === undefined ? wanted : limitRange(wanted, durationSec);
  const product = override?.product ?? autoProduct;
  return {
    ...pick,
    ...range,
    productId: product.id,
    productName: product.name,
    key: clipKey(pick),
    product,
    auto,
    trimmed: !sameTime(range.start, pick.start) || !sameTime(range.end, pick.end),
    relinked: override?.product !== undefined,
  };
}

export function applyOverrides(picks: readonly Highlight[], overrides: ClipOverrides | undefined, products: readonly Product[], durationSec: number): Clip[] {
  return picks.map((p) => clipOf(p, overrides?.[clipKey(p)], products, durationSec));
}

/** The clip's override with a new range (or, `undefined`, back to the selection's); empty parts are dropped. */
export function withTrim(clip: Clip, range: Range | undefined): ClipOverride | undefined {
  const keep = range && !(sameTime(range.start, clip.auto.start) && sameTime(range.end, clip.auto.end));
  return compact({ ...(keep && { start: range.start, end: range.end }), ...(clip.relinked && { product: clip.product }) });
}

/** The clip's override with another product (the selection's own product drops the link). */
export function withProduct(clip: Clip, product: LinkedProduct): ClipOverride | undefined {
  const own = sameProduct(product, clip.auto.product);
  return compact({ ...(clip.trimmed && { start: clip.start, end: clip.end }), ...(!own && { product }) });
}

const compact = (o: ClipOverride): ClipOverride | undefined => (o.start === undefined && o.end === undefined && o.product === undefined ? undefined : o);

/** `overrides` with `key` set, or removed when `override` is undefined. */
export function setOverride(overrides: ClipOverrides | undefined, key: string, override: ClipOverride | undefined): ClipOverrides | undefined {
  const next: Record<string, ClipOverride> = { ...overrides };
  if (override) next[key] = override;
  else delete next[key];
  return Object.keys(next).length > 0 ? next : undefined;
}
