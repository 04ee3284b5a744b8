/**
 * Three-way merge of a clip's edit saved from two tabs: what this tab changed since it read the
 * edit (`base` → `mine`) goes on top of what storage holds now (`theirs`), part by part (nested
 * objects merge key by key; arrays, text and files are one value each). Where both tabs changed
 * the same part differently, the merge names it instead of picking a winner.
 */
import type { ClipEdit } from './model';

export type EditMerge = { ok: true; edit: ClipEdit } | { ok: false; clash: string };

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Equality of stored edit values. Files (Blobs) read back from storage are new objects each time:
 * they count as the same when their size and type match.
 */
export function sameEditValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Blob || b instanceof Blob) return a instanceof Blob && b instanceof Blob && a.size === b.size && a.type === b.type;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameEditValue(v, b[i]));
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => sameEditValue(a[k], b[k]));
}

type Merged = { ok: true; value: unknown } | { ok: false; path: string[] };

function merge(base: unknown, mine: unknown, theirs: unknown, path: string[]): Merged {
  if (sameEditValue(mine, base) || sameEditValue(mine, theirs)) return { ok: true, value: theirs };
  if (sameEditValue(theirs, base)) return { ok: true, value: mine };
  if (!isPlain(mine) || !isPlain(theirs)) return { ok: false, path };
  const b = isPlain(base) ? base : {};
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const m = merge(b[k], mine[k], theirs[k], [...path, k]);
    if (!m.ok) return m;
    if (m.value !== undefined) out[k] = m.value;
  }
  return { ok: true, value: out };
}

const PART_NAMES: Partial<Record<keyof ClipEdit, string>> = {
  output: 'the output size',
  quality: 'the quality',
  reframe: 'the reframe',
  cropX: 'the crop position',
  cropPins: 'the crop pins',
  followHost: 'the reframe',
  tighten: 'the cut pauses',
  hook: 'the hook',
  intro: 'the intro card',
  captions: 'the captions',
  stickers: 'the stickers',
  texts: 'the text overlays',
  music: 'the music',
  post: 'the post text',
  order: 'the layer order',
  madeFor: 'the clip range',
};

export function mergeEdit(base: ClipEdit, mine: ClipEdit, theirs: ClipEdit): EditMerge {
  const m = merge(base, mine, theirs, []);
  if (m.ok) return { ok: true, edit: m.value as ClipEdit };
  const [part] = m.path;
  return { ok: false, clash: PART_NAMES[part as keyof ClipEdit] ?? 'the edit' };
}
