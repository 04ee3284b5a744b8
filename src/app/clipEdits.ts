import type { Clip, ClipFacts } from '../domain/clip/override';
import { followClip, type EditContext } from '../domain/edit/follow';
import { autoEdit, type ClipEdit } from '../domain/edit/model';
import { DEFAULT_HASHTAGS } from '../domain/edit/postText';
import type { Transcription } from '../speech/transcribeClip';
import { onEditChange } from '../storage/changes';
import { storageErrorCode } from '../storage/errors';
import { deleteEdit, editKey, getEdit, getStoredEdit, saveEdit } from '../storage/projects';
import type { ClipEditStorage } from './stores/clipEditStore';
import type { ProjectRecord } from '../storage/schema';

const editContext = (project: ProjectRecord): EditContext => ({
  ...(project.transcript && { transcript: project.transcript.cues }),
  hashtags: project.hashtags ?? DEFAULT_HASHTAGS,
  ...(project.captionLook && { captionLook: project.captionLook }),
});

/** What the app makes of a clip by itself: intro card, captions and post text from the project's transcript, hashtags and caption look. */
export function autoEditFor(project: ProjectRecord, clip: ClipFacts): ClipEdit {
  return autoEdit({ pick: clip, product: clip.product, ...editContext(project) });
}

/** The clip's stored edit made over for its current range and product (src/domain/edit/follow.ts), or its auto-edit. */
export function editFor(project: ProjectRecord, clip: Clip, stored: ClipEdit | undefined): ClipEdit {
  return stored ? followClip(stored, clip, editContext(project), clip.auto) : autoEditFor(project, clip);
}

/** The edit the clip has now: the user's (made over for its range and product), or the auto-edit. */
export async function currentEdit(project: ProjectRecord, clip: Clip): Promise<ClipEdit> {
  return (await storedOrAutoEdit(project, clip)).edit;
}

/** As `currentEdit`, and whether it is the auto-edit (nothing stored for the clip). */
export async function storedOrAutoEdit(project: ProjectRecord, clip: Clip): Promise<{ edit: ClipEdit; auto: boolean }> {
  const stored = await getEdit(project.id, clip.key);
  return { edit: editFor(project, clip, stored), auto: !stored };
}

/** As `currentEdit`, but a stored edit that cannot be read counts as none: for what is only shown. */
export async function editOrAuto(project: ProjectRecord, clip: Clip): Promise<ClipEdit> {
  return editFor(project, clip, await getEdit(project.id, clip.key).catch(() => undefined));
}

/** The post text the clip's edit has now (the user's, or the auto-edit's): a raw clip is posted with it too. */
export async function clipPostText(project: ProjectRecord, clip: Clip): Promise<string> {
  return (await editOrAuto(project, clip)).post;
}

/** Stores caption lines made from speech with the clip's edit: shown, and marked as a transcription. */
export function keepTranscription(
  project: ProjectRecord,
  clip: Clip,
  edit: ClipEdit,
  { cues, modelId }: Pick<Transcription, 'cues' | 'modelId'>,
): Promise<void> {
  return saveEdit(project.id, clip.key, { ...edit, captions: { ...edit.captions, enabled: true, fromTranscript: true, speechModel: modelId, cues } }).then(
    () => undefined,
  );
}

/** A clip's edit in storage, versioned and announced to other tabs (the clip-edit store's storage). */
export function clipEditStorage(projectId: string, clipKey: string): ClipEditStorage {
  const key = editKey(projectId, clipKey);
  return {
    load: () => getStoredEdit(projectId, clipKey),
    save: (edit, base) => saveEdit(projectId, clipKey, edit, base),
    remove: () => deleteEdit(projectId, clipKey),
    onRemoteChange: (listener) => onEditChange((change) => change.editOf === key && listener(change.version)),
    failure: (e) => storageErrorCode(e, ['deleted', 'conflict']),
  };
}
