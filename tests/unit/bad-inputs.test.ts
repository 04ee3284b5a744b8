/**
 * The bad-input matrix (issue 9): logs as people really drop them — wrong files, other
 * encodings, spreadsheet habits, broken exports — each with the exact class of its outcome:
 * imported with notices X and skipped rows Y, or refused with error code Z at line/column.
 * Every file goes through the bytes entry point the worker uses.
 */
import { describe, expect, it } from 'vitest';
import type { RejectCategory } from '../../src/domain/clicklog/builder';
import { parseClickLogBytes } from '../../src/domain/clicklog/parse';
import type { LogErrorCode, LogNoticeCode } from '../../src/domain/clicklog/result';
import { autoEdit } from '../../src/domain/edit/model';
import { DEFAULT_HASHTAGS } from '../../src/domain/edit/postText';
import type { Highlight } from '../../src/domain/selection/model';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../../src/domain/format';
import { picksToCsv, picksToJson } from '../../src/domain/selection/picksExport';

type Outcome =
  | {
      ok: true;
      events: number;
      notices?: LogNoticeCode[];
      /** [class, line, column?] of each skipped row. */
      rejected?: [RejectCategory, number, number?][];
      /** Event times, when the case is about reading them. */
      times?: number[];
      /** Product names, when the case is about reading them. */
      names?: (string | undefined)[];
    }
  | { ok: false; code: LogErrorCode; line?: number; column?: number; says?: RegExp };

interface Case {
  name: string;
  file: string;
  bytes: Uint8Array | string;
  expect: Outcome;
}

const lines = (...rows: string[]): string => rows.join('\n');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (endian === 'le') out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return Uint8Array.from(out);
}

/** Latin-1 letters are the same bytes in Windows-1252. */
const cp1252 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** A ZIP local file header naming its first entry, as workbooks start. */
const zipWith = (entry: string): Uint8Array =>
  concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], new Uint8Array(16), [entry.length, 0, 0, 0], utf8(entry), new Uint8Array(64));

/** Deterministic noise (xorshift): binary data with no known signature. */
function noise(n: number): Uint8Array {
  let x = 0x9e3779b9;
  return Uint8Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

const HEADER = 'time,event,product_id,product_name,price';
const MB = 1 << 20;
const hugeName = 'Silk scarf '.repeat(Math.ceil(MB / 11)).slice(0, MB);

const cases: Case[] = [
  // Empty and header-only
  { name: 'a 0-byte file', file: 'empty.csv', bytes: new Uint8Array(0), expect: { ok: false, code: 'empty' } },
  { name: 'only blanks and line breaks', file: 'blank.csv', bytes: ' \r\n\t\r\n', expect: { ok: false, code: 'empty' } },
  { name: 'only a UTF-8 BOM', file: 'bom.csv', bytes: concat([0xef, 0xbb, 0xbf]), expect: { ok: false, code: 'empty' } },
  { name: 'only a header', file: 'header.csv', bytes: HEADER, expect: { ok: false, code: 'no-rows' } },
  { name: 'a header and blank lines with CRLF', file: 'header.csv', bytes: `${HEADER}\r\n\r\n\r\n`, expect: { ok: false, code: 'no-rows' } },
  { name: 'an empty JSON array', file: 'log.json', bytes: '[]', expect: { ok: false, code: 'no-rows' } },
  {
    name: 'a stream start and no events',
    file: 'start.csv',
    bytes: lines('timestamp,event,sku', '2024-05-01T12:00:00Z,stream_start,'),
    expect: { ok: false, code: 'no-events' },
  },

  // Line ends, BOMs, quotes, delimiters
  {
    name: 'UTF-8 BOM and CRLF',
    file: 'log.csv',
    bytes: concat([0xef, 0xbb, 0xbf], utf8(`${HEADER}\r\n1,click,A,Hat,3\r\n2,order,A,,\r\n`)),
    expect: { ok: true, events: 2, names: ['Hat'] },
  },
  { name: 'old Mac CR line ends', file: 'log.csv', bytes: `${HEADER}\r1,click,A,,\r2,click,B,,\r`, expect: { ok: true, events: 2 } },
  { name: 'quoted header names and values', file: 'log.csv', bytes: lines('"Time","Event","Product ID"', '"1","click","A"'), expect: { ok: true, events: 1 } },
  {
    name: 'a trailing delimiter on every line',
    file: 'log.csv',
    bytes: lines('time,event,sku,', '1,click,A,', '2,click,A,,'),
    expect: { ok: true, events: 2 },
  },
  {
    name: 'rows missing the trailing optional fields',
    file: 'log.csv',
    bytes: lines(HEADER, '1,click,A', '2,click,B,Cap', '3,order,A,Hat,9.99'),
    expect: { ok: true, events: 3, names: ['Hat', 'Cap'] },
  },
  {
    name: 'a row that ends before its product_id',
    file: 'log.csv',
    bytes: lines(HEADER, '1,click,A', '2,click'),
    expect: { ok: true, events: 1, notices: ['skipped-rows'], rejected: [['wrong field count', 3]] },
  },
  {
    name: 'an unquoted comma in a name',
    file: 'log.csv',
    bytes: lines(HEADER, '1,click,A,Red, long dress,3', '2,click,A,,'),
    expect: { ok: true, events: 1, notices: ['skipped-rows'], rejected: [['wrong field count', 2]] },
  },
  {
    name: 'a quote that never closes',
    file: 'log.csv',
    bytes: lines(HEADER, '1,click,A,,', '2,click,A,"Hat,', '3,click,A,,'),
    expect: { ok: true, events: 1, notices: ['skipped-rows'], rejected: [['bad quotes', 3]] },
  },
  {
    name: 'tab-separated with quotes and CRLF',
    file: 'log.tsv',
    bytes: 'time\tevent\tsku\tname\r\n1\tclick\tA\t"Hat\tblue"\r\n',
    expect: { ok: true, events: 1, names: ['Hat\tblue'] },
  },
  { name: 'pipe-separated', file: 'log.txt', bytes: lines('time|event|sku', '1|click|A', '2|order|A'), expect: { ok: true, events: 2 } },

  // Columns
  {
    name: 'two columns for one field',
    file: 'log.csv',
    bytes: lines('time,event,product,product_id', '1,click,Hat,A'),
    expect: { ok: true, events: 1, notices: ['duplicate-column'] },
  },
  {
    name: 'two columns with the same name',
    file: 'log.csv',
    bytes: lines('time,event,sku,sku', '1,click,A,B'),
    expect: { ok: true, events: 1, notices: ['duplicate-column'] },
  },
  { name: 'no event column', file: 'log.csv', bytes: lines('time,sku', '1,A'), expect: { ok: false, code: 'missing-columns', says: /an event column/ } },
  {
    name: 'no header row at all',
    file: 'log.csv',
    bytes: lines('1,click,A', '2,click,B'),
    expect: { ok: false, code: 'missing-columns', says: /Found columns "1", "click", "A"/ },
  },
  {
    name: 'JSON items without an event',
    file: 'log.json',
    bytes: '[{"t": 1, "sku": "A"}]',
    expect: { ok: false, code: 'missing-columns', says: /Found fields "t", "sku"/ },
  },

  // Events and times
  {
    name: 'unknown events among good ones',
    file: 'log.csv',
    bytes: lines('time,event,sku', '1,click,A', '2,wave,A', '3,like,A'),
    expect: {
      ok: true,
      events: 1,
      notices: ['skipped-rows'],
      rejected: [
        ['unknown event', 3],
        ['unknown event', 4],
      ],
    },
  },
  {
    name: 'only unknown events',
    file: 'log.csv',
    bytes: lines('time,event,sku', '1,wave,A', '2,like,A'),
    expect: { ok: false, code: 'no-usable-rows', line: 2, says: /First problem, line 2: unknown event "wave"/ },
  },
  {
    name: 'unreadable, impossible and negative times',
    file: 'log.csv',
    bytes: lines('time,event,sku', '1,click,A', 'soon,click,A', '1:75,click,A', '-3,click,A', '12s,click,A'),
    expect: {
      ok: true,
      events: 1,
      notices: ['skipped-rows'],
      rejected: [
        ['bad time', 3],
        ['bad time', 4],
        ['negative time', 5],
        ['bad time', 6],
      ],
    },
  },
  {
    name: 'only negative times',
    file: 'log.csv',
    bytes: lines('time,event,sku', '-1,click,A', '-2,click,A'),
    expect: { ok: false, code: 'no-usable-rows', line: 2 },
  },
  {
    name: 'relative and absolute times mixed',
    file: 'log.csv',
    bytes: lines('time,event,sku', '5,click,A', '2024-05-01T12:00:05Z,click,A', '1714564806,order,A'),
    expect: { ok: true, events: 3 },
  },
  {
    name: 'different stream starts',
    file: 'log.csv',
    bytes: lines('timestamp,event,sku', '2024-05-01T12:00:00Z,stream_start,', '2024-05-01T12:05:00Z,live_start,', '2024-05-01T12:00:05Z,click,A'),
    expect: { ok: true, events: 1, notices: ['conflicting-starts'] },
  },

  // Decimal commas
  {
    name: 'semicolons with decimal commas (European Excel)',
    file: 'log.csv',
    bytes: lines('time;event;sku;price', '12,5;click;A;24,99', '01:02,5;order;A;', '7;click;B;'),
    expect: { ok: true, events: 3, times: [12.5, 62.5, 7] },
  },
  { name: 'tabs with decimal commas', file: 'log.tsv', bytes: lines('time\tevent\tsku', '0,25\tclick\tA'), expect: { ok: true, events: 1, times: [0.25] } },
  {
    name: "Excel's sep=; line, then decimal commas",
    file: 'log.csv',
    bytes: lines('sep=;', 'time;event;sku', '1,5;click;A', 'x;click;A'),
    expect: { ok: true, events: 1, times: [1.5], notices: ['skipped-rows'], rejected: [['bad time', 4]] },
  },
  {
    name: 'an unquoted decimal comma in a comma-separated file',
    file: 'log.csv',
    bytes: lines('time,event,sku', '1,click,A', '12,5,click,A'),
    expect: { ok: true, events: 1, notices: ['skipped-rows'], rejected: [['wrong field count', 3]] },
  },
  {
    name: 'a quoted "1,500" in a comma-separated file (1.5 or 1500?)',
    file: 'log.csv',
    bytes: lines('time,event,sku', '"1,500",click,A', '2,click,A'),
    expect: { ok: true, events: 1, notices: ['skipped-rows'], rejected: [['decimal comma', 2]] },
  },
  {
    name: 'a decimal comma in a JSON string',
    file: 'log.json',
    bytes: '[{"t": "12,5", "event": "click", "sku": "A"}]',
    expect: { ok: false, code: 'no-usable-rows', line: 1, says: /12\.5 or 125/ },
  },

  // Huge fields
  {
    name: 'a 1 MB product name',
    file: 'log.csv',
    bytes: lines(HEADER, `1,click,A,"${hugeName}",3`),
    expect: { ok: true, events: 1, notices: ['shortened'] },
  },
  { name: 'a 1 MB price', file: 'log.csv', bytes: lines(HEADER, `1,click,A,Hat,${'9'.repeat(MB)}`), expect: { ok: true, events: 1, notices: ['shortened'] } },
  {
    name: 'a 1 MB product_id',
    file: 'log.csv',
    bytes: lines('time,event,sku', `1,click,${'A'.repeat(MB)}`, '2,click,B'),
    expect: { ok: true, events: 1, notices: ['skipped-rows'], rejected: [['bad product_id', 2]] },
  },
  {
    name: 'a 1 MB time',
    file: 'log.csv',
    bytes: lines('time,event,sku', `${'1'.repeat(MB)}x,click,A`),
    expect: { ok: false, code: 'no-usable-rows', line: 2 },
  },
  {
    name: 'a 1 MB name in a JSON array',
    file: 'log.json',
    bytes: JSON.stringify([{ t: 1, event: 'click', sku: 'A', name: hugeName }]),
    expect: { ok: true, events: 1, notices: ['shortened'] },
  },

  // Encodings
  {
    name: 'UTF-16 LE with BOM (Excel "Unicode Text")',
    file: 'log.txt',
    bytes: utf16(lines('time\tevent\tsku\tname', '1\tclick\tA\tCafé ☕'), 'le', true),
    expect: { ok: true, events: 1, names: ['Café ☕'] },
  },
  {
    name: 'UTF-16 BE with BOM',
    file: 'log.csv',
    bytes: utf16(lines(HEADER, '1,click,A,Crème,'), 'be', true),
    expect: { ok: true, events: 1, names: ['Crème'] },
  },
  {
    name: 'UTF-16 LE without BOM',
    file: 'log.csv',
    bytes: utf16(lines(HEADER, '1,click,A,Café,'), 'le', false),
    expect: { ok: true, events: 1, notices: ['encoding-guessed'], names: ['Café'] },
  },
  {
    name: 'UTF-16 BE without BOM',
    file: 'log.csv',
    bytes: utf16(lines(HEADER, '1,click,A,Café,'), 'be', false),
    expect: { ok: true, events: 1, notices: ['encoding-guessed'], names: ['Café'] },
  },
  {
    name: 'Windows-1252 (Excel "CSV" on Windows)',
    file: 'log.csv',
    bytes: cp1252(lines(HEADER, '1,click,A,Hat,', '2,click,B,Café crème,')),
    expect: { ok: true, events: 2, notices: ['encoding-guessed'], names: ['Hat', 'Café crème'] },
  },
  {
    name: 'Shift-JIS (neither UTF-8 nor Windows-1252)',
    file: 'log.csv',
    bytes: concat(utf8(`${HEADER}\n1,click,A,`), [0x8f, 0xa4, 0x95, 0x69], utf8(',\n')),
    expect: { ok: false, code: 'encoding', line: 2, column: 11, says: /Shift-JIS/ },
  },
  { name: 'UTF-32 with BOM', file: 'log.csv', bytes: concat([0xff, 0xfe, 0, 0], [0x74, 0, 0, 0]), expect: { ok: false, code: 'encoding', says: /UTF-32/ } },

  // Not text
  {
    name: 'a PNG named .csv',
    file: 'log.csv',
    bytes: concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], utf8('IHDR'), noise(64)),
    expect: { ok: false, code: 'not-text', says: /PNG image/ },
  },
  {
    name: 'a JPEG named .csv',
    file: 'log.csv',
    bytes: concat([0xff, 0xd8, 0xff, 0xe0], noise(64)),
    expect: { ok: false, code: 'not-text', says: /JPEG image/ },
  },
  {
    name: 'an Excel workbook named .csv',
    file: 'log.csv',
    bytes: zipWith('[Content_Types].xml'),
    expect: { ok: false, code: 'spreadsheet', says: /Excel workbook \(\.xlsx\).*save it as CSV/ },
  },
  {
    name: 'an Excel 97 workbook',
    file: 'log.csv',
    bytes: concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], noise(64)),
    expect: { ok: false, code: 'spreadsheet', says: /\.xls\b/ },
  },
  {
    name: 'an OpenDocument spreadsheet',
    file: 'log.csv',
    bytes: zipWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
    expect: { ok: false, code: 'spreadsheet', says: /\.ods/ },
  },
  { name: 'a ZIP archive', file: 'logs.csv', bytes: zipWith('clicks.csv'), expect: { ok: false, code: 'not-text', says: /ZIP archive.*Unzip/ } },
  { name: 'a PDF report', file: 'log.csv', bytes: concat(utf8('%PDF-1.7\n'), noise(64)), expect: { ok: false, code: 'not-text', says: /PDF/ } },
  {
    name: 'the recording named .csv',
    file: 'log.csv',
    bytes: concat([0, 0, 0, 0x20], utf8('ftypisom'), noise(64)),
    expect: { ok: false, code: 'not-text', says: /MP4\/MOV video.*recording/ },
  },
  { name: 'a gzip archive', file: 'log.csv', bytes: concat([0x1f, 0x8b, 8, 0], noise(64)), expect: { ok: false, code: 'not-text', says: /gzip/ } },
  { name: 'binary data without a known signature', file: 'log.csv', bytes: noise(4096), expect: { ok: false, code: 'not-text', line: 1, column: 1 } },
  {
    name: 'a NUL byte inside text',
    file: 'log.csv',
    bytes: lines('time,event,sku', '1,cl\0ick,A'),
    expect: { ok: false, code: 'not-text', line: 2, column: 5 },
  },
  {
    name: 'a sign-in page saved as the export',
    file: 'log.csv',
    bytes: '<!DOCTYPE html>\n<html><body>Please sign in</body></html>',
    expect: { ok: false, code: 'markup', says: /web page/ },
  },
  {
    name: 'an Excel XML spreadsheet',
    file: 'log.csv',
    bytes: '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
    expect: { ok: false, code: 'spreadsheet', says: /save it as CSV/ },
  },
  { name: 'other XML', file: 'log.csv', bytes: '<?xml version="1.0"?>\n<events><event/></events>', expect: { ok: false, code: 'markup', says: /XML/ } },

  // JSON and NDJSON
  {
    name: 'a JSON array with a trailing comma',
    file: 'log.json',
    bytes: '[\n  {"t": 1, "event": "click", "sku": "A"},\n]',
    expect: { ok: false, code: 'invalid-json', line: 3, column: 1, says: /trailing comma/ },
  },
  { name: 'JSON with single quotes', file: 'log.json', bytes: "[{'t': 1}]", expect: { ok: false, code: 'invalid-json', line: 1, column: 3 } },
  { name: 'a JSON object without events', file: 'log.json', bytes: '{"data": []}', expect: { ok: false, code: 'json-shape', says: /found keys "data"/ } },
  { name: 'JSON "events" that is not an array', file: 'log.json', bytes: '{"events": {"t": 1}}', expect: { ok: false, code: 'json-shape' } },
  {
    name: 'JSON with a BOM',
    file: 'log.json',
    bytes: concat([0xef, 0xbb, 0xbf], utf8('[{"t": 1, "event": "click", "sku": "A"}]')),
    expect: { ok: true, events: 1 },
  },
  {
    name: 'a JSON stream start that is not a date',
    file: 'log.json',
    bytes: '{"stream_start": "noon", "events": [{"t": 1, "event": "click", "sku": "A"}]}',
    expect: { ok: true, events: 1, notices: ['stream-start-ignored'] },
  },
  {
    name: 'NDJSON with CRLF and a broken line',
    file: 'log.ndjson',
    bytes: ['{"t": 1, "event": "click", "sku": "A"}', '{"t": 2, "event": "click", "sku": "A"', '[1, 2]', '{"t": 3, "event": "order", "sku": "A"}'].join('\r\n'),
    expect: {
      ok: true,
      events: 2,
      notices: ['skipped-rows'],
      rejected: [
        ['invalid JSON', 2, 38],
        ['not an object', 3],
      ],
    },
  },
  {
    name: 'NDJSON whose first line is broken (read as one JSON document)',
    file: 'log.ndjson',
    bytes: lines('{"t": 1, "event": "click", "sku": "A",}', '{"t": 2, "event": "click", "sku": "A"}'),
    expect: { ok: false, code: 'invalid-json', line: 1, column: 39, says: /trailing comma/ },
  },
  {
    name: 'NDJSON where every line is rejected',
    file: 'log.ndjson',
    bytes: lines('{"t": 1, "event": "click", "sku": "A"}', '', '{"t": 2, "event": "click", "sku": "A",}').replace('"click"', '"wave"'),
    expect: { ok: false, code: 'no-usable-rows', line: 1, says: /2 rows were rejected|all 2 rows/ },
  },
];

describe('bad-input matrix', () => {
  it('has at least 40 logs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a table of bad inputs walked in one test, each case a branch
  it.each(cases)('$name', ({ file, bytes, expect: want }) => {
    const r = parseClickLogBytes(typeof bytes === 'string' ? utf8(bytes) : bytes, file);
    if (!want.ok) {
      if (r.ok) throw new Error(`expected ${want.code}, got a log of ${r.log.events.time.length} events`);
      expect({ code: r.code, line: r.line, column: r.column }).toEqual({ code: want.code, line: want.line, column: want.column });
      // What (which file), where (the line it names), and never a flood of text.
      expect(r.error.startsWith(file)).toBe(true);
      if (want.line !== undefined) expect(r.error).toContain(`line ${want.line}`);
      if (want.says) expect(r.error).toMatch(want.says);
      expect(r.error.length).toBeLessThan(800);
      return;
    }
    if (!r.ok) throw new Error(`expected a log, got ${r.code}: ${r.error}`);
    expect(r.notices.map((n) => n.code)).toEqual(want.notices ?? []);
    expect(r.warnings).toEqual(r.notices.map((n) => n.message));
    expect(r.log.events.time.length).toBe(want.events);
    expect(r.log.rejected.map((row) => ({ code: row.code, line: row.line, column: row.column }))).toEqual(
      (want.rejected ?? []).map(([code, line, column]) => ({ code, line, column })),
    );
    if (want.times) expect(Array.from(r.log.events.time)).toEqual(want.times);
    if (want.names) expect(r.log.products.map((p) => p.name)).toEqual(want.names);
    for (const text of [...r.warnings, ...r.log.rejected.map((row) => row.reason)]) expect(text.length).toBeLessThan(800);
    for (const p of r.log.products) {
      expect(Array.from(p.name ?? '').length).toBeLessThanOrEqual(PRODUCT_NAME_MAX);
      expect(Array.from(p.price ?? '').length).toBeLessThanOrEqual(PRICE_MAX);
    }
  });
});

describe('what the messages say', () => {
  const parse = (bytes: Uint8Array | string, file = 'log.csv') => parseClickLogBytes(typeof bytes === 'string' ? utf8(bytes) : bytes, file);

  it('shortens a 1 MB name to 200 characters ending in an ellipsis, and says where', () => {
    const r = parse(lines(HEADER, '1,click,B,Cap,', `2,click,A,"${hugeName}",3`));
    if (!r.ok) throw new Error(r.error);
    const name = r.log.products[1]?.name ?? '';
    expect(Array.from(name)).toHaveLength(PRODUCT_NAME_MAX);
    expect(name.endsWith('…')).toBe(true);
    expect(name.startsWith('Silk scarf Silk scarf')).toBe(true);
    expect(r.notices).toEqual([
      {
        code: 'shortened',
        line: 3,
        message:
          '1 product name was longer than 200 characters (first at line 3); shortened to fit, ending in "…". Edit the name on the clip if you want another.',
      },
    ]);
  });

  it('names the Windows-1252 byte and where it is', () => {
    const r = parse(cp1252(lines(HEADER, '1,click,A,Hat,', '2,click,B,Café,')));
    if (!r.ok) throw new Error(r.error);
    expect(r.notices[0]).toMatchObject({ code: 'encoding-guessed', line: 3, column: 14 });
    expect(r.warnings[0]).toBe(
      'log.csv is not UTF-8 text (byte 0xE9 at line 3, column 14); read it as Windows-1252 (Western European), the encoding of Excel\'s "CSV" on Windows. If names look wrong, save the log as "CSV UTF-8" and import it again.',
    );
  });

  it('explains why a decimal comma is refused where it is ambiguous', () => {
    const quoted = parse(lines('time,event,sku', '"1,500",click,A', '2,click,A'));
    if (!quoted.ok) throw new Error(quoted.error);
    expect(quoted.log.rejected[0]?.reason).toBe(
      'time "1,500" has a comma, which in a comma-separated file or JSON may be a decimal or a thousands separator (1.500 or 1500?): write the seconds with a point, or separate the file with semicolons',
    );
    const unquoted = parse(lines('time,event,sku', '1,click,A', '12,5,click,A'));
    if (!unquoted.ok) throw new Error(unquoted.error);
    expect(unquoted.log.rejected[0]?.reason).toBe(
      'row has 4 fields but the header has 3: "12,5" looks like a time with a decimal comma, which a comma-separated file cannot hold: write 12.5',
    );
  });

  it('tells a spreadsheet to be saved as CSV', () => {
    const r = parse(zipWith('[Content_Types].xml'), 'clicks.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(
      'clicks.csv is an Excel workbook (.xlsx), not CSV text. Open it in your spreadsheet app and save it as CSV (in Excel: File › Save As › "CSV UTF-8"), then drop the .csv file.',
    );
  });

  it('says which row stops short and before which column', () => {
    const r = parse(lines(HEADER, '1,click,A', '2,click'));
    if (!r.ok) throw new Error(r.error);
    expect(r.log.rejected[0]?.reason).toBe('row has 2 fields but the header has 5: it ends before the "product_id" column');
  });
});

describe('what odd values become downstream', () => {
  const pick: Highlight = {
    rank: 1,
    productIndex: 0,
    productId: 'A',
    productName: 'Hat',
    start: 34.800000000000004,
    end: 64.80000000000001,
    score: 0.30000000000000004,
    counts: { click: 3, add_to_cart: 0, order: 0, pin: 0, unpin: 0 },
    why: {
      window: { productIndex: 0, start: 30, end: 70, source: 'pin' },
      burst: { start: 40, end: 50 },
      burstPerMin: 6,
      backgroundPerMin: 1,
      share: 1,
      leadInSec: 5,
      tailSec: 5,
      snapped: { start: false, end: false },
      pitch: 1,
      showing: 1,
      showings: 1,
      peak: 1,
      peaks: 1,
      lag: { sec: 4, estimated: false, pins: 0 },
    },
  };

  it('rounds exported times and scores to three decimals (no float noise)', () => {
    expect(picksToCsv([pick])).toBe('rank,product_id,product_name,pitch,pitches,peak,start,end,duration,score,clicks\n1,A,Hat,1,1,1,34.8,64.8,30,0.3,3\n');
    expect(JSON.parse(picksToJson([pick]))).toEqual([
      { rank: 1, product_id: 'A', product_name: 'Hat', pitch: 1, pitches: 1, peak: 1, start: 34.8, end: 64.8, duration: 30, score: 0.3, clicks: 3 },
    ]);
  });

  it('caps a 1 MB name from an old stored log in the intro card, captions and post text', () => {
    const edit = autoEdit({ pick, product: { id: 'A', name: hugeName, price: '9'.repeat(MB) }, hashtags: DEFAULT_HASHTAGS });
    expect(Array.from(edit.intro.name)).toHaveLength(PRODUCT_NAME_MAX);
    expect(edit.intro.name.endsWith('…')).toBe(true);
    expect(Array.from(edit.intro.price).length).toBeLessThanOrEqual(PRICE_MAX);
    expect(edit.captions.cues[0]?.text.startsWith(edit.intro.name)).toBe(true);
    expect(edit.post).toContain(edit.intro.name);
    expect(edit.post.length).toBeLessThan(600);
  });

  it.each([
    ['short', 5, 'short'],
    ['exactly five', 12, 'exactly five'],
    ['abcdef', 5, 'abcd…'],
    ['ab   cdef', 5, 'ab…'],
    ['😀😀😀😀😀😀', 3, '😀😀…'],
    ['😀😀😀', 3, '😀😀😀'],
  ])('capText(%j, %d) → %j', (text, max, want) => {
    expect(capText(text, max)).toBe(want);
  });
});
