/** What the browser reports about this site's storage. */
export interface StorageInfo {
  /** Bytes used and the most the browser says it would grant (estimate()). */
  usage: number;
  quota: number;
  /** Whether the browser promised not to clear this site's data under storage pressure; undefined where it cannot say. */
  persisted: boolean | undefined;
}

export async function storageInfo(): Promise<StorageInfo | undefined> {
  const storage = navigator.storage as StorageManager | undefined;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  if (estimate?.usage === undefined || estimate.quota === undefined) return undefined;
  const persisted = await storage?.persisted?.().catch(() => undefined);
  return { usage: estimate.usage, quota: estimate.quota, persisted };
}

/** Bytes the browser reports free for this site. It can grant less (it keeps disk headroom): a warning, never a promise. */
export const freeBytes = (info: StorageInfo) => Math.max(0, info.quota - info.usage);

/** When `bytes` will not fit in what the browser reports free: how much is free; otherwise null (or when it cannot say). */
export async function wontFit(bytes: number): Promise<number | null> {
  const info = await storageInfo();
  return info && freeBytes(info) < bytes ? freeBytes(info) : null;
}

const ASKED_KEY = 'lhs.persistAsked';

/**
 * Asks the browser to keep this site's data (shorts took minutes to make) — once per browser on
 * its own, since Firefox asks the user each time; `force` when the user asks again. Chromium
 * decides silently (installed app, site engagement). Resolves to whether it is kept.
 */
export async function requestPersistence(force = false): Promise<boolean | undefined> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return undefined;
  if (await storage.persisted().catch(() => false)) return true;
  try {
    if (!force && localStorage.getItem(ASKED_KEY)) return false;
    localStorage.setItem(ASKED_KEY, String(Date.now()));
  } catch {
    // localStorage blocked: ask anyway.
  }
  return storage.persist().catch(() => false);
}
