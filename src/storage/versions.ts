import { StorageError } from './errors';
import type { ProjectRecord } from './schema';

/**
 * What a write may change: not the identity or the recording (fixed at import), nor `version`
 * and `updatedAt` (storage's own). A field set to `undefined` is removed.
 */
export type ProjectPatch = Partial<Omit<ProjectRecord, 'id' | 'createdAt' | 'recording' | 'version' | 'updatedAt'>>;
type Field = keyof ProjectPatch;

/** A field whose meaning depends on another: the offset lines up the log it was set for. */
const DEPENDS_ON: { [K in Field]?: Field } = { offsetSec: 'log' };

const FIELD_NAMES: Record<Field, string> = {
  name: 'the name',
  log: 'the click log',
  streamStartMs: 'the stream start',
  streamStartFile: 'the stream start',
  offsetSec: 'the time offset',
  transcript: 'the transcript',
  hashtags: 'the hashtags',
  captionLook: 'the default caption look',
  tightenAll: 'the "Tighten every clip" setting',
  selection: 'the selection settings',
  clipOverrides: 'the trim or product of a clip',
  productList: 'the product list',
};

/** Structural equality of stored (plain, JSON-like) values; an `undefined` field counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue(ra[k], rb[k]));
}

/** `record` with `patch` applied, one version on. */
export function applyPatch(record: ProjectRecord, patch: ProjectPatch, now: number): ProjectRecord {
  const next: Record<string, unknown> = { ...record, ...patch, version: record.version + 1, updatedAt: now };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as unknown as ProjectRecord;
}

/**
 * The record to store for `patch`, made against `base`, now that storage holds `current`.
 * Same version: the patch applies. A newer one (another tab wrote meanwhile): a three-way merge
 * per field — the patch applies on top of the newer record when none of its fields, nor what
 * they depend on, changed since `base`; otherwise the write is refused, so a stale tab never
 * overwrites newer data (e.g. an old log summary over a replaced log). Clip overrides merge per clip.
 */
export function rebase(base: ProjectRecord, current: ProjectRecord, patch: ProjectPatch, now: number): ProjectRecord {
  if (current.version === base.version) return applyPatch(current, patch, now);
  const touched = (Object.keys(patch) as Field[]).filter((f) => f !== 'clipOverrides').flatMap((f) => [f, DEPENDS_ON[f]]);
  const clash = touched.find((f): f is Field => f !== undefined && !sameValue(base[f], current[f]));
  if (clash) throw new StorageError(`Not saved: ${FIELD_NAMES[clash]} was changed in another tab after this tab read it.`, 'conflict');
  return applyPatch(current, 'clipOverrides' in patch ? { ...patch, clipOverrides: mergeOverrides(base, current, patch.clipOverrides) } : patch, now);
}

/**
 * Clip overrides merge per clip: two tabs trimming different clips both keep theirs. A clip this
 * patch changes must be as `base` had it; otherwise the write is refused.
 */
function mergeOverrides(base: ProjectRecord, current: ProjectRecord, mine: ProjectRecord['clipOverrides']): ProjectRecord['clipOverrides'] {
  const before = base.clipOverrides ?? {};
  const now = current.clipOverrides ?? {};
  const wanted = mine ?? {};
  const changed = [...new Set([...Object.keys(before), ...Object.keys(wanted)])].filter((k) => !sameValue(before[k], wanted[k]));
  if (changed.some((k) => !sameValue(before[k], now[k])))
    throw new StorageError(`Not saved: ${FIELD_NAMES.clipOverrides} was changed in another tab after this tab read it.`, 'conflict');
  const merged = { ...now };
  for (const k of changed) {
    const o = wanted[k];
    if (o) merged[k] = o;
    else delete merged[k];
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}
