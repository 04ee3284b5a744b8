/**
 * Undo / redo over immutable snapshots of one document (a clip's edit). Snapshots share every
 * unchanged part with their neighbours (edits are copied structurally), so keeping a hundred is cheap.
 */

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The last recorded change: a change with the same key soon after it merges into the same step. */
  last?: { key: string; at: number };
}

/** Steps kept for undo. */
export const HISTORY_LIMIT = 100;
/** Changes with one key (typing in a field, holding an arrow key) closer than this make one step. */
export const COALESCE_MS = 1000;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export const canUndo = (h: History<unknown>): boolean => h.past.length > 0;
export const canRedo = (h: History<unknown>): boolean => h.future.length > 0;

/**
 * `next` becomes the present; what was there can be undone. With a `key`, a change that follows
 * a change with the same key within COALESCE_MS replaces it instead of adding a step, so a word
 * typed or a run of nudges undoes at once. Any new change drops the redo steps.
 */
export function record<T>(h: History<T>, next: T, change: { key?: string; at?: number } = {}): History<T> {
  if (Object.is(next, h.present)) return h;
  const at = change.at ?? Date.now();
  const last = change.key === undefined ? undefined : { key: change.key, at };
  const merge = last !== undefined && h.last?.key === last.key && at - h.last.at < COALESCE_MS && h.past.length > 0;
  const past = merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], ...(last && { last }) };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  // Checked non-empty above; T itself may include undefined, so no `??` here.
  const previous = h.past[h.past.length - 1] as T;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const [next, ...rest] = h.future as [T, ...T[]];
  return { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present: next, future: rest };
}

/** Every snapshot changed by `f`: a change that belongs to no step, so no undo or redo brings back what it replaced. */
export function throughout<T>(h: History<T>, f: (value: T) => T): History<T> {
  return { ...h, past: h.past.map(f), present: f(h.present), future: h.future.map(f) };
}
