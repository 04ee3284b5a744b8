/** One state holder per project for the tab's life (a transcript, a batch): its work goes on while you are on other screens. */
export function perProject<T extends { dispose(): void }>(make: (projectId: string) => T) {
  const held = new Map<string, T>();
  return {
    get(projectId: string): T {
      let store = held.get(projectId);
      if (!store) {
        store = make(projectId);
        held.set(projectId, store);
      }
      return store;
    },
    /** A deleted project's work stops with it. */
    forget(projectId: string): void {
      held.get(projectId)?.dispose();
      held.delete(projectId);
    },
  };
}
