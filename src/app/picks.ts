import { clipKey } from '../domain/clip/override';
import type { Highlight } from '../domain/selection/model';
import { getPicks } from '../storage/projects';

/** The selection's picks, stored with the project for the editor and the shorts list. */
export { savePicks } from '../storage/projects';

/**
 * The highlight the editor opens, by its clip key, from the project's stored picks; undefined
 * when the selection no longer has it. Apart from projects.ts: the home page does not load the
 * clip code this needs.
 */
export async function storedPick(projectId: string, key: string): Promise<Highlight | undefined> {
  return (await getPicks(projectId))?.find((p) => clipKey(p) === key);
}
