/**
 * Time values in click logs.
 *
 * Relative times (seconds from the recording start): plain seconds `12`, `12.5`;
 * `mm:ss` and `hh:mm:ss`, optionally with a fraction on the seconds (`01:02.5`). The leading
 * part may be any size (`75:30` is 75 minutes 30 seconds); later parts must be below 60.
 *
 * Absolute times (epoch milliseconds): ISO 8601 date-times such as `2024-05-01T12:00:05Z`,
 * `2024-05-01T14:00:05.250+02:00` or `2024-05-01 12:00:05` (a space instead of `T` is accepted).
 * A date-time without a zone is read as UTC, never as the local time of the machine that
 * happens to parse it, so the same file gives the same result everywhere. Epoch numbers:
 * from 1e9 up to 1e11 are seconds, from 1e11 up to 1e14 are milliseconds; other numbers are not
 * timestamps.
 */

const PLAIN_SECONDS = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const CLOCK = /^(-?)(\d+):(\d{1,2})(?::(\d{1,2}))?(?:\.(\d+))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Seconds of a relative time, or null when the value is not one of the relative forms.
 * A leading minus is parsed (`"-3"` → -3, `"-00:03"` → -3) so callers can report a negative
 * time precisely; whether negatives are allowed is the caller's decision.
 */
export function parseRelativeTime(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (PLAIN_SECONDS.test(text)) return Number(text);
  const m = CLOCK.exec(text);
  if (!m) return null;
  const [, sign, a = '0', b = '0', c, fraction] = m;
  let seconds: number;
  if (c === undefined) {
    // mm:ss
    const ss = Number(b);
    if (ss >= 60) return null;
    seconds = Number(a) * 60 + ss;
  } else {
    // hh:mm:ss
    const mm = Number(b);
    const ss = Number(c);
    if (mm >= 60 || ss >= 60) return null;
    seconds = Number(a) * 3600 + mm * 60 + ss;
  }
  if (fraction !== undefined) seconds += Number(`0.${fraction}`);
  return sign === '-' ? -seconds : seconds;
}

/** Epoch milliseconds of an epoch number in seconds or milliseconds, or null. */
export function epochToMs(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (n >= 1e11 && n < 1e14) return n;
  if (n >= 1e9 && n < 1e11) return n * 1000;
  return null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of an absolute timestamp (ISO 8601 date-time, or epoch seconds or
 * milliseconds as a number or numeric string), or null. ISO without a zone is UTC.
 */
export function parseAbsoluteTime(value: string | number): number | null {
  if (typeof value === 'number') return epochToMs(value);
  const text = value.trim();
  if (EPOCH.test(text)) return epochToMs(Number(text));
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '0', fraction, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  // A leap second (:60) is read as :59.
  let ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  if (fraction !== undefined) ms += Number(`0.${fraction}`) * 1000;
  if (zone !== undefined && /^[+-]/.test(zone)) {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!zm) return null;
    const zh = Number(zm[2]);
    const zmin = Number(zm[3] ?? '0');
    if (zh > 23 || zmin > 59) return null;
    const offset = (zh * 60 + zmin) * 60_000;
    ms -= zm[1] === '+' ? offset : -offset;
  }
  return ms;
}

/** A comma before the last digits of a number or clock time: `12,5`, `01:02,5`, `1714564875,25`. */
const DECIMAL_COMMA = /^(-?[\d:]*\d),(\d+)$/;

/** True when a time is written with a decimal comma. */
export const hasDecimalComma = (text: string): boolean => DECIMAL_COMMA.test(text);

/**
 * The time with its decimal comma as a point. Only for files whose values cannot hold a comma
 * as anything else (separated by semicolons, tabs or pipes, as European spreadsheets write them).
 */
export const withDecimalPoint = (text: string): string => text.replace(DECIMAL_COMMA, '$1.$2');
