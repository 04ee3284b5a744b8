/**
 * What the host of a simulated stream (simulate.ts) says, as a speech model would transcribe it
 * (issue 19): each pitch introduces its product by name, fills with small talk, and during the
 * demonstration names it again, says the price and asks viewers to buy; between pitches, chatter.
 * Products get hard names (a brand, a product word, sometimes a size or a pack). Recognition
 * errors are drawn like the held-out voices': brands heard as other words, names lost, prices'
 * cents lost or a digit off. Also the viewers' chat (questions for the link and price after the
 * price is said, comments) and per-minute analytics made from the stream's clicks. Text, not
 * audio: this measures finding pitches in a transcript; the recogniser is measured on real
 * voices by the captions bench and e2e.
 */
import { kindCode, type ClickLog, type EventKind, type Product } from '../../../src/domain/clicklog/model';
import type { SaidText } from '../../../src/domain/speech/spokenSignals';
import { mulberry32 } from '../random';
import type { SimStream } from './simulate';

const BRANDS = ['Velora', 'Kaimi', 'Auralis', 'Nuvori', 'Brisa', 'Zenko', 'Lumette', 'Orvex', 'Tavira', 'Quenna', 'Solvik', 'Marrow'];
const UNITS = ['', '', '30 ml', '2-Pack', '500 ml', 'XL', ''];
const FILLER = [
  'Hi to everyone just joining, welcome in.',
  'Let me know in the comments where you are watching from.',
  'I have been using this every single day.',
  'The quality is honestly so good.',
  'You guys are going to love this one.',
  'It comes in three colours.',
  'Thank you so much for the follows.',
  'Let me turn it around so you can see.',
  'It feels really nice in the hand.',
  'My sister has one too and she loves it.',
  'Okay, give me one second.',
  'I will read some comments in a minute.',
];
const CALLS = [
  'Tap the link below to add it to your cart.',
  'Grab it now before it sells out.',
  'Click the orange cart and check out.',
  'Only today, so be quick.',
];
const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const words = (n: number): string => (n < 10 ? ONES[n]! : n < 20 ? TEENS[n - 10]! : `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${ONES[n % 10]}` : ''}`);

export interface SpokenStream {
  /** The stream's products with hard names (the product list a seller exports). */
  products: Product[];
  said: SaidText[];
}

/** A brand heard as other words: a letter or two changed, or split in two. */
function mishear(word: string, rnd: () => number): string {
  const vowels = 'aeiou';
  const chars = [...word.toLowerCase()];
  const i = Math.floor(rnd() * chars.length);
  if (rnd() < 0.5 && vowels.includes(chars[i]!)) chars[i] = vowels[Math.floor(rnd() * 5)]!;
  else if (rnd() < 0.5) chars.splice(i, 0, ' ');
  else chars[i] = chars[i] === 'v' ? 'b' : chars[i] === 'k' ? 'c' : chars[i]!;
  return chars.join('').trim();
}

export function simulateSpeech(stream: SimStream): SpokenStream {
  const rnd = mulberry32(stream.seed * 4099 + 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const products = stream.products.map((p, i) => ({
    id: p.id,
    name: [BRANDS[(i + stream.seed) % BRANDS.length], p.name, UNITS[Math.floor(rnd() * UNITS.length)]].filter(Boolean).join(' '),
    price: p.price,
  }));
  const heardName = (i: number): string => {
    const name = products[i]!.name;
    const x = rnd();
    if (x < 0.15) return 'this one';
    if (x < 0.45) {
      const [brand, ...rest] = name.split(' ');
      return [mishear(brand!, rnd), ...rest].join(' ');
    }
    return name;
  };
  const heardPrice = (price: string): string => {
    const [d, c] = price.split('.').map(Number) as [number, number];
    const x = rnd();
    if (x < 0.2) return `${words(d)} dollars`;
    if (x < 0.3) return `${words(d + (rnd() < 0.5 ? 1 : -1) * 10)} dollars and ${words(c)} cents`;
    return `${words(d)} ${words(c)}`;
  };

  const said: SaidText[] = [];
  let t = 0;
  const say = (text: string, at = t) => {
    const len = text.split(' ').length * 0.38;
    said.push({ start: at, end: at + len, text });
    t = at + len + 0.5 + rnd() * 2;
  };
  const chatter = (until: number) => {
    while (t < until - 4) say(pick(FILLER));
    t = Math.max(t, until);
  };
  stream.pitches.forEach((pitch, k) => {
    const m = stream.moments[k]!;
    const p = pitch.product;
    chatter(pitch.start);
    say(`${pick(['Next up, the', 'Okay, now the', 'Let me show you the', 'Here is the'])} ${heardName(p)}.`, pitch.start + rnd() * 3);
    const word = products[p]!.name.split(' ')[1]!.toLowerCase();
    while (t < m.start) say(rnd() < 0.3 ? `This ${word} is so good.` : pick(FILLER));
    const len = m.end - m.start;
    say(`Look at this, the ${heardName(p)}.`, Math.max(t, m.start));
    while (t < m.start + 0.3 * len) say(pick(FILLER));
    say(`Today it is only ${heardPrice(products[p]!.price!)}.`);
    while (t < m.start + 0.6 * len) say(pick(FILLER));
    say(pick(CALLS));
    if (rnd() < 0.2 && k > 0) say(`If you missed the ${heardName(stream.pitches[k - 1]!.product)}, scroll back in the bag.`);
    while (t < pitch.end - 4) say(rnd() < 0.2 ? `I love this ${word}.` : pick(FILLER));
  });
  chatter(stream.durationSec);
  return { products, said: said.filter((s) => s.end < stream.durationSec) };
}

/** A log built from events directly, as the app's readers would make it. */
function logOf(
  fileName: string,
  products: Product[],
  events: Array<{ time: number; kind: EventKind; product: number }>,
  source: 'interval' | 'chat',
): ClickLog {
  const sorted = [...events].sort((a, b) => a.time - b.time);
  return {
    fileName,
    format: 'csv',
    signals: { source, summary: '' },
    products,
    events: {
      time: Float64Array.from(sorted, (e) => e.time),
      absolute: new Uint8Array(sorted.length),
      kind: Uint8Array.from(sorted, (e) => kindCode(e.kind)),
      product: Uint32Array.from(sorted, (e) => e.product),
    },
    rejected: [],
    rejectedCount: 0,
  };
}

/**
 * The viewers' chat, as a chat/event log reader leaves it: comments all along, and after the price
 * is said (the demonstration, the stream's lag later) questions for the link or the price and a few
 * comments naming the product. No pins: the tool that recorded it did not see them.
 */
export function simulateChat(stream: SimStream, products: Product[]): ClickLog {
  const rnd = mulberry32(stream.seed * 613 + 3);
  const lag = stream.lagSec ?? 4;
  const events: Array<{ time: number; kind: EventKind; product: number }> = [];
  stream.pitches.forEach((pitch, k) => {
    const m = stream.moments[k]!;
    for (let s = pitch.start; s < pitch.end; s += 1) if (rnd() < 0.08) events.push({ time: s + rnd(), kind: 'comment', product: pitch.product });
    for (let s = m.start + lag; s < m.end + lag + 10; s += 1) {
      if (rnd() < 0.25) events.push({ time: s + rnd(), kind: 'ask', product: pitch.product });
      if (rnd() < 0.08) events.push({ time: s + rnd(), kind: 'mention', product: pitch.product });
    }
  });
  return logOf('chat.ndjson', products, events, 'chat');
}

/** Per-minute analytics from the stream's own clicks: each minute's counts spread over the minute. */
export function simulateInterval(stream: SimStream, products: Product[]): ClickLog {
  const counts = new Map<string, number>();
  for (const e of stream.events) {
    if (e.kind === 'pin' || e.kind === 'unpin') continue;
    const key = `${Math.floor(e.time / 60)}|${e.kind}|${e.product}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const events: Array<{ time: number; kind: EventKind; product: number }> = [];
  for (const [key, n] of counts) {
    const [minute, kind, product] = key.split('|') as [string, EventKind, string];
    for (let i = 0; i < n; i++) events.push({ time: Number(minute) * 60 + ((i + 0.5) * 60) / n, kind, product: Number(product) });
  }
  return logOf('analytics.csv', products, events, 'interval');
}
