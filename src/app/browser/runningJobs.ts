/**
 * Whether a long job (import, cut, render…) is running in any tab of the app, so that an update
 * never reloads the code under one: activating a new service worker switches every tab at once.
 * Each job holds a shared Web Lock while it runs; the browser lists the locks of all tabs and
 * drops a tab's locks when it closes. (Locks, like service workers, need a secure context.)
 */
const LOCK = 'lhs-job';

/** Marks a job as running until the returned function is called. */
export function jobStarted(): () => void {
  let end = () => {};
  const ended = new Promise<void>((resolve) => (end = resolve));
  void globalThis.navigator?.locks?.request(LOCK, { mode: 'shared' }, () => ended);
  return end;
}

export async function jobRunning(): Promise<boolean> {
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name === LOCK);
}
