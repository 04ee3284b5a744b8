import { useEffect, useRef, useState } from 'preact/hooks';
import { editOrAuto } from '../../app/clipEdits';
import type { Clip } from '../../domain/clip/override';
import { shortFingerprint } from '../../domain/shorts/fingerprint';
import type { ProjectRecord } from '../../app/projects';
import { listShorts, onShortsChange, type SavedShort } from '../../app/shorts';
import { messageOf } from '../../domain/errors/messageOf';

/** A project's saved shorts, newest first; re-read when any tab saves, edits or deletes one, and when the tab is shown. */
export function useShorts(projectId: string): { shorts: SavedShort[] | null; error: string | null } {
  const [shorts, setShorts] = useState<SavedShort[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reads = useRef(0);
  useEffect(() => {
    const load = () => {
      const read = ++reads.current;
      listShorts(projectId).then(
        (list) => {
          if (read !== reads.current) return;
          setShorts(list);
          setError(null);
        },
        (e: unknown) => read === reads.current && setError(messageOf(e)),
      );
    };
    load();
    const unsubscribe = onShortsChange((id) => id === projectId && load());
    const onShown = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onShown);
    return () => {
      reads.current++;
      unsubscribe();
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [projectId]);
  return { shorts, error };
}

/** Whether a short still shows what its clip is now: `stale` when the edit, range or product changed; `gone` when the clip is no longer selected. */
export type ShortStatus = 'current' | 'stale' | 'gone';

/**
 * Each short's status against the clips as they are now (their stored edits read once per clip);
 * none while the clips are still being found (`clips` undefined), rather than all `gone`.
 */
export function useShortStatus(project: ProjectRecord, clips: readonly Clip[] | undefined, shorts: readonly SavedShort[] | null): Map<string, ShortStatus> {
  const [status, setStatus] = useState(new Map<string, ShortStatus>());
  // The view makes its clips anew on each render: look again only when one of them changed.
  const clipsNow = clips?.map((c) => `${c.key}@${c.start}-${c.end}:${c.product.id}/${c.product.name ?? ''}/${c.product.price ?? ''}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `clipsNow` is the clips' content: the view makes new clip objects on every render.
  useEffect(() => {
    if (!shorts || !clips) return;
    let live = true;
    const now = new Map<string, string | undefined>();
    void Promise.all(
      [...new Set(shorts.map((s) => s.clipKey))].map(async (key) => {
        const clip = clips.find((c) => c.key === key);
        const edit = clip && (await editOrAuto(project, clip));
        now.set(key, clip && edit && shortFingerprint({ edit, range: clip, product: clip.product }));
      }),
    ).then(() => {
      if (!live) return;
      const next = new Map<string, ShortStatus>();
      for (const s of shorts) {
        const current = now.get(s.clipKey);
        next.set(s.id, current === undefined ? 'gone' : current === s.fingerprint ? 'current' : 'stale');
      }
      setStatus(next);
    });
    return () => {
      live = false;
    };
  }, [project, clipsNow, shorts]);
  return status;
}
