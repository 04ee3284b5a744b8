import { afterEach, describe, expect, it, vi } from 'vitest';

/** What the app gave registerSW, to play the worker's events. */
let options: { onNeedRefresh?: () => void } = {};
vi.mock('virtual:pwa-register', () => ({
  registerSW: (given: typeof options) => {
    options = given;
    return async () => {};
  },
}));

/** A fresh copy of the module (its state is per page) on a page a worker does or does not control. */
async function page(controlled: boolean) {
  vi.resetModules();
  vi.stubGlobal('navigator', { serviceWorker: { controller: controlled ? {} : null } });
  const sw = await import('../../src/ui/swUpdate');
  const seen: string[] = [];
  sw.subscribeUpdate((s) => seen.push(s));
  sw.startServiceWorker();
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

describe('update prompt', () => {
  it('says a new version is ready on a page an older worker controls', async () => {
    const seen = await page(true);
    options.onNeedRefresh?.();
    expect(seen).toEqual(['none', 'waiting']);
  });

  it('says nothing on a first visit, where the waiting worker is the first install', async () => {
    const seen = await page(false);
    options.onNeedRefresh?.();
    expect(seen).toEqual(['none']);
  });
});
