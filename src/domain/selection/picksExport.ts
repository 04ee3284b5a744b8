import Papa from 'papaparse';
import type { Highlight } from './model';
import { slug } from '../format';

/**
 * `pitch`: which time the product was shown (1 = the first), of `pitches`; `peak`: which peak of
 * that showing's clicks the clip holds (2 when a showing has two clips).
 */
const COLUMNS = ['rank', 'product_id', 'product_name', 'pitch', 'pitches', 'peak', 'start', 'end', 'duration', 'score', 'clicks'] as const;
type Row = Record<(typeof COLUMNS)[number], string | number>;

/**
 * Three decimals: times to the millisecond, all a cut can use; more digits are float noise
 * (34.800000000000004). Scores of fractional weights carry the same noise.
 */
const thousandths = (x: number): number => Math.round(x * 1000) / 1000;

function toRow(p: Highlight): Row {
  return {
    rank: p.rank,
    product_id: p.productId,
    product_name: p.productName ?? '',
    pitch: p.why.showing,
    pitches: p.why.showings,
    peak: p.why.peak,
    start: thousandths(p.start),
    end: thousandths(p.end),
    duration: thousandths(p.end - p.start),
    score: thousandths(p.score),
    clicks: p.counts.click,
  };
}

/**
 * The project page's export of its highlight list: named for the project and for what it is,
 * apart from the listing inside a ZIP of shorts (`zip-contents.*`).
 */
export const picksFileName = (projectName: string, ext: 'csv' | 'json') => `${slug(projectName)}-highlight-list.${ext}`;

export function picksToJson(picks: readonly Highlight[]): string {
  return `${JSON.stringify(picks.map(toRow), null, 2)}\n`;
}

/** CSV via papaparse so product names with commas, quotes or newlines stay one field. */
export function picksToCsv(picks: readonly Highlight[]): string {
  return `${Papa.unparse({ fields: [...COLUMNS], data: picks.map(toRow).map((row) => COLUMNS.map((c) => row[c])) }, { newline: '\n', escapeFormulae: true })}\n`;
}
