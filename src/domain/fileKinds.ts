export type DroppedKind = 'recording' | 'log' | 'transcript' | 'unknown';

const RECORDING_EXT = new Set(['mp4', 'm4v', 'mov', 'webm', 'mkv']);
const LOG_EXT = new Set(['csv', 'json', 'ndjson', 'jsonl', 'txt', 'tsv']);
const TRANSCRIPT_EXT = new Set(['srt', 'vtt']);

/** Sorts a dropped file by its extension first (OS MIME types for .mkv/.ndjson are unreliable). */
export function kindOfFile(name: string, mime: string): DroppedKind {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (RECORDING_EXT.has(ext)) return 'recording';
  if (LOG_EXT.has(ext)) return 'log';
  if (TRANSCRIPT_EXT.has(ext)) return 'transcript';
  if (mime.startsWith('video/')) return 'recording';
  if (mime === 'text/csv' || mime === 'application/json' || mime.startsWith('text/')) return 'log';
  return 'unknown';
}

/** A .txt this small may hold nothing but the stream start's date-time (import reads it to tell). */
export const mayHoldStreamStart = (name: string, size: number): boolean => /\.txt$/i.test(name) && size <= 200;

export const RECORDING_ACCEPT = '.mp4,.m4v,.mov,.webm,.mkv,video/*';
export const LOG_ACCEPT = '.csv,.json,.ndjson,.jsonl,.txt,text/csv,application/json';
export const TRANSCRIPT_ACCEPT = '.srt,.vtt,text/vtt';
