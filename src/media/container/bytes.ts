/** Reads bytes [start, end) of a file; only those bytes leave the disk (a Blob slice). */
export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>;

export const blobBytes =
  (blob: Blob): ReadBytes =>
  async (start, end) =>
    new Uint8Array(await blob.slice(start, end).arrayBuffer());

/** The index of `needle` in `haystack` at or after `from`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first ?? 0, from); i !== -1 && i + needle.length <= haystack.length; i = haystack.indexOf(first ?? 0, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
