/**
 * Caption cues written out as SRT and WebVTT files (the reverse of parseCaptions in captions.ts),
 * for uploading beside a short or editing elsewhere. Times are the cues' own (clip time).
 */
import type { Cue } from './captions';

/** "hh:mm:ss,mmm" (SRT) or "hh:mm:ss.mmm" (WebVTT). */
export function formatTimestamp(seconds: number, separator: ',' | '.'): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(total % 1000, 3)}`;
}

/** Cue text as payload lines: a blank line would end the cue, "-->" would read as a timing line. */
const payload = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replaceAll('-->', '->').trim())
    .filter((line) => line !== '')
    .join('\n');

const usable = (cues: readonly Cue[]) => cues.filter((c) => c.end > c.start && payload(c.text) !== '');

export function toSrt(cues: readonly Cue[]): string {
  return usable(cues)
    .map((c, i) => `${i + 1}\n${formatTimestamp(c.start, ',')} --> ${formatTimestamp(c.end, ',')}\n${payload(c.text)}\n`)
    .join('\n');
}

/** WebVTT: '&', '<' and '>' in the text are escaped (they would read as markup). */
export function toVtt(cues: readonly Cue[]): string {
  const escapeMarkup = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const body = usable(cues).map((c) => `${formatTimestamp(c.start, '.')} --> ${formatTimestamp(c.end, '.')}\n${escapeMarkup(payload(c.text))}\n`);
  return ['WEBVTT\n', ...body].join('\n');
}
