/**
 * The overlays of an edit as one list of elements (what the canvas shows, the layer list names
 * and the keyboard moves or deletes), each found by a ref.
 */
import type { ClipEdit, ElementLayout } from './model';

/** The parts of an edit that are overlays (what the canvas scene is built from). */
export type Overlays = Pick<ClipEdit, 'captions' | 'stickers' | 'texts' | 'intro' | 'order'>;

export type ElementRef = { kind: 'intro' } | { kind: 'caption' } | { kind: 'sticker'; key: string } | { kind: 'text'; key: string };

export const sameRef = (a: ElementRef | null | undefined, b: ElementRef | null | undefined): boolean =>
  !!a && !!b && a.kind === b.kind && ('key' in a ? 'key' in b && a.key === b.key : true);

/** A stable string for a ref: DOM ids, history keys. */
export const refId = (r: ElementRef): string => ('key' in r ? `${r.kind}-${r.key}` : r.kind);

export interface Element {
  ref: ElementRef;
  layout: ElementLayout;
  /** When it shows, seconds of clip time (captions: one span per line). */
  spans: Array<[number, number]>;
}

/** Every enabled overlay, in compositing order (later ones on top): the seller's order, else the default. */
export function elementsOf(edit: Overlays): Element[] {
  const all = defaultOrder(edit);
  const order = edit.order;
  if (!order) return all;
  const rank = (e: Element) => {
    const i = order.indexOf(refId(e.ref));
    return i < 0 ? order.length : i;
  };
  // Array sort is stable: the ones not in the order (added since) keep their default order, on top.
  return all.sort((a, b) => rank(a) - rank(b));
}

/**
 * The order with `ref` moved one layer up (+1) or down (-1) among the enabled overlays, as ref
 * ids bottom to top; null when it is already at that end.
 */
export function movedOrder(edit: Overlays, ref: ElementRef, dir: 1 | -1): string[] | null {
  const ids = elementsOf(edit).map((e) => refId(e.ref));
  const i = ids.indexOf(refId(ref));
  const j = i + dir;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  return ids;
}

function defaultOrder(edit: Overlays): Element[] {
  const out: Element[] = [];
  if (edit.captions.enabled && edit.captions.cues.length > 0) {
    out.push({ ref: { kind: 'caption' }, layout: edit.captions.layout, spans: edit.captions.cues.map((c) => [c.start, c.end]) });
  }
  for (const s of edit.stickers) out.push({ ref: { kind: 'sticker', key: s.key }, layout: s.layout, spans: [[s.from, s.to]] });
  for (const t of edit.texts ?? []) out.push({ ref: { kind: 'text', key: t.key }, layout: t.layout, spans: [[t.from, t.to]] });
  if (edit.intro.enabled) out.push({ ref: { kind: 'intro' }, layout: edit.intro.layout, spans: [[0, edit.intro.durationSec]] });
  return out;
}

export const findElement = (edit: Overlays, ref: ElementRef | null): Element | undefined => elementsOf(edit).find((e) => sameRef(e.ref, ref));

export const shownAt = (e: Element, t: number): boolean => e.spans.some(([from, to]) => t >= from && t < to);

export function withLayout(edit: ClipEdit, ref: ElementRef, layout: ElementLayout): ClipEdit {
  switch (ref.kind) {
    case 'intro':
      return { ...edit, intro: { ...edit.intro, layout } };
    case 'caption':
      return { ...edit, captions: { ...edit.captions, layout } };
    case 'sticker':
      return { ...edit, stickers: edit.stickers.map((s) => (s.key === ref.key ? { ...s, layout } : s)) };
    case 'text':
      return { ...edit, texts: (edit.texts ?? []).map((t) => (t.key === ref.key ? { ...t, layout } : t)) };
  }
}

/** The edit without the element: stickers and texts are removed, the intro card and captions turned off. */
export function withoutElement(edit: ClipEdit, ref: ElementRef): ClipEdit {
  switch (ref.kind) {
    case 'intro':
      return { ...edit, intro: { ...edit.intro, enabled: false } };
    case 'caption':
      return { ...edit, captions: { ...edit.captions, enabled: false } };
    case 'sticker':
      return { ...edit, stickers: edit.stickers.filter((s) => s.key !== ref.key) };
    case 'text':
      return { ...edit, texts: (edit.texts ?? []).filter((t) => t.key !== ref.key) };
  }
}

/** A key no element of the edit has yet, e.g. "text-3". */
export function freshKey(edit: ClipEdit, prefix: 'sticker' | 'text'): string {
  const taken = new Set([...edit.stickers.map((s) => s.key), ...(edit.texts ?? []).map((t) => t.key)]);
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
