/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * `waiting`: a new version is installed and waits for the user's go. `taken-over`: another tab
 * let it in, so this page runs old code under the new worker until the user reloads it.
 */
export type UpdateState = 'none' | 'waiting' | 'taken-over';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const listeners = new Set<(state: UpdateState) => void>();
let state: UpdateState = 'none';
let requested = false;
let activate: () => Promise<void> = async () => {};

function set(next: UpdateState): void {
  state = next;
  for (const listener of listeners) listener(next);
}

/**
 * Registers the service worker. A new version never takes over by itself: see applyUpdate. Only a
 * page that a worker already controlled can be out of date: on a first visit (no controller) a
 * worker found waiting is the first install, not an update (Firefox ESR showed the banner there).
 * `onShellKept` is called when the first install's precache is complete.
 */
export function startServiceWorker(onShellKept: () => void = () => {}): void {
  const updatable = Boolean(navigator.serviceWorker?.controller);
  activate = registerSW({
    onNeedRefresh: () => updatable && set('waiting'),
    // The new worker controls every tab now: only the tab whose user asked for it reloads.
    onNeedReload: () => (requested ? location.reload() : set('taken-over')),
    // The first install's precache is complete: the shell works offline now.
    onOfflineReady: onShellKept,
    // The browser looks for a new sw.js on navigation; the app can stay open for hours without one.
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
    },
  });
}

export function subscribeUpdate(listener: (state: UpdateState) => void): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

/** Lets the waiting version take over, then reloads (in onNeedReload, once it controls the page). */
export function applyUpdate(): void {
  if (state === 'taken-over') {
    location.reload();
    return;
  }
  requested = true;
  void activate();
}
