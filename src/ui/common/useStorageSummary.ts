import { useEffect, useRef, useState } from 'preact/hooks';
import { onProjectChange } from '../../app/projects';
import { onShortsChange, shortsUsage, type ShortsUsage } from '../../app/shorts';
import { requestPersistence, storageInfo, type StorageInfo } from '../../app/browser/storageInfo';

export interface StorageSummary {
  info: StorageInfo | undefined;
  byProject: Map<string, ShortsUsage>;
  total: ShortsUsage;
}

/** The browser frees a deleted file once nothing holds it, so usage is looked at again a little later. */
const SETTLE_MS = 5000;

/** Saved shorts per project and in total, and the site's storage as the browser reports it; kept current across tabs. */
export function useStorageSummary(): { summary: StorageSummary | null; askPersist: () => void; refresh: () => void } {
  const [summary, setSummary] = useState<StorageSummary | null>(null);
  const reads = useRef(0);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const load = async () => {
    const read = ++reads.current;
    const [byProject, info] = await Promise.all([shortsUsage().catch(() => new Map<string, ShortsUsage>()), storageInfo()]);
    let total = { count: 0, bytes: 0 };
    for (const u of byProject.values()) total = { count: total.count + u.count, bytes: total.bytes + u.bytes };
    if (read === reads.current) setSummary({ info, byProject, total });
  };
  const changed = () => {
    void load();
    clearTimeout(settle.current);
    settle.current = setTimeout(() => void load(), SETTLE_MS);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribed once; `load` and `changed` only read refs and setters.
  useEffect(() => {
    void load();
    const offShorts = onShortsChange(changed);
    const offProjects = onProjectChange(changed);
    const onShown = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onShown);
    return () => {
      reads.current++;
      clearTimeout(settle.current);
      offShorts();
      offProjects();
      document.removeEventListener('visibilitychange', onShown);
    };
  }, []);
  return { summary, askPersist: () => void requestPersistence(true).then(() => load()), refresh: changed };
}
