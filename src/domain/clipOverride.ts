import { MAX_CLIP_SEC, type Highlight, type Product } from './events';
import { capText, formatClock, PRICE_MAX, PRODUCT_NAME_MAX } from './format';

/** A product a clip is linked to: one of the log's, or one the user typed (with its shop link). */
export interface LinkedProduct extends Product {
  url?: string;
}

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

export interface Range {
  start: number;
  end: number;
}

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

/** Shortest trim, seconds (a recording shorter than this is the clip). */
export const MIN_TRIM_SEC = 1;
const EPS = 1e-6;
const same = (a: number, b: number) => Math.abs(a - b) < EPS;

export const sameProduct = (a: LinkedProduct, b: LinkedProduct) => a.id === b.id && a.name === b.name && a.price === b.price && a.url === b.url;

/**
 * `range` moved into the limits: inside the recording, at most MAX_CLIP_SEC and at least
 * MIN_TRIM_SEC long. The start is kept where it can be; the end gives way first.
 */
export function limitRange({ start, end }: Range, durationSec: number): Range {
  const minLen = Math.min(MIN_TRIM_SEC, durationSec);
  const s = Math.min(Math.max(0, start), durationSec - minLen);
  return { start: s, end: Math.min(Math.max(end, s + minLen), s + MAX_CLIP_SEC, durationSec) };
}

export type Edge = 'start' | 'end';
export type Limit = 'recording' | 'max' | 'min';

/**
 * Where `edge` may go with the other edge where it is: [earliest, latest], and which limit holds
 * it on the far side (60 s, or the recording's own edge when that is nearer); on the near side
 * the minimum length holds it.
 */
export function edgeBounds(range: Range, edge: Edge, durationSec: number): { lo: number; hi: number; far: Limit } {
  const minLen = Math.min(MIN_TRIM_SEC, durationSec);
  if (edge === 'start') {
    const far = range.end - MAX_CLIP_SEC;
    return { lo: Math.max(0, far), hi: range.end - minLen, far: far >= 0 ? 'max' : 'recording' };
  }
  const far = range.start + MAX_CLIP_SEC;
  return { lo: range.start + minLen, hi: Math.min(durationSec, far), far: far <= durationSec ? 'max' : 'recording' };
}

/**
 * Moves one edge to `value`, held at the limits; says which limit held it. The other edge never
 * moves: a trim changes only what the user touched.
 */
export function setEdge(range: Range, edge: Edge, value: number, durationSec: number): { range: Range; limit?: Limit } {
  const { lo, hi, far } = edgeBounds(range, edge, durationSec);
  const held = Math.min(Math.max(value, lo), hi);
  const early = value < lo - EPS;
  const late = value > hi + EPS;
  const limit = (edge === 'start' ? early : late) ? far : early || late ? 'min' : undefined;
  const moved = edge === 'start' ? { start: held, end: range.end } : { start: range.start, end: held };
  return { range: moved, ...(limit && { limit }) };
}

/** What the user is told when a limit held an edge. */
export function limitMessage(edge: Edge, limit: Limit, range: Range, durationSec: number): string {
  const at = formatClock(range[edge]);
  if (limit === 'max') return `A clip is at most ${MAX_CLIP_SEC} s: the ${edge} is held at ${at}.`;
  if (limit === 'min') {
    const minLen = Math.min(MIN_TRIM_SEC, durationSec);
    return edge === 'start'
      ? `The start must be at least ${minLen} s before the end: it is held at ${at}.`
      : `The end must be at least ${minLen} s after the start: it is held at ${at}.`;
  }
  return edge === 'start'
    ? 'The clip cannot start before the recording: the start is held at 0:00.'
    : `The recording ends at ${formatClock(durationSec)}: the end is held there.`;
}

/** The pick with its override applied; a stored range outside today's limits is brought inside them. */
export function clipOf(pick: Highlight, override: ClipOverride | undefined, products: readonly Product[], durationSec: number): Clip {
  const autoProduct = products[pick.productIndex] ?? { id: pick.productId, ...(pick.productName !== undefined && { name: pick.productName }) };
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
    trimmed: !same(range.start, pick.start) || !same(range.end, pick.end),
    relinked: override?.product !== undefined,
  };
}

export function applyOverrides(picks: readonly Highlight[], overrides: ClipOverrides | undefined, products: readonly Product[], durationSec: number): Clip[] {
  return picks.map((p) => clipOf(p, overrides?.[clipKey(p)], products, durationSec));
}

/** The clip's override with a new range (or, `undefined`, back to the selection's); empty parts are dropped. */
export function withTrim(clip: Clip, range: Range | undefined): ClipOverride | undefined {
  const keep = range && !(same(range.start, clip.auto.start) && same(range.end, clip.auto.end));
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

export interface ProductDraft {
  id: string;
  name: string;
  price: string;
  url: string;
}
export type ProductErrors = Partial<Record<keyof ProductDraft, string>>;

const ID_MAX = 100;

/** A typed product, checked: an id and a name are needed; the link must be a web address. */
export function validateProduct(draft: ProductDraft): { product: LinkedProduct } | { errors: ProductErrors } {
  const id = draft.id.trim();
  const name = draft.name.replace(/\s+/g, ' ').trim();
  const price = draft.price.trim();
  const url = draft.url.trim();
  const errors: ProductErrors = {};
  if (id === '') errors.id = 'Give the product id (as in TikTok Shop).';
  else if (id.length > ID_MAX) errors.id = `At most ${ID_MAX} characters.`;
  if (name === '') errors.name = 'Give the product name: the intro card shows it.';
  else if (capText(name, PRODUCT_NAME_MAX) !== name) errors.name = `At most ${PRODUCT_NAME_MAX} characters.`;
  if (capText(price, PRICE_MAX) !== price) errors.price = `At most ${PRICE_MAX} characters.`;
  if (url !== '' && !isWebUrl(url)) errors.url = 'A web address starting with https:// (or http://).';
  if (Object.keys(errors).length > 0) return { errors };
  return { product: { id, name, ...(price && { price }), ...(url && { url }) } };
}

function isWebUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}
