/**
 * Bytes → text for a click log: refuses binaries (by signature) and reads the encodings logs
 * really come in: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or recognised by its
 * zero bytes; Excel's "Unicode text"), and, for bytes that are not UTF-8, Windows-1252 (Excel's
 * "CSV" on Western Windows), with a notice that says so and where the first such byte is.
 */
import { lineAndColumn } from './jsonsyntax';
import { refused, type LogFailure, type LogNotice } from './result';
import { knownBinary } from './signatures';

export type Decoded = { ok: true; text: string; notices: LogNotice[] } | LogFailure;

/** Bytes looked at to recognise UTF-16 without a BOM and binary text. */
const SNIFF = 4096;
const SNIFF_CHARS = 65_536;

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** UTF-16 without a BOM: ASCII-heavy text (headers, times, ids) puts a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // A few zeros on the other side are characters like U+4E00 or surrogates (U+D800 → 00 D8).
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even * 4 <= odd) return 'utf-16le';
  if (even >= pairs * 0.3 && odd * 4 <= even) return 'utf-16be';
  return null;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a UTF-8 validator: one pass over the bytes, one branch per lead-byte class, as the standard's table
function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= n) return i;
    const c1 = b[i + 1] ?? 0;
    // Overlong forms, surrogates and code points above U+10FFFF.
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) return i;
    for (let k = 1; k <= extra; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte in text that is valid UTF-8 up to it. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: new TextDecoder().decode(bytes.subarray(start, offset)).length + 1 };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', fileName: string, bom: boolean): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  const notices: LogNotice[] = bom ? [] : [{ code: 'encoding-guessed', message: `${fileName} has no byte-order mark; read it as ${name} text.` }];
  return { ok: true, text, notices };
}

/** The text of a click log file, or why it is not one. */
export function decodeLog(bytes: Uint8Array, fileName: string): Decoded {
  const binary = knownBinary(bytes);
  if (binary) {
    return binary.spreadsheet
      ? refused('spreadsheet', `${fileName} is ${binary.what}, not CSV text. ${binary.hint}`)
      : refused('not-text', `${fileName} is not a text file: it is ${binary.what}. ${binary.hint}`);
  }
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return refused('encoding', `${fileName} is UTF-32 text, which this app does not read. Save it as UTF-8 (in Excel: "CSV UTF-8") and drop it again.`);
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes, 'utf-16le', fileName, true);
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes, 'utf-16be', fileName, true);
  const guessed = sniffUtf16(bytes);
  if (guessed) return utf16(bytes, guessed, fileName, false);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notices: [] };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = placeOfByte(bytes, Math.max(0, bad));
    const where = `byte ${hex(bytes[bad] ?? 0)} at line ${at.line}, column ${at.column}`;
    const text = new TextDecoder('windows-1252').decode(bytes);
    // Five bytes are undefined in Windows-1252 (they decode to C1 controls). In text without C0
    // controls they mean another legacy encoding; with them, binary data, which parseClickLog's
    // control-character check refuses.
    const head = text.slice(0, SNIFF_CHARS);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    if (/[\u0080-\u009f]/.test(head) && !/[\0-\x08\x0b\x0e-\x1f\x7f]/.test(head)) {
      return refused(
        'encoding',
        `${fileName} is neither UTF-8 nor Windows-1252 text (${where}): it may be Shift-JIS, GBK, Big5 or another legacy encoding. Save it as UTF-8 (in Excel: "CSV UTF-8") and drop it again.`,
        at,
      );
    }
    const message =
      `${fileName} is not UTF-8 text (${where}); read it as Windows-1252 (Western European), ` +
      `the encoding of Excel's "CSV" on Windows. If names look wrong, save the log as "CSV UTF-8" and import it again.`;
    return { ok: true, text, notices: [{ code: 'encoding-guessed', message, ...at }] };
  }
}

/** True for characters text files do not hold: C0 controls but tab, line breaks and form feed; DEL; C1 controls. */
const isControl = (c: number): boolean => (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f);

/**
 * Where text shows it is really binary data: a NUL, or control characters in more than 1% of
 * the first 64 K characters. Returns the first control character's line and column, or null.
 */
export function binaryAt(text: string): { line: number; column: number } | null {
  const n = Math.min(text.length, SNIFF_CHARS);
  let first = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) continue;
    if (first < 0) first = i;
    if (c === 0) return lineAndColumn(text, first);
    count++;
  }
  return count >= 2 && count > n / 100 ? lineAndColumn(text, first) : null;
}
