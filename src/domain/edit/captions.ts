/**
 * Captions: SRT / WebVTT parsing, cutting a transcript to a clip, line wrapping, and default
 * product captions for clips without a transcript.
 */

export interface Cue {
  /** Seconds. */
  start: number;
  end: number;
  /** Plain text; lines separated by '\n'. */
  text: string;
}

// [hh:]mm:ss(,|.)fff — hours optional (WebVTT; some SRT writers drop them too), 1–3 fraction digits.
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s.*)?$`);

function seconds(h: string | undefined, m: string | undefined, s: string | undefined, frac: string | undefined): number {
  const f = frac ? Number(frac) / 10 ** frac.length : 0;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0) + f;
}

/** Parses one timestamp ("01:02:03,450", "02:03.45", "1:02:03.4"), or undefined. */
export function parseTimestamp(text: string): number | undefined {
  const m = new RegExp(`^\\s*${TIME}\\s*$`).exec(text);
  return m ? seconds(m[1], m[2], m[3], m[4]) : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

/** Cue payload → plain text: markup (<i>, <c.x>, <v Name>, <00:01.000>, {\an8}) and entities removed. */
export function cleanCueText(raw: string): string {
  return raw
    .replace(/<[^>\n]*>/g, '')
    .replace(/\{\\[^}\n]*\}/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Parses SRT or WebVTT (detected by content, not by name). Cue numbers / identifiers, VTT cue
 * settings, NOTE / STYLE / REGION blocks and markup are dropped; cues without text or with
 * end ≤ start are skipped. Result is sorted by start time.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: an SRT/VTT/plain-text caption reader: one pass over lines with a small state machine
export function parseCaptions(text: string): Cue[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const cues: Cue[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const m = line.includes('-->') ? TIMING.exec(line) : null;
    if (!m) {
      // NOTE/STYLE/REGION blocks (and the WEBVTT header block) run to the next blank line.
      if (/^(NOTE|STYLE|REGION|WEBVTT)(\s|$)/.test(line)) while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
      i++;
      continue;
    }
    const start = seconds(m[1], m[2], m[3], m[4]);
    const end = seconds(m[5], m[6], m[7], m[8]);
    const payload: string[] = [];
    i++;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') {
      if (TIMING.test(lines[i] ?? '')) {
        // No blank line before the next cue: a bare number just above its timing is its SRT index.
        if (/^\s*\d+\s*$/.test(payload[payload.length - 1] ?? '')) payload.pop();
        break;
      }
      payload.push(lines[i++] ?? '');
    }
    const cueText = cleanCueText(payload.join('\n'));
    if (cueText !== '' && end > start) cues.push({ start, end, text: cueText });
  }
  return cues
    .map((c, n) => ({ c, n }))
    .sort((a, b) => a.c.start - b.c.start || a.n - b.n)
    .map(({ c }) => c);
}

const ms = (t: number) => Math.round(t * 1000) / 1000;

/**
 * The cues overlapping [clipStart, clipEnd), shifted to clip time and clamped to the clip.
 * Slivers shorter than `minSec` (a cue that ends just after the cut) are dropped: they would flash.
 */
export function cuesForClip(cues: readonly Cue[], clipStart: number, clipEnd: number, minSec = 0.2): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    const start = Math.max(cue.start, clipStart) - clipStart;
    const end = Math.min(cue.end, clipEnd) - clipStart;
    if (end - start >= Math.max(minSec, 1e-6) && cue.text.trim() !== '') out.push({ start: ms(start), end: ms(end), text: cue.text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Wrapping
// ---------------------------------------------------------------------------------------------

export const ELLIPSIS = '…';

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** User-perceived characters (emoji, combining marks stay whole). */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * Greedy word wrap by measured width. Whitespace (newlines included) separates words, so text
 * broken for a landscape player is re-flowed. A word wider than a line is broken between
 * characters (this is also how CJK text without spaces wraps). With more than `maxLines` lines
 * the last kept line ends in '…' (still within `maxWidth`).
 */
export function wrapByWidth(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = '';
    if (measure(word) <= maxWidth) {
      current = word;
      continue;
    }
    for (const g of graphemes(word)) {
      // Always at least one grapheme per line, even if it alone is too wide.
      if (current !== '' && measure(current + g) > maxWidth) {
        lines.push(current);
        current = '';
      }
      current += g;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;

  const kept = lines.slice(0, Math.max(1, Math.floor(maxLines)));
  // Make room for the ellipsis: drop whole words while there are several, else characters.
  let last = kept[kept.length - 1] ?? '';
  const tidy = (s: string) => s.replace(/[\s,.;:–—-]+$/u, '');
  while (last !== '' && measure(tidy(last) + ELLIPSIS) > maxWidth) {
    const space = last.lastIndexOf(' ');
    last = space > 0 ? last.slice(0, space) : graphemes(last).slice(0, -1).join('');
  }
  kept[kept.length - 1] = tidy(last) + ELLIPSIS;
  return kept;
}

/** wrapByWidth counting characters (graphemes): at most `maxChars` per line. */
export function wrapLines(text: string, maxChars: number, maxLines = Infinity): string[] {
  return wrapByWidth(text, maxChars, (s) => graphemes(s).length, maxLines);
}

// ---------------------------------------------------------------------------------------------
// Default captions
// ---------------------------------------------------------------------------------------------

export const DEFAULT_CTA = 'Tap the link to shop';
/** Length of the intro card (product name title) that product captions leave free. */
export const DEFAULT_INTRO_SEC = 2;
/** Longest time the name + price caption stays up before the call to action. */
export const NAME_CAPTION_MAX_SEC = 8;

/**
 * Captions for a clip without a transcript: after the intro card, the product name (and price)
 * for half of the remaining time (at most 8 s), then the call to action to the end.
 * The intro is shortened to a quarter of very short clips.
 */
export function productCaptions(
  productName: string,
  price: string | undefined,
  clipDuration: number,
  cta: string = DEFAULT_CTA,
  introSec: number = DEFAULT_INTRO_SEC,
): Cue[] {
  if (!(clipDuration > 0)) return [];
  const intro = Math.min(Math.max(0, introSec), clipDuration / 4);
  const name = productName.replace(/\s+/g, ' ').trim();
  const priceText = price?.trim() ?? '';
  const callToAction = cta.trim();
  const first = [name, priceText].filter((s) => s !== '').join('\n');
  const cues: Cue[] = [];
  let t = intro;
  if (first !== '') {
    const rest = clipDuration - intro;
    const nameSec = callToAction === '' ? rest : Math.min(rest / 2, NAME_CAPTION_MAX_SEC);
    cues.push({ start: ms(t), end: ms(t + nameSec), text: first });
    t += nameSec;
  }
  if (callToAction !== '' && clipDuration - t > 0) cues.push({ start: ms(t), end: ms(clipDuration), text: callToAction });
  return cues;
}
