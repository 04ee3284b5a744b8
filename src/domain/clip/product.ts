/** The product a clip is linked to, and a typed one checked. */
import type { Product } from '../clicklog/model';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../format';
import { TALK_ID_PREFIX } from '../speech/spokenSignals';

/** A product a clip is linked to: one of the log's, or one the user typed (with its shop link). */
export interface LinkedProduct extends Product {
  url?: string;
}

/**
 * What to search TikTok's product picker for: the shop's id where the product has one, and its
 * name. Typed names (their id is the name) and pitches found in a recording alone (ours) have none.
 */
export function shopSearch(p: LinkedProduct): { id?: string; name?: string } {
  const ownId = p.id === p.name || p.id.startsWith(TALK_ID_PREFIX);
  return { ...(!ownId && { id: p.id }), ...(p.name && { name: p.name }) };
}

export const sameProduct = (a: LinkedProduct, b: LinkedProduct) => a.id === b.id && a.name === b.name && a.price === b.price && a.url === b.url;

export interface ProductDraft {
  id: string;
  name: string;
  price: string;
  url: string;
}
export type ProductErrors = Partial<Record<keyof ProductDraft, string>>;

const ID_MAX = 100;

/** A typed product, checked: an id and a name are needed; the link must be a web address. */
export function validateProduct(draft: ProductDraft): { product: LinkedProduct } | { errors: ProductErrors } {
  const id = draft.id.trim();
  const name = draft.name.replace(/\s+/g, ' ').trim();
  const price = draft.price.trim();
  const url = draft.url.trim();
  const errors: ProductErrors = {};
  if (id === '') errors.id = 'Give the product id (as in TikTok Shop).';
  else if (id.length > ID_MAX) errors.id = `At most ${ID_MAX} characters.`;
  if (name === '') errors.name = 'Give the product name: the intro card shows it.';
  else if (capText(name, PRODUCT_NAME_MAX) !== name) errors.name = `At most ${PRODUCT_NAME_MAX} characters.`;
  if (capText(price, PRICE_MAX) !== price) errors.price = `At most ${PRICE_MAX} characters.`;
  if (url !== '' && !isWebUrl(url)) errors.url = 'A web address starting with https:// (or http://).';
  if (Object.keys(errors).length > 0) return { errors };
  return { product: { id, name, ...(price && { price }), ...(url && { url }) } };
}

function isWebUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}
