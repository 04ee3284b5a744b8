/**
 * The shop's product list: a product export (Seller Center's "Product ID, Product Name, Price…",
 * or any CSV/TSV with a product id or name column and no time or event column), or names typed
 * one per line. It names the products a click log knows only by id, gives their prices to the
 * intro cards, and is the vocabulary captions spell names with.
 */
import Papa from 'papaparse';
import { detectSignalLog } from '../signals/detect';
import { FIELD_INDEX, mapHeader } from './fields';
import type { Product } from './model';

export interface ProductList {
  /** The file it came from, or "typed" for names typed in the app. */
  fileName: string;
  products: Product[];
}

/** Longer text is not a product list (a shop's export of a few thousand products is well under this). */
const MAX_LIST_BYTES = 5_000_000;

const has = (columns: Int32Array, field: keyof typeof FIELD_INDEX) => (columns[FIELD_INDEX[field]] ?? -1) >= 0;

/** Whether a header row is a product list's: a product id or name, and no time, timestamp or event. */
export function isProductListHeader(header: readonly string[]): boolean {
  const { columns } = mapHeader(header);
  return (has(columns, 'product_id') || has(columns, 'product_name')) && !has(columns, 'time') && !has(columns, 'timestamp') && !has(columns, 'event');
}

/** The first row of delimited text (comma, tab, semicolon or pipe), or undefined for text that is not. */
function headerOf(text: string): string[] | undefined {
  const first = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: true });
  const row = first.data[0];
  return row && row.length >= 1 && first.meta.delimiter !== '' ? row : undefined;
}

/** A product list read from delimited text, or undefined when the text is not one (a click log, JSON…). */
export function readProductList(text: string, fileName: string): { list: ProductList; warnings: string[] } | undefined {
  if (text.length > MAX_LIST_BYTES || /^\s*[[{]/.test(text)) return undefined;
  const header = headerOf(text);
  // Per-minute analytics also name products without a time or event column: their counts tell them apart.
  if (!header || !isProductListHeader(header) || detectSignalLog(text) !== null) return undefined;
  const { columns } = mapHeader(header);
  const col = (field: keyof typeof FIELD_INDEX) => columns[FIELD_INDEX[field]] ?? -1;
  const [idCol, nameCol, priceCol] = [col('product_id'), col('product_name'), col('price')];
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data.slice(1);
  const products: Product[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  for (const row of rows) {
    const name = (row[nameCol] ?? '').trim();
    const id = (row[idCol] ?? '').trim() || name;
    if (id === '') continue;
    // A shop export lists each variant (SKU) of a product on its own row: the product is named once.
    if (seen.has(id)) {
      repeated++;
      continue;
    }
    seen.add(id);
    const price = (row[priceCol] ?? '').trim();
    products.push({ id, ...(name && { name }), ...(price && { price }) });
  }
  if (products.length === 0) return undefined;
  const warnings =
    repeated > 0 ? [`${repeated} more row${repeated === 1 ? '' : 's'} repeated a product already listed (variants of one product): the first was used.`] : [];
  return { list: { fileName, products }, warnings };
}

/** Names typed one per line, each optionally followed by its price ("Glow Serum, $45" or "Glow Serum $45"). */
export function typedProductList(text: string): ProductList {
  const products: Product[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(.*?)[\s,;|\t]+(\$?\d+(?:[.,]\d{1,2})?)\s*$/.exec(line.trim());
    const name = (m ? m[1]! : line).trim().replace(/[,;|]$/, '');
    if (name === '' || products.some((p) => p.name === name)) continue;
    products.push({ id: name, name, ...(m && { price: m[2]! }) });
  }
  return { fileName: 'typed', products };
}

/** An id or name as products are matched by. */
export const productKey = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/**
 * The log's products with what the list adds: a name and price for a product the log knows only
 * by id (matched by id, or by name when the log has names), without overriding what the log says.
 */
export function withProductList(products: readonly Product[], list: ProductList | undefined): Product[] {
  if (!list || list.products.length === 0) return [...products];
  const byId = new Map(list.products.map((p) => [productKey(p.id), p]));
  const byName = new Map(list.products.filter((p) => p.name).map((p) => [productKey(p.name), p]));
  return products.map((p) => {
    const known = byId.get(productKey(p.id)) ?? byName.get(productKey(p.name));
    if (!known) return p;
    const name = p.name ?? known.name;
    const price = p.price ?? known.price;
    return { ...p, ...(name !== undefined && { name }), ...(price !== undefined && { price }) };
  });
}
