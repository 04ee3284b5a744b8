/**
 * The app's state holders share this: a current snapshot (replaced, never mutated) and listeners
 * told after each change. Plain TypeScript, so stores are tested without a DOM; the UI reads
 * them through `useStore` (src/ui/useStore.ts).
 */
export class Store<S> {
  #state: S;
  readonly #listeners = new Set<() => void>();

  constructor(initial: S) {
    this.#state = initial;
  }

  get snapshot(): S {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  protected update(change: Partial<S>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }
}

/** What happened to this tab's view because of another tab: a refresh (info) or a refused write (error). */
export interface Notice {
  kind: 'info' | 'error';
  message: string;
}
