import { onProjectChange } from '../storage/changes';
import { storageErrorCode } from '../storage/errors';
import { forgetProject } from './perProject';
import { deleteProject, getRecording, openProject, saveCaptionLook, saveLog, updateProject } from '../storage/projects';
import { releaseMedia } from './services';
import type { ProjectStorage } from './stores/projectStore';

export type { ProjectRecord } from '../storage/schema';
export type { ProjectPatch } from '../storage/versions';
/** The home page's list: every project, last changed first, re-read when another tab changes one. */
export { listProjects } from '../storage/projects';
export { onProjectChange };
/** The recording's loudness envelope, measured once per project. */
export { getLoudness, saveLoudness } from '../storage/projects';

/** "Delete project": the recording, log, picks, edits and saved shorts leave this browser. */
export const removeProject = (projectId: string): Promise<void> => {
  // Its transcription, batch and renders stop with it.
  forgetProject(projectId);
  return deleteProject(projectId);
};

/** One project's storage for its store (src/app/stores/projectStore.ts). */
export function projectStorage(id: string): ProjectStorage {
  return {
    open: () => openProject(id),
    recording: () => getRecording(id),
    update: updateProject,
    saveCaptionLook,
    saveLog,
    onChange: onProjectChange,
    failure: (e) => storageErrorCode(e, ['deleted', 'conflict', 'not-found']),
    release: releaseMedia,
  };
}
