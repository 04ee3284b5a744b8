import type { ClipEdit } from '../edit/model';
import type { Product } from '../clicklog/model';

/** What a short shows: the clip's range in the recording, its product, and the edit drawn over it. */
export interface ShortSource {
  edit: ClipEdit;
  range: { start: number; end: number };
  product: Product;
}

/**
 * JSON with sorted keys and no `undefined`, so the same content always gives the same text
 * whatever order its fields were written in. A Blob (a picked image or music file) stands in as
 * its size and type: reading it would cost more than a changed file of the same size is likely.
 */
function canonical(value: unknown): string {
  if (value instanceof Blob) return JSON.stringify(`blob:${value.size}:${value.type}`);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash, spread well enough to tell edits apart. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const ms = (sec: number) => Math.round(sec * 1000);

/**
 * The fingerprint of what a short shows. Left out: the post text (a short keeps its own), the
 * output size and quality (a batch overrides them; the list shows them beside the short), and
 * what the edit notes it was made for (the range and product are taken as they are now). When
 * the clip's current source gives another fingerprint, the short is out of date.
 */
export function shortFingerprint({ edit, range, product }: ShortSource): string {
  const { post: _post, output: _output, quality: _quality, madeFor: _madeFor, ...shown } = edit;
  return `v1:${hash53(canonical({ range: [ms(range.start), ms(range.end)], product: { id: product.id, name: product.name, price: product.price }, edit: shown }))}`;
}
