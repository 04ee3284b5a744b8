import Papa from 'papaparse';
import type { Pick } from './events';

const COLUMNS = ['rank', 'product_id', 'product_name', 'start', 'end', 'duration', 'score', 'clicks'] as const;
type Row = Record<(typeof COLUMNS)[number], string | number>;

function toRow(p: Pick): Row {
  return {
    rank: p.rank,
    product_id: p.productId,
    product_name: p.productName ?? '',
    start: p.start,
    end: p.end,
    duration: Math.round((p.end - p.start) * 1000) / 1000,
    score: p.score,
    clicks: p.counts.click,
  };
}

export function picksToJson(picks: readonly Pick[]): string {
  return `${JSON.stringify(picks.map(toRow), null, 2)}\n`;
}

/** CSV via papaparse so product names with commas, quotes or newlines stay one field. */
export function picksToCsv(picks: readonly Pick[]): string {
  return `${Papa.unparse({ fields: [...COLUMNS], data: picks.map((p) => COLUMNS.map((c) => toRow(p)[c])) }, { newline: '\n', escapeFormulae: true })}\n`;
}
