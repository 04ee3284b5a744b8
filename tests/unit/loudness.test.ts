import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_QUIET_SEC,
  PAUSE_MARGIN_SEC,
  QUIET_FLOOR_DB,
  quietRuns,
  quietThreshold,
  SILENCE_DB,
  snapToQuiet,
  type Loudness,
  type QuietRun,
} from '../../src/domain/recording/loudness';
import { loudnessArgs, parseAstatsMetadata } from '../../src/media/ffmpeg/loudnessArgs';

/**
 * Written by Debian's ffmpeg 5.1 with loudnessArgs(…, 0.1) on a 0.5 s 300 Hz tone (amplitude 0.1)
 * followed by 0.3 s of digital silence, AAC in .m4a (the wasm core writes the same text).
 */
const TONE_THEN_SILENCE = `frame:0    pts:0       pts_time:0
lavfi.astats.Overall.RMS_level=-40.668645
frame:1    pts:1600    pts_time:0.1
lavfi.astats.Overall.RMS_level=-40.693904
frame:2    pts:3200    pts_time:0.2
lavfi.astats.Overall.RMS_level=-40.695170
frame:3    pts:4800    pts_time:0.3
lavfi.astats.Overall.RMS_level=-40.674248
frame:4    pts:6400    pts_time:0.4
lavfi.astats.Overall.RMS_level=-40.705869
frame:5    pts:8000    pts_time:0.5
lavfi.astats.Overall.RMS_level=-88.664329
frame:6    pts:9600    pts_time:0.6
lavfi.astats.Overall.RMS_level=-inf
frame:7    pts:11200   pts_time:0.7
lavfi.astats.Overall.RMS_level=-inf
frame:8    pts:12800   pts_time:0.8
lavfi.astats.Overall.RMS_level=-inf
`;

/** public/samples/sample.mp4, 4.4–5.4 s: the end of "…welcome back to the Spring Drop live!" and the pause after it. */
const SAMPLE_SENTENCE_END = `frame:44   pts:70400   pts_time:4.4
lavfi.astats.Overall.RMS_level=-15.558021
frame:45   pts:72000   pts_time:4.5
lavfi.astats.Overall.RMS_level=-15.962279
frame:46   pts:73600   pts_time:4.6
lavfi.astats.Overall.RMS_level=-21.311014
frame:47   pts:75200   pts_time:4.7
lavfi.astats.Overall.RMS_level=-33.196047
frame:48   pts:76800   pts_time:4.8
lavfi.astats.Overall.RMS_level=-55.696040
frame:49   pts:78400   pts_time:4.9
lavfi.astats.Overall.RMS_level=-inf
frame:50   pts:80000   pts_time:5
lavfi.astats.Overall.RMS_level=-inf
frame:51   pts:81600   pts_time:5.1
lavfi.astats.Overall.RMS_level=-inf
frame:52   pts:83200   pts_time:5.2
lavfi.astats.Overall.RMS_level=-inf
frame:53   pts:84800   pts_time:5.3
lavfi.astats.Overall.RMS_level=-inf
frame:54   pts:86400   pts_time:5.4
lavfi.astats.Overall.RMS_level=-inf
`;

const STEP = 0.1;
/** An envelope from [level dB, seconds] segments at 0.1 s steps. */
const envelope = (...segments: Array<[number, number]>): Loudness => {
  const db: number[] = [];
  for (const [level, sec] of segments) for (let i = 0; i < Math.round(sec / STEP); i++) db.push(level);
  return { stepSec: STEP, db: Float32Array.from(db) };
};
/** Speech-like: alternates loud and softer syllables, never quiet for two steps in a row. */
const speech = (sec: number, loud = -18): Array<[number, number]> =>
  Array.from({ length: Math.round(sec / STEP) }, (_, i): [number, number] => [i % 5 === 2 ? -50 : i % 2 ? loud - 6 : loud, STEP]);
const spans = (runs: QuietRun[]): Array<[number, number]> => runs.map((r) => [round(r.start), round(r.end)]);
const round = (x: number): number => Math.round(x * 1000) / 1000;
const snap = (...args: Parameters<typeof snapToQuiet>): { t: number; snapped: boolean } => {
  const r = snapToQuiet(...args);
  return { ...r, t: round(r.t) };
};

describe('parseAstatsMetadata', () => {
  it('reads real ffmpeg output: one level per step, -inf as silence', () => {
    const l = parseAstatsMetadata(TONE_THEN_SILENCE, 0.1);
    expect(l.stepSec).toBe(0.1);
    expect(l.db).toHaveLength(9);
    expect(l.db[0]).toBeCloseTo(-40.669, 3);
    expect(l.db[4]).toBeCloseTo(-40.706, 3);
    expect(l.db[5]).toBeCloseTo(-88.664, 3);
    expect(Array.from(l.db.slice(6))).toEqual([SILENCE_DB, SILENCE_DB, SILENCE_DB]);
  });

  it('indexes by pts_time: an excerpt starting at 4.4 s lands at step 44, silence before it', () => {
    const l = parseAstatsMetadata(SAMPLE_SENTENCE_END, 0.1);
    expect(l.db).toHaveLength(55);
    expect(l.db[43]).toBe(SILENCE_DB);
    expect(l.db[44]).toBeCloseTo(-15.558, 3);
    expect(l.db[48]).toBeCloseTo(-55.696, 3);
    // The pause after the sentence: quiet from 4.8 s (the SRT cue ends at 4.803 s).
    const speechOnly = { stepSec: 0.1, db: l.db.slice(44) };
    expect(quietThreshold(speechOnly)).toBeCloseTo(-35.558, 3); // loudest step − 20 dB
    expect(spans(quietRuns(speechOnly)).map(([s, e]) => [round(s + 4.4), round(e + 4.4)])).toEqual([[4.8, 5.5]]);
  });

  it('fills missing frames with the previous value and ignores what it cannot read', () => {
    const text = [
      'frame:0 pts:0 pts_time:0',
      'lavfi.astats.Overall.RMS_level=-20',
      'frame:1 pts:1600 pts_time:0.1',
      'lavfi.astats.Overall.RMS_level=nan',
      'some other line',
      'frame:4 pts:6400 pts_time:0.4',
      'lavfi.astats.Overall.Peak_level=-3',
      'lavfi.astats.Overall.RMS_level=-30.5',
      'lavfi.astats.Overall.RMS_level=-99', // no frame line before it: ignored
      'frame:5 pts:8000 pts_time:0.5',
      'lavfi.astats.Overall.RMS_level=-150',
    ].join('\r\n');
    expect(Array.from(parseAstatsMetadata(text, 0.1).db)).toEqual([-20, -20, -20, -20, -30.5, SILENCE_DB]);
  });

  it('is robust to offset and negative timestamps', () => {
    // Frames starting 50 ms late: 0.05, 0.15, 0.25… all fall into their own step, none collide.
    const offset = Array.from(
      { length: 30 },
      (_, i) => `frame:${i} pts:0 pts_time:${(0.05 + i * 0.1).toFixed(2)}\nlavfi.astats.Overall.RMS_level=-${i + 1}`,
    ).join('\n');
    expect(Array.from(parseAstatsMetadata(offset, 0.1).db)).toEqual(Array.from({ length: 30 }, (_, i) => -(i + 1)));
    // Encoder priming before 0 belongs to the first step.
    const primed =
      'frame:0 pts:-1024 pts_time:-0.064\nlavfi.astats.Overall.RMS_level=-10\nframe:1 pts:576 pts_time:0.036\nlavfi.astats.Overall.RMS_level=-12\n';
    expect(Array.from(parseAstatsMetadata(primed, 0.1).db)).toEqual([-12]);
  });

  it('gives an empty envelope for no audio, rejects a bad step', () => {
    expect(parseAstatsMetadata('', 0.1).db).toHaveLength(0);
    expect(() => parseAstatsMetadata('', 0)).toThrow(RangeError);
  });
});

describe('loudnessArgs', () => {
  it('reads only the first audio stream, measures 16 kHz mono in steps, writes the metadata file', () => {
    expect(loudnessArgs('/in/input.mp4', '/loudness.txt', 0.1)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/in/input.mp4',
      '-map',
      '0:a:0',
      '-vn',
      '-sn',
      '-dn',
      '-af',
      'aformat=sample_fmts=flt:sample_rates=16000:channel_layouts=mono,asetnsamples=n=1600:p=0,' +
        'astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=RMS_level,' +
        'ametadata=mode=print:key=lavfi.astats.Overall.RMS_level:file=/loudness.txt',
      '-f',
      'null',
      '-',
    ]);
    expect(loudnessArgs('/in/a.webm', '/l.txt', 0.05).join(' ')).toContain('asetnsamples=n=800:p=0');
  });

  it('refuses a metadata path the filter graph would misread', () => {
    expect(() => loudnessArgs('/in/a.mp4', '/a:b.txt', 0.1)).toThrow(RangeError);
    expect(() => loudnessArgs('/in/a.mp4', '/a,b.txt', 0.1)).toThrow(RangeError);
  });
});

describe('quietRuns', () => {
  it('finds the pauses in speech, not the one-step dips between words', () => {
    const l = envelope(...speech(3), [-60, 0.5], ...speech(4), [-55, 1.2], ...speech(2), [-70, 0.1], ...speech(1));
    expect(quietThreshold(l)).toBeCloseTo(-38, 5); // loud speech −18 − 20
    expect(spans(quietRuns(l))).toEqual([
      [3, 3.5],
      [7.5, 8.7],
    ]);
  });

  it('follows the recording’s speech level, with the absolute floor', () => {
    // Loud host (−12 dBFS): quiet is ≤ −32, so a −35 dB room tone between sentences is a pause.
    const loud = envelope(...speech(4, -12), [-35, 0.6], ...speech(4, -12));
    expect(quietThreshold(loud)).toBeCloseTo(-32, 5);
    expect(spans(quietRuns(loud))).toEqual([[4, 4.6]]);
    // Quiet mic (−35 dBFS): 20 dB below is −55, but the floor keeps −50 pauses quiet.
    const soft = envelope(...speech(4, -35), [-50, 0.6], ...speech(4, -35));
    expect(quietThreshold(soft)).toBe(QUIET_FLOOR_DB);
    expect(spans(quietRuns(soft))).toEqual([[4, 4.6]]);
  });

  it('still finds pauses when the host talks less than half the time over room noise', () => {
    // 30 % speech at −18, 70 % noise at −40: the median is the noise, the loud-speech level is not.
    const segments: Array<[number, number]> = [];
    for (let k = 0; k < 10; k++) segments.push(...speech(1.5), [-40, 3.5]);
    const l = envelope(...segments);
    expect(quietThreshold(l)).toBeCloseTo(-38, 5);
    const runs = quietRuns(l);
    expect(runs).toHaveLength(10);
    runs.forEach((r, k) => {
      expect([round(r.start), round(r.end)]).toEqual([k * 5 + 1.5, k * 5 + 5]);
    });
    // The median rule (median − 15 dB) would put the threshold below the noise: nothing found.
    expect(quietRuns(l, { speechPercentile: 0.5, belowSpeechDb: 15 })).toEqual([]);
  });

  it('music bed with dips: only the dips well below the bed are quiet', () => {
    const l = envelope([-30, 5], [-50, 0.4], [-30, 5], [-38, 1], [-30, 5], [-55, 0.3], [-30, 2]);
    expect(quietThreshold(l)).toBe(QUIET_FLOOR_DB); // max(−45, −30 − 20)
    expect(spans(quietRuns(l))).toEqual([
      [5, 5.4],
      [16.4, 16.7],
    ]);
  });

  it('speech over a music bed: the bed is not a pause, its fades are', () => {
    const l = envelope(...speech(4), [-34, 2], ...speech(4), [-48, 0.5], ...speech(2));
    expect(quietThreshold(l)).toBeCloseTo(-38, 5);
    expect(spans(quietRuns(l))).toEqual([[10, 10.5]]);
  });

  it('all digital silence: one run over the whole recording; no audio: none', () => {
    const silent = envelope([SILENCE_DB, 12]);
    expect(quietThreshold(silent)).toBe(QUIET_FLOOR_DB);
    expect(spans(quietRuns(silent))).toEqual([[0, 12]]);
    const none: Loudness = { stepSec: 0.1, db: new Float32Array(0) };
    expect(quietThreshold(none)).toBe(QUIET_FLOOR_DB);
    expect(quietRuns(none)).toEqual([]);
  });

  it('keeps runs of at least minRunSec (0.2 s by default), at the edges of the recording too', () => {
    expect(MIN_QUIET_SEC).toBe(0.2);
    const l = envelope([-60, 0.2], ...speech(2), [-60, 0.1], ...speech(2), [-60, 0.3], ...speech(2), [-60, 0.2]);
    expect(spans(quietRuns(l))).toEqual([
      [0, 0.2],
      [4.3, 4.6],
      [6.6, 6.8],
    ]);
    expect(spans(quietRuns(l, { minRunSec: 0.3 }))).toEqual([[4.3, 4.6]]);
    expect(spans(quietRuns(l, { minRunSec: 0.1 }))).toContainEqual([2.2, 2.3]);
  });
});

describe('snapToQuiet', () => {
  const runs: QuietRun[] = [
    { start: 10, end: 10.4 }, // short: middle 10.2
    { start: 20, end: 30 }, // long: safe from 20.5 to 29.5
    { start: 33, end: 33.6 }, // middle 33.3
    { start: 35, end: 35.4 }, // middle 35.2
  ];

  it('inside a short run: its middle', () => {
    expect(snap(10.05, runs, 3, 0, 100)).toEqual({ t: 10.2, snapped: true });
  });

  it('inside a long pause: stays put when deep inside, keeps the margin near its edges', () => {
    expect(PAUSE_MARGIN_SEC).toBe(0.5);
    expect(snap(25, runs, 3, 0, 100)).toEqual({ t: 25, snapped: true });
    expect(snap(20.1, runs, 3, 0, 100)).toEqual({ t: 20.5, snapped: true });
    expect(snap(29.9, runs, 3, 0, 100)).toEqual({ t: 29.5, snapped: true });
  });

  it('before a long pause: just far enough into it', () => {
    expect(snap(19, runs, 3, 0, 100)).toEqual({ t: 20.5, snapped: true });
  });

  it('between two runs: the nearer one', () => {
    expect(snap(34, runs, 3, 0, 100)).toEqual({ t: 33.3, snapped: true });
    expect(snap(34.5, runs, 3, 0, 100)).toEqual({ t: 35.2, snapped: true });
  });

  it('prefers the pause it is in over a nearer point in another', () => {
    const r = [
      { start: 0, end: 1.4 }, // t = 1.35 is inside: its safe point is 0.9 (0.45 away)
      { start: 1.6, end: 1.8 }, // middle 1.7, only 0.35 away
    ];
    expect(snap(1.35, r, 3, 0, 10)).toEqual({ t: 0.9, snapped: true });
  });

  it('ties go to the earlier run', () => {
    expect(snap(34.25, runs, 3, 0, 100)).toEqual({ t: 33.3, snapped: true });
    expect(
      snap(
        5,
        [
          { start: 3.9, end: 4.1 },
          { start: 5.9, end: 6.1 },
        ],
        3,
        0,
        10,
      ),
    ).toEqual({ t: 4, snapped: true });
  });

  it('no run within ±maxShiftSec: unchanged', () => {
    expect(snap(14, runs, 3, 0, 100)).toEqual({ t: 14, snapped: false });
    expect(snap(13.2, runs, 3, 0, 100)).toEqual({ t: 10.2, snapped: true });
    expect(snap(13.21, runs, 3, 0, 100)).toEqual({ t: 13.21, snapped: false });
    expect(snap(50, runs, 3, 0, 100)).toEqual({ t: 50, snapped: false });
    expect(snap(5, [], 3, 0, 100)).toEqual({ t: 5, snapped: false });
  });

  it('keeps to [lo, hi]: a run outside is skipped, a long one is entered only as far as allowed', () => {
    expect(snap(11, runs, 3, 10.5, 100)).toEqual({ t: 11, snapped: false });
    expect(snap(34, runs, 3, 0, 33.2)).toEqual({ t: 34, snapped: false }); // 33.3 > hi, 35.2 > hi
    expect(snap(34, runs, 3, 33.4, 40)).toEqual({ t: 35.2, snapped: true });
    expect(snap(19, runs, 3, 0, 20.3)).toEqual({ t: 19, snapped: false }); // safe part starts at 20.5
    expect(snap(31, runs, 3, 0, 100)).toEqual({ t: 29.5, snapped: true });
    expect(snap(25, runs, 3, 26, 28)).toEqual({ t: 26, snapped: true });
    expect(snap(25, runs, 3, 28, 26)).toEqual({ t: 25, snapped: false }); // lo > hi
  });

  it('matches a brute-force reading of the rule', () => {
    const oracle = (t: number, rs: QuietRun[], shift: number, lo: number, hi: number) => {
      const a = Math.max(lo, t - shift);
      const b = Math.min(hi, t + shift);
      const offers = rs.flatMap((r) => {
        const m = Math.min(PAUSE_MARGIN_SEC, (r.end - r.start) / 2);
        const pa = Math.max(a, r.start + m);
        const pb = Math.min(b, r.end - m);
        return pa <= pb ? [{ r, p: Math.min(pb, Math.max(pa, t)) }] : [];
      });
      const inside = offers.find(({ r }) => r.start <= t && t <= r.end);
      if (inside) return { t: inside.p, snapped: true };
      let best: number | null = null;
      for (const { p } of offers) if (best === null || Math.abs(p - t) < Math.abs(best - t)) best = p;
      return best === null ? { t, snapped: false } : { t: best, snapped: true };
    };
    const arb = fc.record({
      gaps: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })), { minLength: 0, maxLength: 30 }),
      t: fc.integer({ min: 0, max: 1000 }),
      lo: fc.integer({ min: -50, max: 1000 }),
      width: fc.integer({ min: -20, max: 200 }),
    });
    fc.assert(
      fc.property(arb, ({ gaps, t, lo, width }) => {
        // Runs on a 0.1 s grid, as quietRuns makes them.
        let at = 0;
        const rs = gaps.map(([gap, len]) => {
          at += gap;
          const r = { start: at / 10, end: (at + len) / 10 };
          at += len;
          return r;
        });
        const got = snapToQuiet(t / 10, rs, 3, lo / 10, (lo + width) / 10);
        expect(got).toEqual(oracle(t / 10, rs, 3, lo / 10, (lo + width) / 10));
        if (got.snapped) {
          expect(got.t).toBeGreaterThanOrEqual(lo / 10);
          expect(got.t).toBeLessThanOrEqual((lo + width) / 10);
          // 5.9 − 2.9 is 3.0000000000000004 in floating point: the reach is 3 s up to rounding.
          expect(Math.abs(got.t - t / 10)).toBeLessThanOrEqual(3 + 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });

  // Its speed on a 2 h recording is measured by `npm run bench` (scripts/bench/parse.ts).
  it('snaps every edge on a 2 h recording with 50k runs', () => {
    const many: QuietRun[] = Array.from({ length: 50_000 }, (_, i) => ({ start: i * 0.144, end: i * 0.144 + 0.04 }));
    let snapped = 0;
    for (let i = 0; i < 100_000; i++) if (snapToQuiet((i * 7.2) % 7200, many, 3, 0, 7200).snapped) snapped++;
    expect(snapped).toBe(100_000);
  });
});
