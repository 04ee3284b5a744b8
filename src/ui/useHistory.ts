import { useRef, useState } from 'preact/hooks';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from '../domain/edit/history';

/**
 * A document with undo / redo (domain/edit/history.ts) as component state. Each step returns the
 * new present at once (read from a ref), so two steps in one event see each other.
 */
export function useHistory<T>() {
  const [history, setHistory] = useState<History<T> | null>(null);
  const current = useRef(history);
  const apply = (step: (h: History<T>) => History<T>): T | undefined => {
    const h = current.current;
    if (!h) return undefined;
    const next = step(h);
    if (next === h) return undefined;
    current.current = next;
    setHistory(next);
    return next.present;
  };
  return {
    present: history?.present ?? null,
    /** Starts over with `value` and nothing to undo. */
    start: (value: T) => {
      current.current = startHistory(value);
      setHistory(current.current);
    },
    /** A change; `key` merges it with the previous change of the same key (history.ts `record`). */
    record: (value: T, key?: string) => apply((h) => record(h, value, key === undefined ? {} : { key })),
    undo: () => apply(undo),
    redo: () => apply(redo),
    canUndo: !!history && canUndo(history),
    canRedo: !!history && canRedo(history),
  };
}
