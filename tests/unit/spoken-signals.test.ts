import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type ClickLog, type Product } from '../../src/domain/clicklog/model';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { parseCaptions } from '../../src/domain/edit/captions';
import { analyse } from '../../src/domain/selection/analysis';
import { explainPick, spokenSentence } from '../../src/domain/selection/explain';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import { withSpokenSignals } from '../../src/domain/signals/spokenLog';
import { distinctiveWords, spokenSignals, TOPIC_IDLE_SEC, type SaidText } from '../../src/domain/speech/spokenSignals';

const SAMPLES = join(import.meta.dirname, '..', '..', 'public', 'samples');
// The bundled sample's host voice, as its transcript says it: five products pitched one after another.
const said: SaidText[] = parseCaptions(readFileSync(join(SAMPLES, 'sample.srt'), 'utf8')).map((c) => ({ start: c.start, end: c.end, text: c.text }));
const DURATION = 185;
const PRODUCTS: Product[] = [
  { id: 'P-1001', name: 'Glow Serum', price: '24.99' },
  { id: 'P-1002', name: 'Bamboo Hoodie', price: '39.00' },
  { id: 'P-1003', name: 'Trail Bottle', price: '18.50' },
  { id: 'P-1004', name: 'Silk Scarf', price: '29.00' },
  { id: 'P-1005', name: 'Mini Blender', price: '49.99' },
];
// Where the sample pins each product (its click log's pin rows).
const PINNED = [
  [11.8, 46.8],
  [46.8, 77.8],
  [77.8, 107.8],
  [107.8, 140.8],
  [140.8, 178.8],
] as const;
const list = { fileName: 'products.csv', products: PRODUCTS };
const run = (log: ClickLog, durationSec = DURATION) => analyse(log, durationSec, { offsetSec: 0 }, DEFAULT_SELECTION);
const overlap = (a: { start: number; end: number }, b: readonly [number, number]) => Math.max(0, Math.min(a.end, b[1]) - Math.max(a.start, b[0]));

describe('a recording and a product list: highlights from what the host says', () => {
  const log = withSpokenSignals(undefined, list, said, DURATION, 0)!;
  const result = run(log);

  it('each product is talked about from its first mention until the next product takes over', () => {
    expect(result.windows.map((w) => [w.productIndex, w.source])).toEqual(PRODUCTS.map((_, i) => [i, 'speech']));
    for (const [i, w] of result.windows.entries()) expect(overlap(w, PINNED[i]!) / (w.end - w.start)).toBeGreaterThan(0.85);
  });

  it('one clip per product, inside its pitch, with its naming, price and call to buy explained', () => {
    expect(result.picks.map((p) => p.productId).sort()).toEqual(PRODUCTS.map((p) => p.id));
    for (const p of result.picks) {
      const i = PRODUCTS.findIndex((q) => q.id === p.productId);
      expect(overlap(p, PINNED[i]!)).toBeGreaterThan(0.8 * (p.end - p.start));
      expect(p.end - p.start).toBeGreaterThanOrEqual(DEFAULT_SELECTION.minSec - 1e-9);
      expect(p.why.spoken?.named).toBeDefined();
      expect(p.why.spoken?.price).toBeDefined();
    }
    const serum = result.picks.find((p) => p.productId === 'P-1001')!;
    const e = explainPick(serum, false);
    expect(e.spoken).toMatch(/^You named Glow Serum at 0:13, said the price at 0:2\d and asked viewers to buy at 0:3\d\.$/);
    expect(e.moment).toMatch(/^You pitched it hardest from 0:1\d to 0:3\d/);
    expect(e.window).toMatch(/You talked about it from 0:13 to 0:48 \(found in the transcript/);
    expect(e.edges).toContain('where the talk says');
  });

  it('recognition errors: a name heard as other words and a price heard a digit off still count', () => {
    const heard: SaidText[] = [
      { start: 10, end: 14, text: 'Today I have the Valar Igloe seren for you.' },
      { start: 20, end: 24, text: 'It is only $445 today, tap the link.' },
    ];
    const { events } = spokenSignals(heard, [{ id: 'V1', name: 'Velora Glow Serum', price: '45' }, ...PRODUCTS], 60);
    expect(events.map((e) => [e.kind, e.product, e.time])).toEqual([
      ['topic', 0, 10],
      ['named', 0, 10],
      ['named', 0, 20],
      ['price', 0, 20],
      ['cta', 0, 20],
      ['topic_end', 0, 34],
    ]);
  });

  it('what the speech model really heard of the sample (names lost, cents lost): the prices still find both pitches', () => {
    // Moonshine tiny on the sample's first 80 s (e2e speech-highlights.spec.ts): "Glow Serum" became
    // "the low-terram", "Bamboo Hoodie" became "the menu of the", "$24.99" lost its cents.
    const heard: SaidText[] = [
      { start: 1.3, end: 10.1, text: 'Hi everyone, welcome back to the Springdrop Live. We have time amazing deals for you today, so stay with me.' },
      { start: 13.0, end: 16.9, text: 'Ok, first up in our best channel, the low-terram.' },
      {
        start: 18.5,
        end: 29.1,
        text: 'It is a light vitamin C, M. M. that makes your skin look fresh in the morning. Normally it is forty dollars, but to get it only twenty four dollars, nineteen.',
      },
      { start: 31.4, end: 40.0, text: 'Tap the pin item below to add it to your card. Well, the orders are coming in really fast. Thank you so much.' },
      { start: 48.0, end: 55.0, text: 'Next we have the menu of the. It is super soft, breathable, and made from bamboo fabric.' },
      { start: 57.1, end: 65.8, text: 'We have time and small tox to large in three colors. The life price is thirty-nine dollars with free shipping.' },
      { start: 67.3, end: 70.8, text: 'Let me know in the chat which color you like best.' },
    ];
    const { events } = spokenSignals(heard, PRODUCTS, 80);
    expect(events.filter((e) => e.kind === 'topic' || e.kind === 'topic_end').map((e) => [e.kind, e.product, e.time])).toEqual([
      ['topic', 0, 13],
      ['topic_end', 0, 48],
      ['topic', 1, 48],
      ['topic_end', 1, 75.8],
    ]);
    const picks = run(withSpokenSignals(undefined, list, heard, 80, 0)!, 80).picks;
    expect(picks.map((p) => p.productId).sort()).toEqual(['P-1001', 'P-1002']);
    // Every event inside the recording (none counted as after its end).
    for (const list0 of [list, undefined]) expect(spokenSignals(heard, list0?.products ?? [], 80).events.every((e) => e.time >= 0 && e.time < 80)).toBe(true);
    // Without the product list: the two pitches, each ending in a price or a call to buy ("forty dollars" is a price said).
    expect(
      run(withSpokenSignals(undefined, undefined, heard, 80, 0)!, 80)
        .picks.map((p) => p.productId)
        .sort(),
    ).toEqual(['talk-1', 'talk-2']);
  });

  it('a passing mention of another product does not take over; the same word said again within a minute does', () => {
    const talk: SaidText[] = [
      { start: 0, end: 3, text: 'This is the Glow Serum.' },
      { start: 10, end: 13, text: 'You can wear it with a scarf too.' },
      { start: 30, end: 33, text: 'The serum is $24.99 today.' },
      { start: 100, end: 103, text: 'Now the blender, look at it.' },
      { start: 120, end: 123, text: 'This blender makes smoothies.' },
    ];
    const { events } = spokenSignals(talk, PRODUCTS, 300);
    const topics = events.filter((e) => e.kind === 'topic').map((e) => [e.product, e.time]);
    expect(topics).toEqual([
      [0, 0],
      [4, 100],
    ]);
  });

  it('a topic ends when its product has not been talked about for a while', () => {
    const talk: SaidText[] = [
      { start: 0, end: 3, text: 'This is the Glow Serum, only $24.99.' },
      { start: 3 + TOPIC_IDLE_SEC + 30, end: 3 + TOPIC_IDLE_SEC + 33, text: 'Thanks for all the hearts everyone.' },
    ];
    const ends = spokenSignals(talk, PRODUCTS, 400).events.filter((e) => e.kind === 'topic_end');
    expect(ends.map((e) => e.time)).toEqual([13]);
  });

  it('nothing said about any product: no events, and the log is left as it was', () => {
    const talk: SaidText[] = [{ start: 0, end: 3, text: 'Hello everyone, welcome.' }];
    expect(spokenSignals(talk, PRODUCTS, 60).events).toEqual([]);
    expect(withSpokenSignals(undefined, list, talk, 60, 0)).toBeUndefined();
  });
});

describe('a recording alone: pitches found from prices and calls to buy, named by their words', () => {
  const log = withSpokenSignals(undefined, undefined, said, DURATION, 0)!;
  const result = run(log);

  it('finds the five pitches and names four by their product words', () => {
    expect(log.products.map((p) => p.id)).toEqual(['talk-1', 'talk-2', 'talk-3', 'talk-4', 'talk-5']);
    const names = log.products.map((p) => p.name ?? '');
    for (const word of ['Serum', 'Bamboo', 'Trail', 'Scarf', 'Blender']) expect(names.filter((n) => n.includes(word))).toHaveLength(1);
    expect(result.picks).toHaveLength(5);
    // Each clip's middle is inside its own pitch, where the sample pins that product.
    result.picks.forEach((p) => {
      const [from, to] = PINNED[log.products.findIndex((q) => q.id === p.productId)]!;
      expect((p.start + p.end) / 2).toBeGreaterThan(from);
      expect((p.start + p.end) / 2).toBeLessThan(to);
    });
  });

  it('distinctive words: said most here and seldom elsewhere, capitalised names first', () => {
    expect(distinctiveWords(['the red lamp glows, the lamp is bright, bright lamp', 'the red chair, a chair to relax in'])).toEqual([
      ['lamp', 'bright'],
      ['chair'],
    ]);
    expect(distinctiveWords(['we love the Velora serum here', 'a quiet shout out here'])[0]).toEqual(['velora']);
  });
});

describe('with a click log', () => {
  const csv = readFileSync(join(SAMPLES, 'sample-clicks.csv'), 'utf8');
  const parsed = parseClickLog(csv, 'sample-clicks.csv');
  if (!parsed.ok) throw new Error(parsed.error);
  const base = parsed.log;

  it('the log’s pins override the transcript’s topics, and its clicks alone place the clips', () => {
    const withSpeech = withSpokenSignals(base, list, said, DURATION, 0)!;
    const a = run(base);
    const b = run(withSpeech);
    expect(b.windows.every((w) => w.source === 'pin')).toBe(true);
    expect(b.picks.map((p) => p.productId)).toEqual(a.picks.map((p) => p.productId));
    // Where clicks say when interest rose and fell, the clips are where they were without the transcript.
    expect(b.picks.map((p) => [p.start, p.end])).toEqual(a.picks.map((p) => [p.start, p.end]));
    expect(explainPick(b.picks[0]!, false).moment).toMatch(/^Clicks picked up/);
    expect(spokenSentence(b.picks[0]!)).toMatch(/^You named /);
  });

  it('spoken events keep the log’s own events first, in recording time whatever the log’s offset', () => {
    const merged = withSpokenSignals(base, list, said, DURATION, 12)!;
    const n = base.events.time.length;
    expect(Array.from(merged.events.kind.subarray(0, n))).toEqual(Array.from(base.events.kind));
    const firstSpoken = merged.events.time[n]!;
    expect(EVENT_KINDS[merged.events.kind[n]!]).toBe('topic');
    expect(firstSpoken - 12).toBeCloseTo(13.3, 1);
    expect(merged.products).toEqual(base.products);
  });
});
