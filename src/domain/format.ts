/** 75.5 → "1:15.5", 3725 → "1:02:05". Tenths only when present. */
export function formatClock(sec: number, withTenths = true): string {
  const safe = Math.max(0, sec);
  const tenths = Math.round(safe * 10) % 10;
  const whole = Math.floor(Math.round(safe * 10) / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  const tail = withTenths && tenths ? `.${tenths}` : '';
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}${tail}` : `${m}:${ss}${tail}`;
}

/** "1:15.5" → 75.5, "1:02:05" → 3725, "75.5" → 75.5 (a comma works as the decimal point); undefined when it is not a time. */
export function parseClock(text: string): number | undefined {
  const m = /^\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const [h, min, sec] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3]!.replace(',', '.'))];
  if (m[2] !== undefined && sec >= 60) return undefined;
  if (m[1] !== undefined && min >= 60) return undefined;
  return h * 3600 + min * 60 + sec;
}

/** Human duration for "time left": "45 s", "3 min 5 s". */
export function formatEta(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '…';
  const s = Math.ceil(sec);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A speed as a multiple of real time: "0.4×", "1.5×", "12×"; never "0×" for a slow job. */
export function formatSpeed(times: number): string {
  if (!Number.isFinite(times) || times <= 0) return '…';
  if (times < 0.1) return 'under 0.1×';
  if (times < 10) return `${Number(times.toFixed(1))}×`;
  return `${Math.round(times)}×`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 10 && u > 0 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** A file-system-safe slug: keeps letters/digits of any script, collapses the rest to "-". */
export function slug(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'clip';
}

/** "red-mug_0m03s-0m33s.mp4": product and range, sortable and safe everywhere. */
export function clipFileName(productLabel: string, start: number, end: number, ext = 'mp4'): string {
  const stamp = (t: number) => {
    const whole = Math.floor(t);
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = String(whole % 60).padStart(2, '0');
    return h > 0 ? `${h}h${String(m).padStart(2, '0')}m${s}s` : `${m}m${s}s`;
  };
  return `${slug(productLabel)}_${stamp(start)}-${stamp(end)}.${ext}`;
}

/** Longest product name kept from a log, shown and drawn: a log cell can hold a megabyte. */
export const PRODUCT_NAME_MAX = 200;
/** Longest price text kept and drawn. */
export const PRICE_MAX = 40;

/** `text` cut to at most `max` code points, the last one an ellipsis when anything was cut. */
export function capText(text: string, max: number): string {
  // UTF-16 units never undercount code points: short text needs no walk.
  if (text.length <= max) return text;
  const points: string[] = [];
  for (const ch of text) {
    if (points.length === max)
      return `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
    points.push(ch);
  }
  return text; // astral characters made it look longer than it is
}
