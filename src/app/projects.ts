import { deleteProject } from '../storage/projects';

export type { ProjectRecord } from '../storage/schema';
export type { ProjectPatch } from '../storage/versions';
/** The home page's list: every project, last changed first, re-read when another tab changes one. */
export { listProjects } from '../storage/projects';
export { onProjectChange } from '../storage/changes';

/** "Delete project": the recording, log, picks, edits and saved shorts leave this browser. */
export const removeProject = (projectId: string): Promise<void> => deleteProject(projectId);
