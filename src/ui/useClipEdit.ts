import { useEffect, useRef, useState } from 'preact/hooks';
import { autoEdit, type ClipEdit } from '../domain/edit/model';
import { DEFAULT_HASHTAGS } from '../domain/edit/postText';
import type { Pick, Product } from '../domain/events';
import { deleteEdit, getEdit, saveEdit } from '../storage/projects';
import type { ProjectRecord } from '../storage/schema';

/** Stable across re-selection: the product and which of its pitches (1 = first shown). */
export const clipKey = (p: Pick) => `${p.productId}#${p.why.pitch}`;

export function autoEditFor(project: ProjectRecord, pick: Pick, product: Product): ClipEdit {
  return autoEdit({ pick, product, ...(project.transcript && { transcript: project.transcript.cues }), hashtags: project.hashtags ?? DEFAULT_HASHTAGS });
}

/** The clip's stored edit (or the auto-edit), saved shortly after every change. */
export function useClipEdit(project: ProjectRecord, pick: Pick, product: Product) {
  const [edit, setEdit] = useState<ClipEdit | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const key = clipKey(pick);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    getEdit(project.id, key)
      .then((stored) => live && setEdit(stored ?? autoEditFor(project, pick, product)))
      .catch((e: unknown) => live && setSaveError((e as Error).message));
    return () => {
      live = false;
    };
  }, [project.id, key]);

  const update = (next: ClipEdit) => {
    setEdit(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      saveEdit(project.id, key, next).then(
        () => setSaveError(null),
        (e: unknown) => setSaveError((e as Error).message),
      );
    }, 250);
  };

  const reset = async () => {
    clearTimeout(timer.current);
    await deleteEdit(project.id, key);
    setEdit(autoEditFor(project, pick, product));
  };

  return { edit, update, reset, saveError };
}
