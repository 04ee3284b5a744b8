import { useEffect, useRef, useState } from 'preact/hooks';
import { autoEdit, type ClipEdit } from '../domain/edit/model';
import { DEFAULT_HASHTAGS } from '../domain/edit/postText';
import type { Pick, Product } from '../domain/events';
import { isStorageError } from '../storage/errors';
import { deleteEdit, getEdit, saveEdit } from '../storage/projects';
import type { ProjectRecord } from '../storage/schema';

/** Stable across re-selection: the product and which of its pitches (1 = first shown). */
export const clipKey = (p: Pick) => `${p.productId}#${p.why.pitch}`;

export function autoEditFor(project: ProjectRecord, pick: Pick, product: Product): ClipEdit {
  return autoEdit({ pick, product, ...(project.transcript && { transcript: project.transcript.cues }), hashtags: project.hashtags ?? DEFAULT_HASHTAGS });
}

/** The clip's stored edit (or the auto-edit), saved shortly after every change; `onGone` when the project was deleted meanwhile. */
export function useClipEdit(project: ProjectRecord, pick: Pick, product: Product, onGone: () => void) {
  const [edit, setEdit] = useState<ClipEdit | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const key = clipKey(pick);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef<ClipEdit | null>(null);

  useEffect(() => {
    let live = true;
    getEdit(project.id, key)
      .then((stored) => live && setEdit(stored ?? autoEditFor(project, pick, product)))
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
  const update = (next: ClipEdit) => {
    setEdit(next);
    unsaved.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      flush().then(
        () => setSaveError(null),
        (e: unknown) => (isStorageError(e, 'deleted') ? onGone() : setSaveError((e as Error).message)),
      );
    }, 250);
  };
  // A change still waiting for its save is written when the editor closes, not dropped (storage refuses it if the project is gone).
  useEffect(() => () => void flush().catch(() => undefined), []);

  const reset = async () => {
    clearTimeout(timer.current);
    unsaved.current = null;
    await deleteEdit(project.id, key);
    setEdit(autoEditFor(project, pick, product));
  };

  return { edit, update, reset, saveError };
}
