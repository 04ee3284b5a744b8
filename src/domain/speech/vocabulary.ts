/**
 * Product names and prices written as the seller spells them in recognised speech. A small
 * speech model hears a brand it has never seen as ordinary words ("Velora Glow Serum" →
 * "Valar Igloe seren"), but the consonants survive: runs of words whose consonant skeleton is
 * close to a name's are replaced by the name. Prices heard one digit off a product's price
 * ("$445" for $45) become that price, and spoken prices ("twenty four ninety nine dollars") are
 * written as figures ($24.99), so every caption states prices the same way.
 */
import { editDistance } from './wer';

export interface VocabularyProduct {
  name?: string | undefined;
  price?: string | undefined;
}

interface Phrase {
  /** As the seller writes it. */
  text: string;
  /** Words and consonant skeleton as it is said ("50 ml": "fifty millilitres"). */
  words: number;
  skeleton: string;
  /** Its first and last words, lower-cased (edgesFit). */
  edges: [string, string];
}

/**
 * Words a speaker may say, for the recogniser: product names and their parts. Not prices: a host
 * says other prices than the list's (today's deal), and nudged, the digits heard became the list's.
 */
export interface SpeechHints {
  names: string[];
}

export interface Vocabulary {
  phrases: Phrase[];
  /** Known prices as figures without the currency sign ("45", "24.99"), with their written form. */
  prices: Map<string, string>;
}

/** Words a product name shares with ordinary speech: alone, they are never taken for the product. */
const COMMON = new Set(
  'the a an and or of for with in on to new set pack kit mini max pro plus size one two three big small white black red blue green pink gold silver'.split(' '),
);

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Consonants as heard: spellings of one sound made one letter, vowels and doubled letters
 * dropped (recognisers mostly get vowels wrong), digits kept. "Velora Glow Serum" → "vlrglsrm".
 */
export function skeleton(text: string): string {
  const s = fold(text)
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/gh|h|w|y/g, '')
    .replace(/[aeiou]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Units written after a number in product names, as they are said. */
const SPOKEN_UNITS: Record<string, string> = {
  ml: 'millilitres',
  l: 'litres',
  oz: 'ounces',
  g: 'grams',
  kg: 'kilograms',
  lb: 'pounds',
  lbs: 'pounds',
  mm: 'millimetres',
  cm: 'centimetres',
  m: 'metres',
  pcs: 'pieces',
  pc: 'piece',
  pk: 'pack',
  ct: 'count',
};

const NUMBER_UNIT = new RegExp(String.raw`\b(\d{1,6})(?:\.(\d+))?(?:\s*(${Object.keys(SPOKEN_UNITS).join('|')}))?\b`, 'gi');

/** 0–999 999 in words ("fifty", "two hundred five"). */
function numberWords(n: number): string {
  if (n >= 1000) return `${numberWords(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${numberWords(n % 1000)}` : ''}`;
  if (n >= 100) return `${UNITS[Math.floor(n / 100)]} hundred${n % 100 ? ` ${numberWords(n % 100)}` : ''}`;
  if (n < 20) return UNITS[n]!;
  return `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${UNITS[n % 10]}` : ''}`;
}

/**
 * Text as it is said: numbers in words, units after a number spelled out, hyphens as spaces
 * ("Hydra Cream 50ml 2-Pack" → "Hydra Cream fifty millilitres two Pack", "$24.99" → "twenty four
 * ninety nine"). Names and what was heard are compared in this form, since a recogniser writes
 * either ("50 ml", "fifty milliliters"); caption lines share their time by it.
 */
export function spokenForm(text: string): string {
  return text
    .replace(/\$(\d+)(?:\.(\d\d))?/g, (_, d: string, c: string | undefined) => (c ? `${d} ${c}` : `${d} dollars`))
    .replace(/(\d)%/g, '$1 percent')
    .replace(/(\p{L})-(?=\p{N})|(\p{N})-(?=\p{L})/gu, '$1$2 ')
    .replace(NUMBER_UNIT, (_, int: string, frac: string | undefined, unit: string | undefined) => {
      const number = `${numberWords(Number(int))}${frac ? ` point ${[...frac].map((d) => UNITS[Number(d)]).join(' ')}` : ''}`;
      return unit ? `${number} ${SPOKEN_UNITS[unit.toLowerCase()]}` : number;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A price as its figure without currency ("$24,99" → "24.99"). */
export const priceFigure = (price: string | undefined): string | undefined => price?.match(/\d+(?:[.,]\d{1,2})?/)?.[0]?.replace(',', '.');

/** Said word count and skeleton of `text`. */
const said = (text: string) => {
  const spoken = spokenForm(text);
  return { words: spoken.split(' ').length, skeleton: skeleton(spoken) };
};

/** Names, the distinctive parts of each name (two or more words, or one uncommon word of 5+ letters) and prices. */
export function productVocabulary(products: readonly VocabularyProduct[]): Vocabulary {
  const phrases = new Map<string, Phrase>();
  const add = (words: string[]) => {
    const text = words.join(' ');
    const form = said(text);
    // Short skeletons match too many ordinary words.
    const edges: [string, string] = [words[0]!.toLowerCase(), words[words.length - 1]!.toLowerCase()];
    if (form.skeleton.length >= 4 && !phrases.has(text.toLowerCase())) phrases.set(text.toLowerCase(), { text, ...form, edges });
  };
  // Alone, a number, a unit or a common word is never taken for the product.
  const plain = (w: string) => COMMON.has(w.toLowerCase()) || /^\P{L}*$/u.test(w) || Object.hasOwn(SPOKEN_UNITS, w.toLowerCase());
  const prices = new Map<string, string>();
  for (const p of products) {
    const words = (p.name ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    for (let n = words.length; n >= 1; n--)
      for (let i = 0; i + n <= words.length; i++) {
        const part = words.slice(i, i + n);
        if (n === 1 && (plain(part[0]!) || fold(part[0]!).length < 5)) continue;
        if (n > 1 && part.every(plain)) continue;
        add(part);
      }
    const figure = priceFigure(p.price);
    if (figure) prices.set(figure, `$${figure}`);
  }
  // Longer names first: "Glow Serum Duo" is tried before "Glow Serum".
  return { phrases: [...phrases.values()].sort((a, b) => b.skeleton.length - a.skeleton.length), prices };
}

/**
 * At most this many products nudge the recogniser: nudged towards a whole catalogue's names, it
 * would hear one in ordinary speech.
 */
const MAX_HINTED_PRODUCTS = 40;

/**
 * What the recogniser is nudged towards (src/speech/biasing.ts): the first products' names and
 * their distinctive parts.
 */
export function productHints(products: readonly VocabularyProduct[]): SpeechHints {
  // Each product once, as it is first written.
  const named = new Map<string, VocabularyProduct>();
  for (const p of products) if (p.name && !named.has(p.name.toLowerCase())) named.set(p.name.toLowerCase(), p);
  const vocab = productVocabulary([...named.values()].slice(0, MAX_HINTED_PRODUCTS));
  return { names: vocab.phrases.map((p) => p.text) };
}

/** How alike two skeletons are, 0..1. */
const likeness = (a: string, b: string) => 1 - editDistance([...a], [...b]) / Math.max(a.length, b.length);

/** A run of heard words this alike a name's skeleton is the name. */
export const NAME_LIKENESS = 0.75;
/**
 * Whether `a` and `b` can be NAME_LIKENESS alike: their edit distance is at least their length
 * difference, so skeletons of very different lengths are never compared letter by letter.
 */
const mayBeAlike = (a: string, b: string) => Math.abs(a.length - b.length) <= (1 - NAME_LIKENESS) * Math.max(a.length, b.length);

/**
 * The skeleton of heard words, kept: a host says the same words all stream long, and a 3-hour
 * transcript is spelled once per product list (bounded, so a long session doesn't grow it forever).
 */
const heardSkeletons = new Map<string, string>();
function skeletonOfSaid(words: string): string {
  let sk = heardSkeletons.get(words);
  if (sk === undefined) {
    if (heardSkeletons.size >= 100_000) heardSkeletons.clear();
    sk = skeleton(spokenForm(words));
    heardSkeletons.set(words, sk);
  }
  return sk;
}
const SHORT_SKELETON = 6;

interface HeardWord {
  /** The word as heard, with its punctuation. */
  raw: string;
  core: string;
}

/** Words a heard run of a name may not begin or end with (unless the name does): "the Valar Igloe" is not the name. */
const EDGE_WORDS = new Set('the a an and or of for with in on to is it this that my our your its at so'.split(' '));

const heardWords = (text: string): HeardWord[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({ raw, core: raw.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}]+$/gu, '') }));

function edgesFit(run: readonly HeardWord[], [first, last]: readonly [string, string]): boolean {
  const edge = (heard: string | undefined, own: string) => !EDGE_WORDS.has((heard ?? '').toLowerCase()) || heard?.toLowerCase() === own;
  return edge(run[0]?.core, first) && edge(run[run.length - 1]?.core, last);
}

/** The best name for heard words [i, i+n), if alike enough. */
function bestName(words: HeardWord[], i: number, vocab: Vocabulary): { phrase: Phrase; n: number; score: number } | undefined {
  let best: { phrase: Phrase; n: number; score: number } | undefined;
  const heard = new Map<number, string>();
  const heardSkeleton = (n: number) => {
    const kept = heard.get(n);
    if (kept !== undefined) return kept;
    const sk = skeletonOfSaid(
      words
        .slice(i, i + n)
        .map((w) => w.core)
        .join(' '),
    );
    heard.set(n, sk);
    return sk;
  };
  // A recogniser splits and joins words: one more or one fewer than the name has.
  for (const phrase of vocab.phrases)
    for (let n = Math.max(1, phrase.words - 1); n <= phrase.words + 1 && i + n <= words.length; n++) {
      const sk = heardSkeleton(n);
      if (sk.length < 3 || !mayBeAlike(sk, phrase.skeleton)) continue;
      // A short name has to be heard exactly: one consonant off, "Red Mug" would be "read my".
      if (phrase.skeleton.length < SHORT_SKELETON && sk !== phrase.skeleton) continue;
      if (!edgesFit(words.slice(i, i + n), phrase.edges)) continue;
      const score = likeness(sk, phrase.skeleton);
      // The name that explains the most of what was heard: a whole name a little off beats a part of it spot on.
      if (score >= NAME_LIKENESS && (!best || score * phrase.skeleton.length > best.score * best.phrase.skeleton.length)) best = { phrase, n, score };
    }
  return best;
}

/** `name` in place of heard words, keeping the punctuation around them. */
function nameInRun(run: readonly HeardWord[], name: string): string {
  return run[0]!.raw.match(/^[^\p{L}\p{N}]*/u)![0] + name + run.at(-1)!.raw.match(/[^\p{L}\p{N}]*$/u)![0];
}

/** Replaces heard names by their spelling, keeping the punctuation around them. */
function spellNames(text: string, vocab: Vocabulary): string {
  const words = heardWords(text);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const found = bestName(words, i, vocab);
    if (!found) {
      out.push(words[i]!.raw);
      i++;
      continue;
    }
    out.push(nameInRun(words.slice(i, i + found.n), found.phrase.text));
    i += found.n;
  }
  return out.join(' ');
}

const UNIT = `(?:${UNITS.join('|')})`;
/** 0–99 in words: "forty five", "forty-five", "twelve". */
const UPTO99 = String.raw`(?:(?:${TENS.slice(2).join('|')})(?:[\s-]+(?:${UNITS.slice(1, 10).join('|')}))?|${UNIT})`;
/** Up to 999 999: "two hundred forty five", "one thousand". */
const WORDS_NUMBER = String.raw`(?:(?:${UPTO99}\s+hundred(?:\s+(?:and\s+)?${UPTO99})?|${UPTO99})(?:\s+thousand(?:\s+(?:and\s+)?(?:${UPTO99}\s+hundred(?:\s+(?:and\s+)?${UPTO99})?|${UPTO99}))?)?)`;

function wordsValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    const unit = UNITS.indexOf(w);
    const tens = TENS.indexOf(w);
    if (unit >= 0) current += unit;
    else if (tens >= 2) current += tens * 10;
    else if (w === 'hundred') current *= 100;
    else if (w === 'thousand') {
      total += current * 1000;
      current = 0;
    }
  }
  return total + current;
}

/** 10–99 in words: cents said after the dollars ("ninety nine"). */
const CENTS = String.raw`(?:(?:${TENS.slice(2).join('|')})(?:[\s-]+(?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(10).join('|')})`;
const DOLLARS = 'dollars?|bucks';

/** Spoken prices, most specific first; each gives dollars and cents as words. */
const SPOKEN: Array<[RegExp, (m: RegExpExecArray) => [string, string | undefined]]> = [
  // "five dollars and ninety nine cents"
  [new RegExp(String.raw`\b(${WORDS_NUMBER})\s+(?:${DOLLARS})\s+(?:and\s+)?(${UPTO99})\s+cents\b`, 'gi'), (m) => [m[1]!, m[2]]],
  // "twenty four ninety nine dollars": the cents are 10–99, so "forty five dollars" stays 45.
  [new RegExp(String.raw`\b(${UPTO99})\s+(${CENTS})\s+(?:${DOLLARS})\b`, 'gi'), (m) => [m[1]!, m[2]]],
  // "forty five dollars", "two hundred bucks"
  [new RegExp(String.raw`\b(${WORDS_NUMBER})\s+(?:${DOLLARS})\b`, 'gi'), (m) => [m[1]!, undefined]],
];

/** "twenty four ninety nine dollars" → "$24.99", "forty five dollars" → "$45", "45 dollars" → "$45". */
function spokenPrices(text: string): string {
  let out = text;
  for (const [pattern, parts] of SPOKEN)
    out = out.replace(pattern, (...args: unknown[]) => {
      const [dollars, cents] = parts(args.slice(0, -2) as unknown as RegExpExecArray);
      return `$${wordsValue(dollars)}${cents === undefined ? '' : `.${String(wordsValue(cents)).padStart(2, '0')}`}`;
    });
  return (
    out
      .replace(new RegExp(String.raw`\$?\b(\d+(?:\.\d{2})?)\s+(?:${DOLLARS})\b`, 'gi'), '$$$1')
      // "$24 and 99 cents", as a recogniser writes figures.
      .replace(/\$(\d+)\s+(?:and\s+)?(\d\d)\s+cents?\b/gi, '$$$1.$2')
  );
}

/**
 * A heard price one digit off a known price (two digits or more, cents or none on both) is that
 * price; a known price with cents heard as a bare figure ("only 24.99") gets its currency.
 */
function knownPrices(text: string, vocab: Vocabulary): string {
  if (vocab.prices.size === 0) return text;
  const withSign = text.replace(/(?<![\d$.])(\d+\.\d\d)(?!\d|[.,]\d)/g, (whole, figure: string) => vocab.prices.get(figure) ?? whole);
  return withSign.replace(/\$(\d+(?:\.\d{1,2})?)/g, (whole, heard: string) => {
    if (vocab.prices.has(heard)) return whole;
    const digits = heard.replace('.', '');
    // Only like with like: $125 is not $12.50 one digit off.
    const near = [...vocab.prices.keys()].filter((p) => {
      const d = p.replace('.', '');
      return p.includes('.') === heard.includes('.') && d.length >= 2 && digits.length >= 2 && editDistance([...d], [...digits]) <= 1;
    });
    return near.length === 1 ? vocab.prices.get(near[0]!)! : whole;
  });
}

/**
 * A known price said without "dollars" ("only twenty four ninety nine"): as a figure. Only known
 * prices: two numbers in a row are not otherwise a price.
 */
function barePrices(text: string, vocab: Vocabulary): string {
  if (vocab.prices.size === 0) return text;
  return text.replace(new RegExp(String.raw`\b(${UPTO99})\s+(${CENTS})\b`, 'gi'), (whole, dollars: string, cents: string) => {
    const figure = `${wordsValue(dollars)}.${String(wordsValue(cents)).padStart(2, '0')}`;
    return vocab.prices.get(figure) ?? whole;
  });
}

/** `text` with product names as the seller spells them and prices as figures. */
export function spellWithVocabulary(text: string, vocab: Vocabulary): string {
  return knownPrices(barePrices(spokenPrices(spellNames(text, vocab)), vocab), vocab);
}
