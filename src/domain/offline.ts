/**
 * What the app keeps for offline use beyond its shell (issue 22): groups of files fetched on
 * first use, or all at once when the user asks. Pure: readiness and wording from what is cached.
 */

export type AssetGroupId = 'engine' | 'speech' | 'face' | 'sample';

export interface AssetGroup {
  id: AssetGroupId;
  /** What it is, for a seller ("the video engine"). */
  label: string;
  /** What it makes possible offline. */
  use: string;
  urls: readonly string[];
  bytes: number;
}

/**
 * Which groups the core flow (import, highlights, cut, render) needs; the rest are extras. Where
 * the browser decodes, encodes and mixes a short itself (WebCodecs), that is none: the shell does
 * it all, and the video engine (ffmpeg.wasm) is only for files it can't read. Elsewhere every
 * render needs the engine.
 */
export const coreGroups = (browserRenders: boolean): readonly AssetGroupId[] => (browserRenders ? [] : ['engine']);

export type Readiness = Partial<Record<AssetGroupId, boolean>>;

/** Whether the core flow works with the network off: the shell is cached and so is every core group. */
export const offlineReady = (shellCached: boolean, cached: Readiness, core: readonly AssetGroupId[]): boolean =>
  shellCached && core.every((g) => cached[g] === true);

export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Bytes of the groups not cached yet (what "Keep everything" would fetch). */
export const missingBytes = (groups: readonly AssetGroup[], cached: Readiness): number => groups.reduce((n, g) => n + (cached[g.id] ? 0 : g.bytes), 0);
