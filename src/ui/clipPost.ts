import type { Clip } from '../domain/clipOverride';
import { getEdit } from '../storage/projects';
import type { ProjectRecord } from '../storage/schema';
import { editFor } from './useClipEdit';

/** The post text the clip's edit has now (the user's, or the auto-edit's): a raw clip is posted with it too. */
export async function clipPostText(project: ProjectRecord, clip: Clip): Promise<string> {
  return editFor(project, clip, await getEdit(project.id, clip.key).catch(() => undefined)).post;
}
