import Papa from 'papaparse';

/**
 * The listing's names inside a ZIP: what they are (the ZIP's contents), apart from the project
 * page's export of its highlight list (`<project>-highlight-list.*`).
 */
export const LISTING_FILES = { csv: 'zip-contents.csv', json: 'zip-contents.json' } as const;

/** One file of a ZIP of highlights, as LISTING_FILES list it. */
export interface ListingRow {
  file: string;
  rank: number;
  productId: string;
  productName: string;
  price: string;
  /** Seconds in the recording. */
  start: number;
  end: number;
  score: number;
  /** Which engine made the file ("webcodecs" or "ffmpeg"). */
  engine: string;
  postText: string;
}

const COLUMNS = ['file', 'rank', 'product_id', 'product_name', 'price', 'start', 'end', 'duration', 'score', 'engine', 'post_text'] as const;

/** Times to the millisecond: more digits are float noise. */
const thousandths = (x: number) => Math.round(x * 1000) / 1000;

function record(r: ListingRow): Record<(typeof COLUMNS)[number], string | number> {
  return {
    file: r.file,
    rank: r.rank,
    product_id: r.productId,
    product_name: r.productName,
    price: r.price,
    start: thousandths(r.start),
    end: thousandths(r.end),
    duration: thousandths(r.end - r.start),
    score: thousandths(r.score),
    engine: r.engine,
    post_text: r.postText,
  };
}

export function listingJson(rows: readonly ListingRow[]): string {
  return `${JSON.stringify(rows.map(record), null, 2)}\n`;
}

/** Via papaparse, so post texts with commas, quotes and newlines stay one field, and formulas stay text in spreadsheets. */
export function listingCsv(rows: readonly ListingRow[]): string {
  const data = rows.map(record).map((row) => COLUMNS.map((c) => row[c]));
  return `${Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\n', escapeFormulae: true })}\n`;
}
