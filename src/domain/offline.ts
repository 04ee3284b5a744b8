/**
 * What the app keeps for offline use beyond its shell (issue 22): groups of files fetched on
 * first use, or all at once when the user asks. Pure: readiness and wording from what is cached.
 */

export type AssetGroupId = 'engine' | 'speech' | 'sample';

export interface AssetGroup {
  id: AssetGroupId;
  /** What it is, for a seller ("the video engine"). */
  label: string;
  /** What it makes possible offline. */
  use: string;
  urls: readonly string[];
  bytes: number;
}

/** Which groups the core flow (import, highlights, cut, render) needs: the rest are extras. */
export const CORE_GROUPS: readonly AssetGroupId[] = ['engine'];

export type Readiness = Partial<Record<AssetGroupId, boolean>>;

/** Whether the core flow works with the network off: the shell is cached and so is every core group. */
export const offlineReady = (shellCached: boolean, cached: Readiness): boolean => shellCached && CORE_GROUPS.every((g) => cached[g] === true);

export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Bytes of the groups not cached yet (what "Keep everything" would fetch). */
export const missingBytes = (groups: readonly AssetGroup[], cached: Readiness): number => groups.reduce((n, g) => n + (cached[g.id] ? 0 : g.bytes), 0);
