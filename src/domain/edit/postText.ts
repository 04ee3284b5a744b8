/** Suggested TikTok post text (caption + hashtags) for a clip. */

/** TikTok's caption limit, in characters. Counted in UTF-16 units, which never undercounts. */
export const POST_MAX_CHARS = 2200;
/** Hashtags taken from the product name at most. */
export const MAX_NAME_HASHTAGS = 5;
/** Editable in settings; used when the user has not changed them. */
export const DEFAULT_HASHTAGS: readonly string[] = ['tiktokshop', 'livehighlights', 'fyp'];

export const HOOKS: readonly string[] = [
  'You need to see this 👀',
  'Everyone on our LIVE wanted this 🔥',
  "Don't scroll past this deal 🛍️",
  'This was the moment of our LIVE ✨',
  'Wait until you see this one 😍',
];

export interface PostInput {
  productName: string;
  price?: string;
  /** The user's standing hashtags, with or without '#'. */
  defaults: readonly string[];
  /** Another hook for the same product ("shuffle" in the UI); 0 = the default choice. */
  variant?: number;
}

export interface PostSuggestion {
  hook: string;
  body: string;
  /** Without '#'. */
  hashtags: string[];
  /** hook, body and hashtags as one caption, ≤ POST_MAX_CHARS. */
  text: string;
}

/** FNV-1a over UTF-16 units: a stable, well-spread choice of template per product name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'your',
  'you',
  'our',
  'new',
  'set',
  'pcs',
  'pack',
  'size',
  'per',
  'des',
  'les',
  'und',
  'der',
  'die',
  'das',
  'con',
  'para',
  'los',
  'las',
]);

const words = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2') // women's → womens
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w !== '');

/**
 * Hashtags from a product name: its words (apostrophes dropped: women's → womens), lowercase,
 * letters / digits / combining marks only (any script),
 * at least 3 characters, not all digits and not filler words, deduplicated, at most `max`.
 * A name of 2–3 words also gives the words run together (#glowserum) first, the tag people
 * actually search for.
 */
export function nameHashtags(productName: string, max = MAX_NAME_HASHTAGS): string[] {
  const all = words(productName);
  const useful = all.filter((w) => Array.from(w).length >= 3 && !/^\p{N}+$/u.test(w) && !STOP_WORDS.has(w));
  const joined = all.length >= 2 && all.length <= 3 ? all.join('') : '';
  const tags = joined !== '' && Array.from(joined).length <= 24 ? [joined, ...useful] : useful;
  return [...new Set(tags)].slice(0, Math.max(0, max));
}

/** A user-typed hashtag without '#', spaces or punctuation (underscores are allowed), lowercase. */
export function cleanHashtag(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '');
}

/** The longest prefix of whole code points that is at most `units` UTF-16 units long. */
function truncateUnits(text: string, units: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

const fits = (s: string) => s.length <= POST_MAX_CHARS;

function compose(hook: string, body: string, hashtags: readonly string[]): string {
  const tags = hashtags.map((t) => `#${t}`).join(' ');
  return [hook, body].filter((s) => s !== '').join('\n') + (tags === '' ? '' : `\n\n${tags}`);
}

export function suggestPost(input: PostInput): PostSuggestion {
  const name = input.productName.replace(/\s+/g, ' ').trim();
  const price = input.price?.replace(/\s+/g, ' ').trim() ?? '';
  const index = (hash(name.toLowerCase()) + Math.max(0, Math.floor(input.variant ?? 0))) % HOOKS.length;
  const hook = HOOKS[index] ?? HOOKS[0] ?? '';
  let body = [name, price].filter((s) => s !== '').join(' — ');

  const hashtags = [...new Set([...nameHashtags(name), ...input.defaults.map(cleanHashtag)].filter((t) => t !== ''))];
  // Over the limit (only with absurd names or tag lists): drop hashtags from the end, then shorten the body.
  while (hashtags.length > 0 && !fits(compose(hook, body, hashtags))) hashtags.pop();
  if (!fits(compose(hook, body, hashtags))) {
    const room = POST_MAX_CHARS - compose(hook, '', hashtags).length - 2; // '\n' + '…'
    body = `${truncateUnits(body, room).trimEnd()}…`;
  }
  return { hook, body, hashtags, text: compose(hook, body, hashtags) };
}
