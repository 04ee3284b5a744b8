import { MediaFailure, type MediaFailureCode } from '../../domain/errors/mediaFailure';
import { classifyText } from '../failures';

/** Log lines worth showing: not the progress lines, not the "Aborted()" every run ends with. */
function usefulLines(logs: string[]): string[] {
  return logs.filter((l) => l.trim() && l.trim() !== 'Aborted()' && !/^\s*(frame|size)=/.test(l));
}

/** A named failure for `fileName` from ffmpeg's log; its last lines are kept as details. */
export function ffmpegFailure(logs: string[], fileName: string, fallback: MediaFailureCode = 'failed'): MediaFailure {
  const lines = usefulLines(logs);
  const { code, codec } = classifyText(lines.join('\n'));
  return new MediaFailure(code === 'failed' ? fallback : code, { fileName, ...(codec && { codec }) }, lines.slice(-12).join('\n') || 'ffmpeg printed nothing.');
}
