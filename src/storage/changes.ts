/**
 * Change signals between tabs: after every committed write or delete of a project record, the
 * other tabs of this origin hear its id and new version (or that it is gone). A tab never hears
 * its own signals — its views already know what they wrote.
 * Signals can be missed (a tab asleep, no BroadcastChannel); versioned writes keep data safe then.
 */
export type ProjectChange = { id: string; version: number } | { id: string; deleted: true };

/**
 * A project's saved shorts changed (one saved, its text edited, or deleted). Unlike project
 * changes these are heard in this tab too: the editor saves shorts that the project view lists.
 */
export type ShortsChange = { shortsOf: string };

/** A clip's edit was stored (or deleted: version 0) in another tab; `editOf` is "<project id>/<clip key>". */
export type EditChange = { editOf: string; version: number };

const CHANNEL = 'lhs-projects';
const listeners = new Set<(change: ProjectChange) => void>();
const shortsListeners = new Set<(projectId: string) => void>();
const editListeners = new Set<(change: EditChange) => void>();
let channel: BroadcastChannel | null | undefined;

/** Another version of the app may share the channel: take only messages of this shape. */
function isChange(data: unknown): data is ProjectChange {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.id === 'string' && (d.deleted === true || typeof d.version === 'number');
}

const isEditChange = (data: unknown): data is EditChange =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as Record<string, unknown>).editOf === 'string' &&
  typeof (data as Record<string, unknown>).version === 'number';

const isShortsChange = (data: unknown): data is ShortsChange =>
  typeof data === 'object' && data !== null && typeof (data as Record<string, unknown>).shortsOf === 'string';

function open(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    channel?.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isChange(e.data)) for (const listener of listeners) listener(e.data);
      else if (isShortsChange(e.data)) for (const listener of shortsListeners) listener(e.data.shortsOf);
      else if (isEditChange(e.data)) for (const listener of editListeners) listener(e.data);
    });
  }
  return channel;
}

export function announce(change: ProjectChange): void {
  open()?.postMessage(change);
}

/** Adds `listener` to `set` (the channel open from now on); returns the unsubscribe. */
function listen<L>(set: Set<L>, listener: L): () => void {
  open();
  set.add(listener);
  return () => void set.delete(listener);
}

/** Calls `listener` for each change another tab commits; returns the unsubscribe. */
export const onProjectChange = (listener: (change: ProjectChange) => void): (() => void) => listen(listeners, listener);

export function announceShorts(projectId: string): void {
  open()?.postMessage({ shortsOf: projectId } satisfies ShortsChange);
  for (const listener of shortsListeners) listener(projectId);
}

/** Calls `listener` with the project id whenever a project's shorts change, in any tab; returns the unsubscribe. */
export const onShortsChange = (listener: (projectId: string) => void): (() => void) => listen(shortsListeners, listener);

export function announceEdit(change: EditChange): void {
  open()?.postMessage(change);
}

/** Calls `listener` for each clip edit another tab stores or deletes; returns the unsubscribe. */
export const onEditChange = (listener: (change: EditChange) => void): (() => void) => listen(editListeners, listener);
