/**
 * Files people drop by mistake where a click log should go, recognised by their first bytes:
 * a spreadsheet instead of its CSV export, a screenshot of the log, the recording itself.
 */

export interface KnownBinary {
  /** A spreadsheet gets "save it as CSV"; anything else is simply not text. */
  spreadsheet: boolean;
  /** "a PNG image", "an Excel workbook (.xlsx)". */
  what: string;
  /** What to do instead. */
  hint: string;
}

/** What to do with a workbook: the app reads its CSV export. */
export const SAVE_AS_CSV = 'Open it in your spreadsheet app and save it as CSV (in Excel: File › Save As › "CSV UTF-8"), then drop the .csv file.';
const NOT_A_SCREENSHOT = 'Drop the click log your shop exported (CSV, JSON or NDJSON), not a picture of it.';
const RECORDING = 'If it is the recording, give it its real extension (for example .mp4) and drop it as the recording.';

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** A ZIP archive: an Office Open XML, OpenDocument or Numbers workbook, or some other archive. */
function zipKind(bytes: Uint8Array): KnownBinary {
  // The first entries' names are stored in clear near the start ("[Content_Types].xml", "xl/…", "mimetype…").
  const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
  if (/xl\/|\[Content_Types\]/.test(head) && !/word\/|ppt\//.test(head)) return { spreadsheet: true, what: 'an Excel workbook (.xlsx)', hint: SAVE_AS_CSV };
  if (head.includes('opendocument.spreadsheet')) return { spreadsheet: true, what: 'an OpenDocument spreadsheet (.ods)', hint: SAVE_AS_CSV };
  if (head.includes('Index/'))
    return { spreadsheet: true, what: 'a Numbers spreadsheet', hint: 'In Numbers, choose File › Export To › CSV, then drop the .csv file.' };
  return { spreadsheet: false, what: 'a ZIP archive', hint: 'Unzip it and drop the click log inside.' };
}

/** The kind of a binary file recognised by its signature, or null. */
export function knownBinary(bytes: Uint8Array): KnownBinary | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { spreadsheet: true, what: 'an Excel 97–2003 workbook (.xls)', hint: SAVE_AS_CSV };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { spreadsheet: false, what: 'a PNG image', hint: NOT_A_SCREENSHOT };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { spreadsheet: false, what: 'a JPEG image', hint: NOT_A_SCREENSHOT };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { spreadsheet: false, what: 'a GIF image', hint: NOT_A_SCREENSHOT };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 12) === 'WEBP')
    return { spreadsheet: false, what: 'a WebP image', hint: NOT_A_SCREENSHOT };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { spreadsheet: false, what: 'a PDF document', hint: 'Export the click log from your shop as CSV, JSON or NDJSON instead of PDF.' };
  if (ascii(bytes, 4, 8) === 'ftyp') return { spreadsheet: false, what: 'an MP4/MOV video', hint: RECORDING };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { spreadsheet: false, what: 'a WebM/MKV video', hint: RECORDING };
  if (startsWith(bytes, [0x1f, 0x8b])) return { spreadsheet: false, what: 'a gzip archive', hint: 'Decompress it and drop the click log inside.' };
  return null;
}
