/**
 * What the host says, as events the selection scores (issue 19): where each product is talked
 * about (`topic` … `topic_end`: from its first strong mention until another product takes over),
 * each time it is named, each price said and each call to action. Without any product known, the
 * stretches of talk that end in a price or a call to action stand in for products, each named by
 * its most distinctive words. Pure: the transcript's segments in, events in recording time out.
 */
import type { Product, SpokenKind } from '../clicklog/model';
import { mentionFinder, type Mention } from '../signals/mentions';
import type { Loudness } from '../recording/loudness';
import { sentences } from './cues';
import { livelyStarts, type Utterance } from './delivery';
import { priceFigure, productVocabulary, spellWithVocabulary, type Vocabulary } from './vocabulary';

/** What the selection reads of a transcript segment: its span and text; its speech (`parts`), when kept, measures the host's pace. */
export type SaidText = Utterance;

export interface SpokenEvent {
  time: number;
  kind: SpokenKind;
  product: number;
}

export interface SpokenSignals {
  /** Products the talk stretches stand for (only when no product was known), after the known ones. */
  added: Product[];
  events: SpokenEvent[];
}

interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** A product mentioned again this soon after a passing mention takes over from the one being talked about. */
export const TAKEOVER_SEC = 60;
/** Talked about no more (not named, no price, no call to action) for this long: its topic ends. */
export const TOPIC_IDLE_SEC = 600;
/** A topic opens up to this long before the mention that opens it: the host introduces a product before naming it… */
export const TOPIC_LEAD_SEC = 12;
/** …in one stretch of talk: a pause this long before it is where the introduction starts. */
const INTRO_PAUSE_SEC = 2.5;
/** Said after the last sentence of a topic before it ends: the host finishes the thought. */
const TOPIC_TAIL_SEC = 10;

/** A price said aloud (spelled as figures by the vocabulary first), a discount, the word "price". */
const PRICE =
  /\$\s?\d|\b\d+(?:[.,]\d{1,2})?\s*(?:dollars?|bucks|euros?|pounds?)\b|€\s?\d|£\s?\d|\bprice\b|\bpercent off\b|%\s*off\b|\bhalf off\b|\bdiscount\b/i;
/** What a host says to make viewers buy now. */
const CALL =
  /\b(?:link|add (?:it |this |them )?to (?:your )?(?:cart|bag|basket)|tap|click|grab|buy|order|check ?out|pinned|orange (?:cart|bag)|shop now|only today|today only|for this live only|limited|sells? out|selling out|sold out|hurry|be quick|last chance|don'?t miss|coupon|code|go go go|few left)\b/i;

/** A segment's sentences, each given its share of the segment's time by character count. */
function sentencesOf(seg: SaidText): Sentence[] {
  const parts = sentences(seg.text);
  const chars = parts.reduce((n, p) => n + p.length, 0);
  let t = seg.start;
  return parts.map((text) => {
    const len = ((seg.end - seg.start) * text.length) / Math.max(1, chars);
    const sentence = { start: t, end: t + len, text };
    t += len;
    return sentence;
  });
}

/**
 * The sentences of `segments` spelled with the products' names and prices, spoken prices as
 * figures ("forty dollars" → "$40"). Kept per segment for the same products: the transcript grows
 * a chunk at a time and is read again each time, and a 3-hour one has tens of thousands of
 * sentences. Segments are known by what they hold, not by identity: the analysis worker gets
 * new copies with each request.
 */
let spelled: { key: string; bySegment: Map<string, Sentence[]> } | undefined;
const segmentKey = (seg: SaidText) => `${seg.start} ${seg.end} ${seg.parts?.map((p) => `${p.start}-${p.end}`).join(',') ?? ''} ${seg.text}`;
function spelledSentences(segments: readonly SaidText[], products: readonly Product[]): Sentence[] {
  const key = JSON.stringify(products.map((p) => [p.name, p.price]));
  if (spelled?.key !== key) spelled = { key, bySegment: new Map() };
  const { bySegment } = spelled;
  let vocab: Vocabulary | undefined;
  return [...segments]
    .sort((a, b) => a.start - b.start)
    .flatMap((seg) => {
      const k = segmentKey(seg);
      const kept = bySegment.get(k);
      if (kept) return kept;
      vocab ??= productVocabulary(products);
      const sentences = sentencesOf(seg).map((s) => ({ ...s, text: spellWithVocabulary(s.text, vocab!) }));
      bySegment.set(k, sentences);
      return sentences;
    });
}

const saysPrice = (text: string) => PRICE.test(text);
const callsToAction = (text: string) => CALL.test(text);

/** What sentence `s` says towards a moment of `product`: a price, a call to buy, a lively delivery. */
function momentEvents(s: Sentence, product: number, lively: ReadonlySet<number>): SpokenEvent[] {
  const kinds: SpokenKind[] = [];
  if (saysPrice(s.text)) kinds.push('price');
  if (callsToAction(s.text)) kinds.push('cta');
  if (lively.has(s.start)) kinds.push('lively');
  return kinds.map((kind) => ({ time: s.start, kind, product }));
}

/**
 * The events of the transcript `segments` for `products` (a project's log and product list);
 * with the recording's `loudness`, utterances said faster and louder than usual are `lively`.
 */
export function spokenSignals(segments: readonly SaidText[], products: readonly Product[], durationSec: number, loudness?: Loudness): SpokenSignals {
  const sentences = spelledSentences(segments, products).filter((s) => s.start < durationSec);
  if (sentences.length === 0) return { added: [], events: [] };
  // An utterance's first sentence starts where it does: that sentence carries its liveliness.
  const lively = new Set(livelyStarts(segments, loudness));
  const found = products.some((p) => p.name)
    ? { added: [], events: productTalk(sentences, products, durationSec, lively) }
    : talkStretches(sentences, products.length, durationSec, lively);
  // A topic that runs to the end closes there by itself: an event at the end would be "after it ends".
  return { ...found, events: found.events.filter((e) => e.time < durationSec) };
}

/**
 * Named products: each sentence (spelled with the products' vocabulary, so "Valar Igloe seren" is
 * read as "Velora Glow Serum") gives its mention; a product's topic opens at a mention by its
 * whole name or by a price only it has, or at a word of its name said again within a minute, and
 * closes when another opens or the talk about it stops.
 */
function productTalk(sentences: readonly Sentence[], products: readonly Product[], durationSec: number, lively: ReadonlySet<number>): SpokenEvent[] {
  const find = mentionFinder(products);
  const priceOwner = priceOwners(products);
  const heard = sentences.map((s) => {
    const { text } = s;
    const byPrice = [...text.matchAll(/\$(\d+(?:\.\d{1,2})?)/g)].map((m) => priceOwner(m[1]!)).find((p) => p !== undefined);
    const named = find(text);
    const mention: Mention | null = named ?? (byPrice === undefined ? null : { product: byPrice, whole: true });
    return { ...s, text, mention };
  });
  const events: SpokenEvent[] = [];
  let current = -1;
  let lastSaid = 0;
  let topicEnd = 0;
  const close = (at: number) => {
    if (current >= 0) {
      topicEnd = Math.min(durationSec, at);
      events.push({ time: topicEnd, kind: 'topic_end', product: current });
    }
    current = -1;
  };
  heard.forEach((s, i) => {
    if (current >= 0 && s.start - lastSaid > TOPIC_IDLE_SEC) close(lastSaid + TOPIC_TAIL_SEC);
    const m = s.mention;
    if (m && m.product !== current) {
      const again = mentionedWithin(heard, i, m.product);
      if (m.whole || again || current < 0) {
        const from = introStart(heard, i, current < 0 ? topicEnd : lastSaid);
        close(from);
        current = m.product;
        events.push({ time: from, kind: 'topic', product: current });
      }
    }
    // A word of a name said in passing shows what is talked about, not a moment: only whole names count.
    if (m?.whole) events.push({ time: s.start, kind: 'named', product: m.product });
    if (current < 0) return;
    const moment = momentEvents(s, current, lively);
    if (m?.product === current || moment.some((e) => e.kind !== 'lively')) lastSaid = s.end;
    events.push(...moment);
  });
  if (current >= 0) close(Math.max(lastSaid + TOPIC_TAIL_SEC, heard[heard.length - 1]!.end));
  return events;
}

/** True when `product` is mentioned again within TAKEOVER_SEC after sentence `i` (sentences are in time order). */
function mentionedWithin(heard: ReadonlyArray<Sentence & { mention: Mention | null }>, i: number, product: number): boolean {
  for (let j = i + 1; j < heard.length && heard[j]!.start - heard[i]!.start <= TAKEOVER_SEC; j++) if (heard[j]!.mention?.product === product) return true;
  return false;
}

/**
 * Where the talk that leads to sentence `i` begins: the earliest sentence at most TOPIC_LEAD_SEC
 * before it, after `notBefore` (what the previous product last had said about it), with no other
 * product named and no long pause in between.
 */
function introStart(heard: ReadonlyArray<Sentence & { mention: Mention | null }>, i: number, notBefore: number): number {
  const at = heard[i]!;
  let from = at.start;
  for (let j = i - 1; j >= 0; j--) {
    const s = heard[j]!;
    const paused = heard[j + 1]!.start - s.end >= INTRO_PAUSE_SEC;
    if (paused || s.start < at.start - TOPIC_LEAD_SEC || s.start < notBefore || (s.mention && s.mention.product !== at.mention?.product)) break;
    from = s.start;
  }
  return from;
}

const dollarsOf = (figure: string) => String(Math.trunc(Number(figure.replace(',', '.'))));
const centsOf = (figure: string) => String(Number(figure.replace(',', '.')));

/**
 * The product a heard price names: the one product with that price, or, when the cents were lost
 * ("twenty four dollars, nineteen" for $24.99), the one product with those dollars.
 */
function priceOwners(products: readonly Product[]): (heard: string) => number | undefined {
  const unique = (key: (figure: string) => string) => {
    const owners = new Map<string, number | null>();
    products.forEach((p, i) => {
      const figure = priceFigure(p.price);
      if (figure) owners.set(key(figure), owners.has(key(figure)) ? null : i);
    });
    return owners;
  };
  const exact = unique(centsOf);
  const dollars = unique(dollarsOf);
  return (heard) => {
    const p = exact.get(centsOf(heard)) ?? (heard.includes('.') ? undefined : dollars.get(dollarsOf(heard)));
    return p ?? undefined;
  };
}

/** Ids of the products a recording alone gets, one per pitch found (ours, not a shop's). */
export const TALK_ID_PREFIX = 'talk-';

/** Closers this close together end one pitch (a host says the price and asks to buy in one breath). */
const CLOSER_GAP_SEC = 12;
/** A pitch is taken to start at most this long before its first price or call to action… */
const PITCH_LEAD_SEC = 90;
/** …and to end this long after its last. */
const PITCH_TAIL_SEC = 20;
/** Its words count as naming it this close before its first price or call to buy. */
const NAMED_NEAR_SEC = 20;

/**
 * No product known: each run of sentences that say a price or call to action ends a pitch that
 * began after the previous one ended (at most 90 s before). Each pitch becomes a product named by
 * its most distinctive words, its words counted as naming it.
 */
function talkStretches(sentences: readonly Sentence[], firstIndex: number, durationSec: number, lively: ReadonlySet<number>): SpokenSignals {
  const closers = sentences.filter((s) => saysPrice(s.text) || callsToAction(s.text));
  const runs: Array<{ start: number; end: number }> = [];
  for (const c of closers) {
    const last = runs[runs.length - 1];
    if (last && c.start - last.end <= CLOSER_GAP_SEC) last.end = c.end;
    else runs.push({ start: c.start, end: c.end });
  }
  let before = 0;
  const pitches = runs.map((r, k) => {
    const start = Math.max(before, r.start - PITCH_LEAD_SEC, sentences.find((s) => s.start >= before)?.start ?? before);
    // The host goes on showing it after asking to buy: the pitch ends a while after, or where the next one's talk starts.
    before = Math.min(durationSec, r.end + PITCH_TAIL_SEC, runs[k + 1]?.start ?? durationSec);
    return { start, end: before, close: r.start - NAMED_NEAR_SEC, sentences: sentences.filter((s) => s.start >= start && s.start < before) };
  });
  const names = distinctiveWords(pitches.map((p) => p.sentences.map((s) => s.text).join(' ')));
  const added: Product[] = [];
  const events: SpokenEvent[] = [];
  pitches.forEach((p, k) => {
    const product = firstIndex + k;
    const words = names[k] ?? [];
    added.push({ id: `${TALK_ID_PREFIX}${k + 1}`, name: words.length > 0 ? words.map(titleCase).join(' ') : `Talk ${k + 1}` });
    events.push({ time: p.start, kind: 'topic', product }, { time: p.end, kind: 'topic_end', product });
    for (const s of p.sentences) {
      const said = new Set(tokens(s.text));
      // Its words name it where the pitch closes; said all along, they would make any stretch a moment.
      if (s.start >= p.close && words.some((w) => said.has(w))) events.push({ time: s.start, kind: 'named', product });
      events.push(...momentEvents(s, product, lively));
    }
  });
  return { added, events };
}

/** Words too common to name anything a host sells. */
const STOP = new Set(
  `about after again also always amazing and another any anyone are around back because been before being best better between both bring can cart check chat coming come could deal deals does doing dollars done down each even ever every everyone everything first from get getting give going gonna good great guys have here hey just know last left let like link little live look looking love made make makes more most much need next nice now okay only other our out over people perfect pinned price really right same says see should show so some something still stay such super sure take tap than thank thanks that the their them then there these they thing things think this those through time today too very want wait watching way we well were what when where which while will with wow would yeah yes you your one two three four five six seven eight nine ten twenty thirty forty fifty hundred cents percent off free shipping hurry quick order orders buy grab add before sell sells selling sold regular normally`.split(
    /\s+/,
  ),
);

const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4 && !STOP.has(w));

const titleCase = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Each text's two most distinctive words (said most in it against how many texts say them, tf·idf;
 * a capitalised word counts double), in the order they are first said; a word counted once is used
 * only when nothing counts twice.
 */
export function distinctiveWords(texts: readonly string[]): string[][] {
  const counts = texts.map((t) => {
    const c = new Map<string, number>();
    for (const w of tokens(t)) c.set(w, (c.get(w) ?? 0) + 1);
    // A recogniser writes names with capitals: a capitalised word inside a sentence counts once more.
    for (const m of t.matchAll(/(?<=[\p{Ll},;:]\s+)\p{Lu}\p{Ll}+/gu)) {
      const w = tokens(m[0])[0];
      if (w && c.has(w)) c.set(w, c.get(w)! + 1);
    }
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const w of c.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  return counts.map((c, k) => {
    const order = tokens(texts[k]!);
    const score = (w: string) => (c.get(w) ?? 0) * Math.log((texts.length + 1) / (df.get(w) ?? 1));
    const ranked = [...c.keys()].sort((a, b) => score(b) - score(a) || order.indexOf(a) - order.indexOf(b));
    const repeated = ranked.filter((w) => (c.get(w) ?? 0) >= 2);
    const top = (repeated.length > 0 ? repeated : ranked).slice(0, 2);
    return top.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  });
}
