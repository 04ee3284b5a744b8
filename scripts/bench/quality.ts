// `npm run bench:quality`: selection quality on simulated streams with known moments (issue 8).
// Every stream goes through the app's own parser and analysis, in all four log formats.
// `app`/`naive30s` are the original simulator; `lagged`, `weakRepitch` and `heldOut` (both) are
// the same streams made like issue 19's held-out ones (see quality/simulate.ts). `productList`,
// `productListChat`, `interval` and `recordingOnly` are those streams without a click log: what the
// host says (quality/speech.ts, with recognition errors) and what else the seller has.
import { analyse } from '../../src/domain/selection/analysis';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { DEFAULT_SELECTION, type Highlight } from '../../src/domain/selection/model';
import { LOG_FORMATS, writeLog } from './quality/formats';
import { emptyTally, naiveClips, scoreStream, summary, type Clip, type Tally } from './quality/score';
import { simulateStream, type SimOptions } from './quality/simulate';
import { simulateChat, simulateInterval, simulateSpeech } from './quality/speech';
import { withSpokenSignals } from '../../src/domain/signals/spokenLog';
import type { ClickLog } from '../../src/domain/clicklog/model';

const STREAMS = Number(process.env.QUALITY_STREAMS ?? 60);
const FIRST_SEED = Number(process.env.QUALITY_SEED ?? 1);

interface Tallies {
  all: Tally;
  pinned: Tally;
  noPins: Tally;
}
const tallies = (): Tallies => ({ all: emptyTally(), pinned: emptyTally(), noPins: emptyTally() });
const report = (t: Tallies) => ({ ...summary(t.all), pinned: summary(t.pinned), noPins: summary(t.noPins) });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]! * 10) / 10 : null;
};

/** The click lag the selection used for a stream, when it says (older selections do not). */
const lagOf = (picks: Highlight[]): { sec: number; estimated: boolean } | undefined =>
  (picks[0]?.why as { lag?: { sec: number; estimated: boolean } } | undefined)?.lag;

function run(options: Omit<SimOptions, 'pins'>) {
  const app = tallies();
  const naive = tallies();
  const formats: Record<string, number> = {};
  const lagErrors: number[] = [];
  let lagEstimated = 0;
  let lagStreams = 0;
  for (let n = 0; n < STREAMS; n++) {
    const seed = FIRST_SEED + n;
    // Every fifth stream has no pin events: 20 %, spread over the seeds.
    const stream = simulateStream(seed, { ...options, pins: n % 5 !== 4 });
    const format = LOG_FORMATS[n % LOG_FORMATS.length]!;
    formats[format] = (formats[format] ?? 0) + 1;
    const { text, fileName } = writeLog(stream, format);
    const parsed = parseClickLog(text, fileName);
    if (!parsed.ok) throw new Error(`seed ${seed} (${format}): ${parsed.error}`);
    const { picks } = analyse(parsed.log, stream.durationSec, { offsetSec: 0 }, DEFAULT_SELECTION);
    const indexOf = new Map(stream.products.map((p, i) => [p.id, i]));
    const clips: Clip[] = picks.map((p) => ({ product: indexOf.get(p.productId)!, start: p.start, end: p.end }));
    const baseline = naiveClips(stream, DEFAULT_SELECTION.weights, DEFAULT_SELECTION.topN);
    const group = stream.pins ? 'pinned' : 'noPins';
    for (const [t, cs] of [
      [app, clips],
      [naive, baseline],
    ] as const) {
      scoreStream(stream, cs, t.all);
      scoreStream(stream, cs, t[group]);
    }
    const lag = lagOf(picks);
    if (stream.lagSec !== undefined && stream.pins) {
      lagStreams++;
      if (lag?.estimated) {
        lagEstimated++;
        lagErrors.push(Math.abs(lag.sec - stream.lagSec));
      }
    }
    if (process.env.QUALITY_VERBOSE)
      console.error(JSON.stringify({ seed, ...options, format, pins: stream.pins, lag: stream.lagSec, used: lag, ...summary(scoreStream(stream, clips)) }));
  }
  const lag =
    lagStreams > 0
      ? {
          lagEstimate: {
            pinnedStreams: lagStreams,
            estimated: lagEstimated,
            absErrorMedianSec: median(lagErrors),
            absErrorMaxSec: lagErrors.length ? Math.round(Math.max(...lagErrors) * 10) / 10 : null,
          },
        }
      : {};
  return { formats, app: report(app), naive30s: report(naive), ...lag };
}

type SpeechInput = 'productList' | 'productListChat' | 'interval' | 'recordingOnly';
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Highlights from a transcript (and a product list, chat or per-minute analytics; no click log) on
 * the held-out streams: moments as for clicks, and product windows (a pitch is found when a window
 * of its product covers half of it). A recording alone names its own products: each is scored as
 * the pitch product its window overlaps most.
 */
function runSpeech(input: SpeechInput) {
  const tally = emptyTally();
  let pitches = 0;
  let found = 0;
  let windowsMade = 0;
  let windowsRight = 0;
  for (let n = 0; n < STREAMS; n++) {
    const stream = simulateStream(FIRST_SEED + n, { lagged: true, weakRepitch: true, pins: true });
    const { products, said } = simulateSpeech(stream);
    const base: ClickLog | undefined =
      input === 'productListChat' ? simulateChat(stream, products) : input === 'interval' ? simulateInterval(stream, products) : undefined;
    const list = input === 'recordingOnly' ? undefined : { fileName: 'products.csv', products };
    const log = withSpokenSignals(base, list, said, stream.durationSec, 0);
    const result = log ? analyse(log, stream.durationSec, { offsetSec: 0 }, DEFAULT_SELECTION) : { picks: [], windows: [] };
    const truth = (productIndex: number): number => {
      if (input !== 'recordingOnly') return productIndex;
      const own = result.windows.filter((w) => w.productIndex === productIndex);
      const best = [...stream.pitches].sort((a, b) => own.reduce((x, w) => x + overlap(w, b) - overlap(w, a), 0))[0];
      return best?.product ?? -1;
    };
    const windows = result.windows.map((w) => ({ ...w, product: truth(w.productIndex) }));
    for (const pitch of stream.pitches) {
      pitches++;
      if (windows.some((w) => w.product === pitch.product && overlap(w, pitch) >= 0.5 * (pitch.end - pitch.start))) found++;
    }
    for (const w of windows) {
      windowsMade++;
      if (stream.pitches.some((p) => p.product === w.product && overlap(w, p) >= 0.5 * (w.end - w.start))) windowsRight++;
    }
    scoreStream(
      stream,
      result.picks.map((p) => ({ product: truth(p.productIndex), start: p.start, end: p.end })),
      tally,
    );
  }
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  return { productWindowRecall: ratio(found, pitches), productWindowPrecision: ratio(windowsRight, windowsMade), ...summary(tally), pitches };
}

const base = run({});
const lagged = run({ lagged: true });
const weakRepitch = run({ weakRepitch: true });
const heldOut = run({ lagged: true, weakRepitch: true });
console.log(
  JSON.stringify({
    bench: 'selection-quality',
    streams: STREAMS,
    firstSeed: FIRST_SEED,
    formats: base.formats,
    app: base.app,
    naive30s: base.naive30s,
    lagged: { app: lagged.app, naive30s: lagged.naive30s, ...(lagged.lagEstimate && { lagEstimate: lagged.lagEstimate }) },
    weakRepitch: { app: weakRepitch.app, naive30s: weakRepitch.naive30s },
    heldOut: { app: heldOut.app, naive30s: heldOut.naive30s, ...(heldOut.lagEstimate && { lagEstimate: heldOut.lagEstimate }) },
    productList: runSpeech('productList'),
    productListChat: runSpeech('productListChat'),
    interval: runSpeech('interval'),
    recordingOnly: runSpeech('recordingOnly'),
  }),
);
