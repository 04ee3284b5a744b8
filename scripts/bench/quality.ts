// `npm run bench:quality`: selection quality on simulated streams with known moments (issue 8).
// Every stream goes through the app's own parser and analysis, in all four log formats.
// `app`/`naive30s` are the original simulator; `lagged`, `weakRepitch` and `heldOut` (both) are
// the same streams made like issue 19's held-out ones (see quality/simulate.ts).
import { analyse } from '../../src/domain/selection/analysis';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { DEFAULT_SELECTION, type Highlight } from '../../src/domain/selection/model';
import { LOG_FORMATS, writeLog } from './quality/formats';
import { emptyTally, naiveClips, scoreStream, summary, type Clip, type Tally } from './quality/score';
import { simulateStream, type SimOptions } from './quality/simulate';

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
  }),
);
