import { useEffect, useMemo, useRef } from 'preact/hooks';
import { autoEditFor, clipEditStorage, editFor } from '../../app/clipEdits';
import { ClipEditStore } from '../../app/stores/clipEditStore';
import type { Clip } from '../../domain/clip/override';
import type { EditCommand } from '../../domain/edit/commands';
import type { ProjectRecord } from '../../app/projects';
import { useStore } from '../common/useStore';

export { clipKey } from '../../domain/clip/override';

/**
 * The clip's edit from its store (src/app/stores/clipEditStore.ts): one store per project and
 * clip, so a save always names the clip it was made for. `onGone` when the project was deleted.
 */
export function useClipEdit(project: ProjectRecord, clip: Clip, onGone: () => void) {
  const latest = useRef({ project, clip, onGone });
  latest.current = { project, clip, onGone };
  const store = useMemo(
    () =>
      new ClipEditStore(
        clipEditStorage(project.id, clip.key),
        () => autoEditFor(latest.current.project, latest.current.clip),
        () => latest.current.onGone(),
      ),
    [project.id, clip.key],
  );
  useEffect(() => {
    void store.start();
    // pagehide too: a tab closed or reloaded within the save delay keeps its last change.
    const hide = () => void store.flush();
    addEventListener('pagehide', hide);
    return () => {
      removeEventListener('pagehide', hide);
      void store.dispose();
    };
  }, [store]);
  const { history, saveError, notice, fresh } = useStore(store);
  const loaded = history?.present ?? null;
  // A trim or product change (here or in another tab) while the editor is open: the edit follows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the range and product change what an edit follows; the project's other fields and the clip object's identity do not.
  const edit = useMemo(() => loaded && editFor(project, clip, loaded), [loaded, clip.start, clip.end, clip.product]);

  return {
    edit,
    /** The auto-edit, made just now (nothing stored, or "Reset to auto"): where defaults found on the device (the host's path) still apply. */
    fresh,
    /** A named edit command (domain/edit/commands.ts) on the edit as shown, by its undo policy. */
    run: <A>(command: EditCommand<A>, arg: A) => {
      if (edit) store.run(command, edit, arg);
    },
    reset: () => store.reset(),
    saveError,
    notice,
    dismissNotice: () => store.dismissNotice(),
    undo: () => store.undo(),
    redo: () => store.redo(),
    canUndo: store.canUndo,
    canRedo: store.canRedo,
  };
}
