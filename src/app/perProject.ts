/** Every per-project registry made, so a deleted project's work stops in all of them. */
const registries = new Set<(projectId: string) => void>();

/**
 * One state holder per project for the tab's life (a transcript, a batch, a clip's render): its
 * work goes on while you are on other screens.
 */
export function perProject<T extends { dispose(): void }>(make: (projectId: string) => T) {
  const held = new Map<string, T>();
  const forget = (projectId: string): void => {
    held.get(projectId)?.dispose();
    held.delete(projectId);
  };
  registries.add(forget);
  return {
    get(projectId: string): T {
      let store = held.get(projectId);
      if (!store) {
        store = make(projectId);
        held.set(projectId, store);
      }
      return store;
    },
  };
}

/**
 * A deleted project's work stops, whichever registries hold it. Registries live in the modules
 * that use them, so this one stays small enough for the home page (which deletes projects) and
 * a registry whose module never loaded holds nothing to stop.
 */
export function forgetProject(projectId: string): void {
  for (const forget of registries) forget(projectId);
}
