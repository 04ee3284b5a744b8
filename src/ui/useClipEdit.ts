import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { autoEditFor, editFor } from '../app/clipEdits';
import type { Clip } from '../domain/clipOverride';
import type { ClipEdit } from '../domain/edit/model';
import { isStorageError } from '../storage/errors';
import { deleteEdit, getEdit, saveEdit } from '../storage/projects';
import type { ProjectRecord } from '../storage/schema';
import { useHistory } from './useHistory';

export { clipKey } from '../domain/clipOverride';

/**
 * The clip's stored edit (or the auto-edit), saved shortly after every change, with undo / redo
 * for this editing session; `onGone` when the project was deleted meanwhile.
 */
export function useClipEdit(project: ProjectRecord, clip: Clip, onGone: () => void) {
  const history = useHistory<ClipEdit>();
  const loaded = history.present;
  const [saveError, setSaveError] = useState<string | null>(null);
  const key = clip.key;
  // A trim or product change (here or in another tab) while the editor is open: the edit follows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the range and product change what an edit follows; the project's other fields and the clip object's identity do not.
  const edit = useMemo(() => loaded && editFor(project, clip, loaded), [loaded, clip.start, clip.end, clip.product]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef<ClipEdit | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per clip: later project or clip changes reach the edit through `editFor`, not a reload that would drop the undo history.
  useEffect(() => {
    let live = true;
    getEdit(project.id, key)
      .then((stored) => live && history.start(stored ?? autoEditFor(project, clip)))
      .catch((e: unknown) => live && setSaveError((e as Error).message));
    return () => {
      live = false;
    };
  }, [project.id, key]);

  const flush = () => {
    clearTimeout(timer.current);
    const next = unsaved.current;
    unsaved.current = null;
    return next ? saveEdit(project.id, key, next) : Promise.resolve();
  };
  const save = (next: ClipEdit) => {
    unsaved.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      flush().then(
        () => setSaveError(null),
        (e: unknown) => (isStorageError(e, 'deleted') ? onGone() : setSaveError((e as Error).message)),
      );
    }, 250);
  };
  /** `coalesce` names a run of changes (typing, nudging) that undoes as one step. */
  const update = (next: ClipEdit, coalesce?: string) => {
    history.record(next, coalesce);
    save(next);
  };
  const step = (stepped: ClipEdit | undefined) => stepped && save(stepped);
  // A change still waiting for its save is written when the editor closes, not dropped (storage refuses it if the project is gone).
  // pagehide too: a tab closed or reloaded within the save delay keeps its last change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `flush` reads refs only, so the first one is as good as the latest.
  useEffect(() => {
    const write = () => void flush().catch(() => undefined);
    addEventListener('pagehide', write);
    return () => {
      removeEventListener('pagehide', write);
      write();
    };
  }, []);

  // Undoable too: undoing a reset saves the edit from before it again.
  const reset = async () => {
    clearTimeout(timer.current);
    unsaved.current = null;
    await deleteEdit(project.id, key);
    history.record(autoEditFor(project, clip));
  };

  return {
    edit,
    update,
    reset,
    saveError,
    undo: () => step(history.undo()),
    redo: () => step(history.redo()),
    canUndo: history.canUndo,
    canRedo: history.canRedo,
  };
}
