import Papa from 'papaparse';
import type { LogBuilder } from './builder';
import { FIELD_INDEX, mapHeader } from './fields';

const DELIMITER_WORDS: Readonly<Record<string, string>> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'pipes' };

export interface ReadResult {
  /** Whole-file error (missing columns), or null. */
  error: string | null;
  /** Data rows seen (excluding the header and blank lines). */
  rows: number;
}

/**
 * Read delimited text (comma, tab, semicolon or pipe, detected by papaparse) into the builder.
 * The first non-blank row is the header. Blank lines are skipped but counted, so every
 * rejected row carries its real 1-based line in the file, also with CRLF line ends and
 * quoted values that span lines.
 */
export function readCsv(text: string, b: LogBuilder): ReadResult {
  let columns: Int32Array | null = null;
  let width = 0;
  let need = 0;
  let delimiterWord = 'commas';
  let error: string | null = null;
  let rows = 0;
  // Line tracking: `nl` newline characters lie before offset `pos` (the end of the previous row).
  let pos = 0;
  let nl = 0;
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
    // Blank rows are skipped below rather than with `skipEmptyLines`, which costs a third more.
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
      }
      const line = nl + (k - terminated) + 1 - embedded;
      nl += k;
      pos = end;

      if (columns === null) {
        const mapping = mapHeader(row);
        if (mapping.error !== null) {
          error = mapping.error;
          parser.abort();
          return;
        }
        columns = mapping.columns;
        b.warnings.push(...mapping.warnings);
        width = row.length;
        need = width;
        while (need > 0 && (row[need - 1] ?? '').trim() === '') need--;
        delimiterWord = DELIMITER_WORDS[res.meta.delimiter] ?? `"${res.meta.delimiter}"`;
        tc = columns[FIELD_INDEX.time] ?? -1;
        ts = columns[FIELD_INDEX.timestamp] ?? -1;
        ev = columns[FIELD_INDEX.event] ?? -1;
        pid = columns[FIELD_INDEX.product_id] ?? -1;
        pname = columns[FIELD_INDEX.product_name] ?? -1;
        price = columns[FIELD_INDEX.price] ?? -1;
        return;
      }

      rows++;
      if (res.errors.length > 0 && res.errors.some((e) => e.code === 'MissingQuotes')) {
        const through = embedded > 0 ? `, so lines ${line}–${line + embedded} were read as one row` : '';
        b.reject('bad quotes', `unclosed quote: a value starting with " never ends${through}`, line, 0);
        return;
      }
      const n = row.length;
      if (n < need) {
        b.reject('wrong field count', `row has ${n} field${n === 1 ? '' : 's'} but the header has ${width}`, line, 0);
        return;
      }
      if (n > width) {
        let extra = false;
        for (let i = width; i < n; i++) if ((row[i] ?? '').trim() !== '') extra = true;
        if (extra) {
          b.reject('wrong field count', `row has ${n} fields but the header has ${width}: quote values that contain ${delimiterWord}`, line, 0);
          return;
        }
      }
      b.addRow(row[tc], row[ts], row[ev], row[pid], row[pname], row[price], line, 0);
    },
  });
  return { error, rows };
}
