import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../../app/stores/store';

/** The store's current snapshot; the component renders again whenever it changes. */
export function useStore<S>(store: Store<S>): S {
  const [, rerender] = useState(0);
  // A change between this render and the subscription is caught by comparing snapshots.
  useEffect(() => {
    const seen = store.snapshot;
    const unsubscribe = store.subscribe(() => rerender((n) => n + 1));
    if (store.snapshot !== seen) rerender((n) => n + 1);
    return unsubscribe;
  }, [store]);
  return store.snapshot;
}
