/**
 * Change signals between tabs: after every committed write or delete of a project record, the
 * other tabs of this origin hear its id and new version (or that it is gone). A tab never hears
 * its own signals — its views already know what they wrote.
 * Signals can be missed (a tab asleep, no BroadcastChannel); versioned writes keep data safe then.
 */
export type ProjectChange = { id: string; version: number } | { id: string; deleted: true };

const CHANNEL = 'lhs-projects';
const listeners = new Set<(change: ProjectChange) => void>();
let channel: BroadcastChannel | null | undefined;

/** Another version of the app may share the channel: take only messages of this shape. */
function isChange(data: unknown): data is ProjectChange {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.id === 'string' && (d.deleted === true || typeof d.version === 'number');
}

function open(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    channel?.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isChange(e.data)) for (const listener of listeners) listener(e.data);
    });
  }
  return channel;
}

export function announce(change: ProjectChange): void {
  open()?.postMessage(change);
}

/** Calls `listener` for each change another tab commits; returns the unsubscribe. */
export function onProjectChange(listener: (change: ProjectChange) => void): () => void {
  open();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
