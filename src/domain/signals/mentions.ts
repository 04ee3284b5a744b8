/** What a viewer's comment is about: a product it names, or a question for the link or the price. */
import type { Product } from '../clicklog/model';

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$€£]+/gu, ' ')
    .trim();

/** Words too common in shop talk to name one product. */
const COMMON = new Set(
  'the and for with new set pack size color colour blue red black white green pink mini large small big one two this that very best love nice cute good'.split(
    ' ',
  ),
);

/** "link?", "how much", "price pls", "where can I buy", "$$", "cost", "add to cart"… */
const ASK =
  /\b(link|links|linky|price|prices|pricing|how much|how\s*\$|cost|costs|where (?:can|do) i (?:get|buy|find)|where to buy|can i buy|want (?:one|it|this|that)|buy|add(?:ed)? to (?:my )?cart|in stock|sold out|discount|code|coupon)\b|\?\s*\$|\$\s*\?/i;

/** True when a comment asks for the product's link or price (or how to buy it). */
export const asksForLinkOrPrice = (text: string): boolean => ASK.test(text);

/** A product a text names, and whether by its whole name (or id) rather than one word of it. */
export interface Mention {
  product: number;
  whole: boolean;
}

/**
 * A function naming the product a text names, or null: the product's whole name, its id, or a
 * word of its name (4 letters or more, not a common one) that no other product's name has. On a
 * tie (two products named) the longer match wins.
 */
export function mentionFinder(products: readonly Product[]): (text: string) => Mention | null {
  const names = products.map((p) => ({ name: p.name ? fold(p.name) : '', id: fold(p.id) }));
  const owners = new Map<string, Set<number>>();
  names.forEach(({ name }, i) => {
    for (const w of name.split(' ')) if (w.length >= 4 && !COMMON.has(w)) owners.set(w, (owners.get(w) ?? new Set()).add(i));
  });
  const words = names.map(({ name }) => name.split(' ').filter((w) => owners.get(w)?.size === 1));
  return (text) => {
    const t = ` ${fold(text)} `;
    if (t.trim() === '') return null;
    let best: Mention | null = null;
    let bestLen = 0;
    names.forEach(({ name, id }, i) => {
      const whole = [name, id.length >= 3 ? id : ''].filter((s) => s !== '' && t.includes(` ${s} `));
      const hits = [...whole, ...(words[i] ?? []).filter((s) => t.includes(` ${s} `))];
      const len = Math.max(0, ...hits.map((h) => h.length));
      if (len > bestLen) {
        best = { product: i, whole: whole.length > 0 };
        bestLen = len;
      }
    });
    return best;
  };
}

/** The product a comment names (`mentionFinder`'s), or null. */
export function productMatcher(products: readonly Product[]): (text: string) => number | null {
  const find = mentionFinder(products);
  return (text) => find(text)?.product ?? null;
}
