import Papa from 'papaparse';
import type { LogBuilder } from './builder';
import { identityColumns } from './duplicates';
import { FIELD_INDEX, fieldOf, mapHeader } from './fields';
import type { LogErrorCode } from './result';

const DELIMITER_WORDS: Readonly<Record<string, string>> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'pipes' };

/** Excel's first line naming the separator, `sep=;`: not part of the table. */
const SEP_LINE = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r)/i;

export interface ReadResult {
  /** Whole-file error (missing columns, a JSON document of the wrong shape), or null. */
  error: { code: LogErrorCode; message: string } | null;
  /** Data rows seen (excluding the header and blank lines). */
  rows: number;
  /**
   * Rows the file really holds: `rows`, plus every line an unclosed quote swallowed into one
   * row (those lines were meant as rows). Absent where it equals `rows`.
   */
  lines?: number;
}

/** What to do about a row with more fields than the header: a decimal comma, or a value to quote. */
function extraFieldsHint(row: readonly string[], timeColumn: number, delimiterWord: string): string {
  const whole = row[timeColumn]?.trim() ?? '';
  const fraction = row[timeColumn + 1]?.trim() ?? '';
  if (delimiterWord === 'commas' && /^\d+(:\d+)*$/.test(whole) && /^\d+$/.test(fraction)) {
    return `"${whole},${fraction}" looks like a time with a decimal comma, which a comma-separated file cannot hold: write ${whole}.${fraction}`;
  }
  return `quote values that contain ${delimiterWord}`;
}

/**
 * Read delimited text (comma, tab, semicolon or pipe, detected by papaparse, or named by an
 * Excel `sep=` first line) into the builder. The first non-blank row is the header. Blank
 * lines are skipped but counted, so every rejected row carries its real 1-based line in the
 * file, also with CRLF line ends and quoted values that span lines. Rows may stop after the
 * last required column (optional fields left out). Where the separator is not a comma, times
 * may have a decimal comma (`12,5`).
 */
export function readCsv(file: string, b: LogBuilder): ReadResult {
  const sep = SEP_LINE.exec(file);
  const text = sep ? file.slice(sep[0].length) : file;
  let header: string[] = [];
  let columns: Int32Array | null = null;
  let width = 0;
  let need = 0;
  let delimiterWord = 'commas';
  let error: ReadResult['error'] = null;
  let rows = 0;
  let swallowed = 0;
  let idColumns: number[] = [];
  // Line tracking: `nl` newline characters lie before offset `pos` (the end of the previous row).
  let pos = 0;
  let nl = sep ? 1 : 0;
  let lineBreak = '\n';
  let nlCode = 10;
  let tc = -1;
  let ts = -1;
  let ev = -1;
  let pid = -1;
  let pname = -1;
  let price = -1;

  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    ...(sep?.[1] && { delimiter: sep[1] }),
    // Blank rows are skipped below rather than with `skipEmptyLines`, which costs a third more.
    // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: Papa Parse's per-row callback: header mapping, bad quotes and row checks share its state
    step(res, parser) {
      const row = res.data;
      if ((row[0] ?? '').trim() === '' && row.every((f) => f.trim() === '')) return;
      const end = res.meta.cursor;
      if (columns === null) {
        lineBreak = res.meta.linebreak || '\n';
        nlCode = lineBreak === '\r' ? 13 : 10;
      }
      // Locate the row: newlines between the previous row's end and this row's end, minus this
      // row's own terminator, are blank lines or line breaks inside quoted values.
      let k = 0;
      for (let i = pos; i < end; i++) if (text.charCodeAt(i) === nlCode) k++;
      const terminated = end >= lineBreak.length && text.startsWith(lineBreak, end - lineBreak.length) ? 1 : 0;
      let embedded = 0;
      if (k - terminated > 0) {
        for (const field of row) for (let i = 0; i < field.length; i++) if (field.charCodeAt(i) === nlCode) embedded++;
        // An unclosed quote runs to the end of the file and takes its last line break in: that one
        // ends the last line, it is not a line inside the value.
        if (terminated && end === text.length && (row[row.length - 1] ?? '').endsWith(lineBreak) && res.errors.some((e) => e.code === 'MissingQuotes'))
          embedded--;
      }
      const line = nl + (k - terminated) + 1 - embedded;
      const from = pos;
      nl += k;
      pos = end;

      if (columns === null) {
        const mapping = mapHeader(row);
        if (mapping.error !== null) {
          error = { code: 'missing-columns', message: mapping.error };
          parser.abort();
          return;
        }
        columns = mapping.columns;
        b.notices.push(...mapping.notices);
        header = row;
        idColumns = identityColumns(row, (h) => fieldOf(h) !== null, b.keys.identityNames);
        width = row.length;
        delimiterWord = DELIMITER_WORDS[res.meta.delimiter] ?? `"${res.meta.delimiter}"`;
        b.decimalComma = res.meta.delimiter !== ',';
        tc = columns[FIELD_INDEX.time] ?? -1;
        ts = columns[FIELD_INDEX.timestamp] ?? -1;
        ev = columns[FIELD_INDEX.event] ?? -1;
        pid = columns[FIELD_INDEX.product_id] ?? -1;
        pname = columns[FIELD_INDEX.product_name] ?? -1;
        price = columns[FIELD_INDEX.price] ?? -1;
        // A row must reach its event, product_id and first time column; later fields are optional.
        need = Math.max(tc >= 0 && ts >= 0 ? Math.min(tc, ts) : Math.max(tc, ts), ev, pid) + 1;
        return;
      }

      rows++;
      if (res.errors.length > 0 && res.errors.some((e) => e.code === 'MissingQuotes')) {
        const through = embedded > 0 ? `, so lines ${line}–${line + embedded} were read as one row` : '';
        swallowed += embedded;
        b.reject('bad quotes', `unclosed quote: a value starting with " never ends${through}`, line, 0);
        return;
      }
      const n = row.length;
      if (n < need) {
        const missing = (header[n] ?? '').trim();
        b.reject('wrong field count', `row has ${n} field${n === 1 ? '' : 's'} but the header has ${width}: it ends before the "${missing}" column`, line, 0);
        return;
      }
      if (n > width) {
        let extra = false;
        for (let i = width; i < n; i++) if ((row[i] ?? '').trim() !== '') extra = true;
        if (extra) {
          b.reject('wrong field count', `row has ${n} fields but the header has ${width}: ${extraFieldsHint(row, tc, delimiterWord)}`, line, 0);
          return;
        }
      }
      const before = b.length;
      b.addRow(row[tc], row[ts], row[ev], row[pid], row[pname], row[price], line, 0);
      if (b.length > before) b.keys.csvRow(before, text, from, end, row, idColumns);
    },
  });
  return { error, rows, lines: rows + swallowed };
}
