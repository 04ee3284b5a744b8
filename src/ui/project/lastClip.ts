/**
 * The clip last chosen or opened in each project's editor, so the project page comes back to it
 * after the editor or a render (issue 20: it jumped back to clip #1). By clip key, not rank: a new
 * selection reorders ranks. In memory, for this tab.
 */
const last = new Map<string, string>();

export const rememberClip = (projectId: string, clipKey: string): void => void last.set(projectId, clipKey);
export const rememberedClip = (projectId: string): string | undefined => last.get(projectId);
