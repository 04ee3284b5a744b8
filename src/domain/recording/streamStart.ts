import { parseAbsoluteTime } from '../clicklog/time';

/**
 * When the recording's first frame was live (epoch ms): the zero that turns a log's clock times
 * into recording seconds. It can come from several places; the most deliberate one wins.
 */
export type StreamStartSource = 'user' | 'date-file' | 'log' | 'creation-time' | 'file-name';

export interface StreamStart {
  ms: number;
  source: StreamStartSource;
  /** The file it was read from: the dropped date file, or the recording (file-name). */
  file?: string;
}

export interface StreamStartClues {
  /** The project's own start: typed by the user, or read from `chosenFile` (a dropped date file). */
  chosenMs?: number;
  chosenFile?: string;
  /** The log's `stream_start`. */
  logMs?: number;
  /** The recording's container creation_time. */
  creationTimeMs?: number;
  recordingName?: string;
}

/** The start to use: the project's (user or date file) > the log's > creation_time > the recording's file name. */
export function effectiveStreamStart(c: StreamStartClues): StreamStart | undefined {
  if (c.chosenMs !== undefined) {
    return c.chosenFile !== undefined ? { ms: c.chosenMs, source: 'date-file', file: c.chosenFile } : { ms: c.chosenMs, source: 'user' };
  }
  if (c.logMs !== undefined) return { ms: c.logMs, source: 'log' };
  if (c.creationTimeMs !== undefined) return { ms: c.creationTimeMs, source: 'creation-time' };
  const fromName = c.recordingName !== undefined ? startFromFileName(c.recordingName) : undefined;
  return fromName !== undefined ? { ms: fromName, source: 'file-name', file: c.recordingName } : undefined;
}

const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);
/** Rejects the zero dates muxers write when they know nothing (1904, 1970) and typos far out. */
const plausible = (ms: number | null): ms is number => ms !== null && ms >= MIN_MS && ms < MAX_MS;

/** Local-time epoch ms, or undefined for an impossible date (Feb 30, 25:00, a skipped DST hour). */
function localMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number | undefined {
  const date = new Date(y, mo - 1, d, h, mi, s, ms);
  const same =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === mi &&
    date.getSeconds() === s;
  return same && plausible(date.getTime()) ? date.getTime() : undefined;
}

/**
 * `2026-03-14 19-00-05` (OBS, Windows Game Bar, with any prefix or suffix), `2026-03-14 at 19.00.05`
 * and `… at 7.00.05 PM` (macOS, in any language), `2026.03.14 - 19.00.05` (ShadowPlay).
 */
const SEPARATED = /(?<!\d)(\d{4})([-._])(\d{2})\2(\d{2})(?:[ _T]|\s+\p{L}{1,5}\s+|\s+-\s+)(\d{1,2})([-.:])(\d{2})\6(\d{2})(?:\s?([AP]M))?(?!\d)/iu;
/** `VID_20260314_190005`, `20260314_190005` (Samsung), `PXL_20260314_190005123` (Pixel, with ms). */
const COMPACT = /(?<!\d)(\d{4})(\d{2})(\d{2})[_-](\d{2})(\d{2})(\d{2})(\d{3})?(?!\d)/;

/** The local date-time a recorder wrote into the file name, or undefined. */
export function startFromFileName(name: string): number | undefined {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const s = SEPARATED.exec(stem);
  if (s) {
    let hour = Number(s[5]);
    const meridiem = s[9]?.toUpperCase();
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    return localMs(Number(s[1]), Number(s[3]), Number(s[4]), hour, Number(s[7]), Number(s[8]));
  }
  const c = COMPACT.exec(stem);
  if (!c) return undefined;
  return localMs(Number(c[1]), Number(c[2]), Number(c[3]), Number(c[4]), Number(c[5]), Number(c[6]), Number(c[7] ?? 0));
}

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?$/;

/**
 * The date-time a small text file holds, if it holds nothing else: ISO 8601 with a zone, or
 * without one (then local time, since a person typed it), or epoch seconds/milliseconds.
 */
export function parseDateText(text: string): number | undefined {
  const t = text.trim();
  const m = ZONELESS.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s = '0', frac = '0'] = m;
    return localMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
  }
  const ms = t === '' ? null : parseAbsoluteTime(t);
  return plausible(ms) ? ms : undefined;
}

/** A container creation_time (UTC; a missing zone means UTC too), if it is a real date. */
export function parseCreationTime(tag: string | undefined): number | undefined {
  const ms = tag ? parseAbsoluteTime(tag) : null;
  return plausible(ms) ? ms : undefined;
}
