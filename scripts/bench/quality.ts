// `npm run bench:quality`: selection quality on simulated streams with known moments (issue 8).
// Every stream goes through the app's own parser and analysis, in all four log formats.
import { analyse } from '../../src/domain/selection/analysis';
import { parseClickLog } from '../../src/domain/clicklog/parse';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import { LOG_FORMATS, writeLog } from './quality/formats';
import { emptyTally, naiveClips, scoreStream, summary, type Clip } from './quality/score';
import { simulateStream } from './quality/simulate';

const STREAMS = Number(process.env.QUALITY_STREAMS ?? 60);
const FIRST_SEED = Number(process.env.QUALITY_SEED ?? 1);

const app = { all: emptyTally(), pinned: emptyTally(), noPins: emptyTally() };
const naive = { all: emptyTally(), pinned: emptyTally(), noPins: emptyTally() };
const formats: Record<string, number> = {};
for (let n = 0; n < STREAMS; n++) {
  const seed = FIRST_SEED + n;
  // Every fifth stream has no pin events: 20 %, spread over the seeds.
  const stream = simulateStream(seed, { pins: n % 5 !== 4 });
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
  for (const [tallies, cs] of [
    [app, clips],
    [naive, baseline],
  ] as const) {
    scoreStream(stream, cs, tallies.all);
    scoreStream(stream, cs, tallies[group]);
  }
  if (process.env.QUALITY_VERBOSE) console.error(JSON.stringify({ seed, format, pins: stream.pins, ...summary(scoreStream(stream, clips)) }));
}
const report = (t: typeof app) => ({ ...summary(t.all), pinned: summary(t.pinned), noPins: summary(t.noPins) });
console.log(JSON.stringify({ bench: 'selection-quality', streams: STREAMS, firstSeed: FIRST_SEED, formats, app: report(app), naive30s: report(naive) }));
