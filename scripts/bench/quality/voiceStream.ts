/**
 * A spoken livestream for the captions bench (issue 19 item 6): a host pitching products with hard
 * names (brands, units, packs) and prices, filler talk, calls to buy, short and long pauses, spoken
 * by a TTS voice (Debian's espeak-ng and flite; some brisk), optionally under the bundled music at
 * 15 dB below the voice. Reproducible from a seed. Truth: every sentence and every word with its
 * time, as the synthesiser placed it: flite's phone end times (-psdur), grouped by each word's
 * phones; espeak-ng's word events, through its library (espeak_words.py: the CLI does not tell).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../random';

export const RATE = 16_000;

export interface Voice {
  id: string;
  brisk: boolean;
  engine: 'flite' | 'espeak';
  /** flite: its voice and options; espeak-ng: the voice and words per minute. */
  args: string[];
}

export const VOICES: Voice[] = [
  { id: 'flite-slt', brisk: false, engine: 'flite', args: ['-voice', 'slt'] },
  { id: 'flite-rms', brisk: false, engine: 'flite', args: ['-voice', 'rms'] },
  { id: 'espeak-us', brisk: false, engine: 'espeak', args: ['en-us', '165'] },
  { id: 'espeak-gb-brisk', brisk: true, engine: 'espeak', args: ['en-gb', '235'] },
  { id: 'flite-awb-brisk', brisk: true, engine: 'flite', args: ['-voice', 'awb', '--setf', 'duration_stretch=0.75'] },
];

/** A product as the seller's list spells it, and as the host says it. */
export interface SpokenProduct {
  id: string;
  name: string;
  saidName: string;
  price: string;
  saidPrices: string[];
}

export const PRODUCTS: SpokenProduct[] = [
  {
    id: 'P1',
    name: 'Velora Glow Serum',
    saidName: 'Velora Glow Serum',
    price: '$24.99',
    saidPrices: ['twenty four ninety nine', 'twenty four dollars and ninety nine cents'],
  },
  { id: 'P2', name: 'Kaimi Bamboo Hoodie XL', saidName: 'Kaimi Bamboo Hoodie X L', price: '$45', saidPrices: ['forty five dollars'] },
  {
    id: 'P3',
    name: 'Auralis Lip Tint 2-Pack',
    saidName: 'Auralis Lip Tint two pack',
    price: '$12.50',
    saidPrices: ['twelve fifty', 'twelve dollars and fifty cents'],
  },
  { id: 'P4', name: 'Nuvori Hydra Cream 50 ml', saidName: 'Nuvori Hydra Cream fifty millilitres', price: '$32', saidPrices: ['thirty two dollars'] },
  {
    id: 'P5',
    name: 'Zenko Steel Bottle',
    saidName: 'Zenko Steel Bottle',
    price: '$18.99',
    saidPrices: ['eighteen ninety nine', 'eighteen dollars and ninety nine cents'],
  },
  { id: 'P6', name: 'Lumette Silk Scarf', saidName: 'Lumette Silk Scarf', price: '$39', saidPrices: ['thirty nine dollars'] },
];

const FILLER = [
  'Welcome back everyone and thank you for joining',
  'Let me know in the comments where you are watching from',
  'I have been using this every single day',
  'The quality is honestly so good',
  'You are going to love this one',
  'It comes in three colours',
  'Let me turn it around so you can see',
  'My sister has one too and she loves it',
  'Okay give me one second',
];
const CALLS = ['Tap the link below to add it to your cart', 'Grab it now before it sells out', 'Click the orange cart and check out'];

export interface TruthWord {
  word: string;
  start: number;
  end: number;
}
export interface TruthSentence {
  start: number;
  end: number;
  text: string;
  words: TruthWord[];
  /** The product named in it, and the price said in it (as the list spells them). */
  name?: string;
  price?: string;
}
export interface VoiceStream {
  voice: string;
  music: boolean;
  brisk: boolean;
  durationSec: number;
  recording: string;
  log: string;
  productList: string;
  sentences: TruthSentence[];
}

/** Mono float samples at RATE of any audio file, through ffmpeg. */
function decode(file: string): Float32Array {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-ar', String(RATE), '-'], { maxBuffer: 1 << 30 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

/** Where the audible part of a synthesised utterance starts and ends (the TTS pads it with silence). */
function audible(samples: Float32Array): [number, number] {
  let a = 0;
  let b = samples.length;
  while (a < b && Math.abs(samples[a]!) < 0.01) a++;
  while (b > a && Math.abs(samples[b - 1]!) < 0.01) b--;
  return [a, b];
}

/** flite's phones (name, end time in s) for `text`; 'pau' is silence. */
function flitePhones(voice: Voice, text: string, out = 'none'): Array<[string, number]> {
  const printed = execFileSync('flite', [...voice.args, '-psdur', '-t', text, '-o', out])
    .toString()
    .trim();
  return printed.split(/\s+/).map((s) => {
    const [phone = '', end = '0'] = s.split(':');
    return [phone, Number(end)];
  });
}

/** Each word's start and end in the WAV `out` that speaks `words`, in seconds. */
function synthesise(voice: Voice, words: string[], out: string, phoneCount: (word: string) => number): Array<[number, number]> {
  const text = words.join(' ');
  if (voice.engine === 'espeak') {
    const [name = 'en', rate = '175'] = voice.args;
    const script = join(import.meta.dirname, 'espeak_words.py');
    // [ms, 1-based character offset] per word event; espeak-ng says some short words ("for the") in one.
    const events = JSON.parse(execFileSync('python3', [script, name, rate, text, out]).toString()) as Array<[number, number]>;
    // The audible end closes the last word: an anchor one word past the text.
    const offsets = [...words, ''].map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 2 : 1));
    const known = offsets.map((o) => events.find(([, at]) => at === o)?.[0]);
    known[words.length] = (audible(decode(out))[1] / RATE) * 1000;
    if (known[0] === undefined) throw new Error(`espeak-ng did not time the first word of "${text}"`);
    // A word without its own event: its share (by characters) of the span to the next timed word.
    const starts = offsets.slice(0, -1).map((o, i) => {
      if (known[i] !== undefined) return known[i] / 1000;
      let a = i - 1;
      while (known[a] === undefined) a--;
      let b = i + 1;
      while (known[b] === undefined) b++;
      return (known[a]! + ((known[b]! - known[a]!) * (o - offsets[a]!)) / (offsets[b]! - offsets[a]!)) / 1000;
    });
    return starts.map((s, i) => [s, starts[i + 1] ?? Number.POSITIVE_INFINITY]);
  }
  const phones = flitePhones(voice, text, out);
  const spoken = phones.flatMap(([p, end], i) => (p === 'pau' ? [] : [{ start: phones[i - 1]?.[1] ?? 0, end }]));
  const counts = words.map(phoneCount);
  if (counts.reduce((s, n) => s + n, 0) !== spoken.length) throw new Error(`flite's phones do not split into the words of "${text}"`);
  let k = 0;
  return counts.map((n) => {
    const span: [number, number] = [spoken[k]!.start, spoken[k + n - 1]!.end];
    k += n;
    return span;
  });
}

/** Speaks sentences with `voice`: the audible samples and each word's time in them. */
function speaker(voice: Voice, dir: string): (text: string) => { samples: Float32Array; words: TruthWord[] } {
  const phoneCounts = new Map<string, number>();
  const phoneCount = (word: string): number => {
    const n = phoneCounts.get(word) ?? flitePhones(voice, word).filter(([p]) => p !== 'pau').length;
    phoneCounts.set(word, n);
    return n;
  };
  let n = 0;
  return (text) => {
    const out = join(dir, `u${n++}.wav`);
    const words = text.split(' ');
    const spans = synthesise(voice, words, out, phoneCount);
    const all = decode(out);
    const [a, b] = audible(all);
    const dur = (b - a) / RATE;
    const clamp = (t: number) => Math.min(dur, Math.max(0, t - a / RATE));
    return { samples: all.subarray(a, b), words: words.map((word, i) => ({ word, start: clamp(spans[i]![0]), end: clamp(spans[i]![1]) })) };
  };
}

const rms = (x: Float32Array): number => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / Math.max(1, x.length));

/** The host's lines for one stream: pitching `a`, with `b` from earlier mentioned once or twice. */
function script(a: SpokenProduct, b: SpokenProduct, rnd: () => number): Array<Pick<TruthSentence, 'text' | 'name' | 'price'>> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const price = () => pick(a.saidPrices);
  const lines: Array<Pick<TruthSentence, 'text' | 'name' | 'price'>> = [
    { text: pick(FILLER) },
    { text: `Next up we have the ${a.saidName}`, name: a.name },
    { text: pick(FILLER) },
    { text: `The ${a.saidName} is one of my favourites`, name: a.name },
    { text: `Today it is only ${price()}`, price: a.price },
    { text: pick(CALLS) },
    { text: pick(FILLER) },
    { text: `If you missed the ${b.saidName} it is still ${pick(b.saidPrices)}`, name: b.name, price: b.price },
    { text: `So the ${a.saidName} for ${price()} right now`, name: a.name, price: a.price },
    { text: pick(CALLS) },
    { text: pick(FILLER) },
    { text: `Just ${price()} for the ${a.saidName}`, name: a.name, price: a.price },
    { text: pick(CALLS) },
  ];
  return lines;
}

/**
 * Makes one stream's recording (MP4: a test pattern, AAC), its click log (the pitched product
 * clicked all through, so its one clip covers the stream) and product list, in a fresh directory.
 */
export function makeVoiceStream(voice: Voice, music: boolean, seed: number, musicFile: string): VoiceStream {
  const rnd = mulberry32(seed * 7919 + 11);
  const dir = mkdtempSync(join(tmpdir(), `lhs-voice-${voice.id}-`));
  const say = speaker(voice, dir);
  const a = PRODUCTS[seed % PRODUCTS.length]!;
  const b = PRODUCTS[(seed + 1 + Math.floor(rnd() * (PRODUCTS.length - 1))) % PRODUCTS.length]!;
  const parts: Array<{ at: number; samples: Float32Array }> = [];
  const sentences: TruthSentence[] = [];
  let t = 1;
  for (const line of script(a, b, rnd)) {
    const { samples, words } = say(line.text);
    const dur = samples.length / RATE;
    parts.push({ at: t, samples });
    sentences.push({ ...line, start: t, end: t + dur, words: words.map((w) => ({ ...w, start: t + w.start, end: t + w.end })) });
    // Pauses from a breath (0.25 s) to a long one (1.5 s): short ones test breaks inside an utterance.
    t += dur + 0.25 + rnd() * 1.25;
  }
  const durationSec = Math.ceil(t + 1);
  const voiceTrack = new Float32Array(durationSec * RATE);
  for (const p of parts) voiceTrack.set(p.samples, Math.round(p.at * RATE));
  if (music) {
    const m = decode(musicFile);
    const speechRms = rms(Float32Array.from(parts.flatMap((p) => [...p.samples])));
    const gain = (speechRms * 10 ** (-15 / 20)) / rms(m);
    for (let i = 0; i < voiceTrack.length; i++) voiceTrack[i]! += m[i % m.length]! * gain;
  }
  const pcm = join(dir, 'audio.f32');
  writeFileSync(pcm, Buffer.from(voiceTrack.buffer));
  const recording = join(dir, `${voice.id}${music ? '-music' : ''}.mp4`);
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=s=320x180:r=15:d=${durationSec}`, '-f', 'f32le', '-ar', String(RATE), '-ac', '1', '-i', pcm],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '34', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ar', '48000', '-shortest', recording],
  ]);
  const log = join(dir, 'clicks.csv');
  const clicks = Array.from({ length: (durationSec - 2) * 4 }, (_, i) => `${(1 + i / 4).toFixed(2)},click,${a.id},${a.name},${a.price}`);
  writeFileSync(log, `${['time,event,product_id,product_name,price', ...clicks].join('\n')}\n`);
  const productList = join(dir, 'products.csv');
  writeFileSync(productList, `${['product_id,product_name,price', ...PRODUCTS.map((p) => `${p.id},${p.name},${p.price}`)].join('\n')}\n`);
  return { voice: voice.id, music, brisk: voice.brisk, durationSec, recording, log, productList, sentences };
}
