// Captions on spoken streams (issue 19 item 6), in the built app: for each TTS voice (clean and
// under music 15 dB below the voice), a ~45 s stream pitching products with hard names and
// prices (quality/voiceStream.ts), imported with a click log and the product list; its clip
// transcribed in the editor; the lines scored against what was said (quality/captionScore.ts):
// product names spelled as listed, prices right, lines within ±0.5 s of their own words.
// BENCH_DIST: another build (e.g. an older commit's, for before/after); BENCH_VOICES: some voices
// only (comma-separated ids); BENCH_VERBOSE=1: each stream's lines too. Prints one JSON line.
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { Cue } from '../../src/domain/edit/captions';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { gotoWhenUp, importFiles, root, round, serveBuild } from './app.mjs';
import { scoreCaptions, type CaptionScore } from './quality/captionScore';
import { makeVoiceStream, VOICES, type VoiceStream } from './quality/voiceStream';

const MUSIC = join(root, 'public/music/beat-loop.m4a');

/** The editor's caption lines for the clip, in recording time. */
async function clipCues(page: Page, clipStart: number): Promise<Cue[]> {
  const field = (i: number, what: string) => page.getByLabel(`Caption ${i} ${what}`).inputValue();
  const n = await page.getByLabel(/^Caption \d+ text$/).count();
  const cues: Cue[] = [];
  for (let i = 1; i <= n; i++)
    cues.push({ start: clipStart + Number(await field(i, 'start')), end: clipStart + Number(await field(i, 'end')), text: await field(i, 'text') });
  return cues;
}

async function transcribed(page: Page, url: string, stream: VoiceStream): Promise<{ cues: Cue[]; range: [number, number] }> {
  await gotoWhenUp(page, url);
  await importFiles(page, [stream.recording, stream.log, stream.productList]);
  const cell = (await page.getByTestId('clip-list').locator('tbody tr').first().locator('td').nth(2).textContent()) ?? '';
  const [start = 0, end = 0] = cell.split('–').map((t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  await page.getByRole('button', { name: /^Transcribe speech$/ }).click();
  await page.getByTestId('transcribe-result').waitFor({ timeout: 600_000 });
  return { cues: await clipCues(page, start), range: [start, end] };
}

const rate = (hit: number, of: number) => (of ? round(hit / of) : null);

function summary(rows: Array<CaptionScore & { voice: string; music: boolean; brisk: boolean }>) {
  const sum = (key: 'namesSaid' | 'namesSpelled' | 'pricesSaid' | 'pricesRight' | 'lines' | 'linesOnTime' | 'wordsSaid' | 'wordErrors') =>
    rows.reduce((s, r) => s + r[key], 0);
  return {
    streams: rows.length,
    namesSpelled: rate(sum('namesSpelled'), sum('namesSaid')),
    pricesRight: rate(sum('pricesRight'), sum('pricesSaid')),
    linesOnTime: rate(sum('linesOnTime'), sum('lines')),
    wer: rate(sum('wordErrors'), sum('wordsSaid')),
    namesSaid: sum('namesSaid'),
    pricesSaid: sum('pricesSaid'),
    lines: sum('lines'),
  };
}

const only = process.env.BENCH_VOICES?.split(',');
const streams = VOICES.filter((v) => !only || only.includes(v.id)).flatMap((voice, k) =>
  [false, true].map((music) => makeVoiceStream(voice, music, k * 2 + (music ? 1 : 0), MUSIC)),
);
const server = serveBuild(Number(process.env.BENCH_PORT ?? 4396), process.env.BENCH_DIST);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const rows = [];
  for (const stream of streams) {
    const { cues, range } = await transcribed(page, server.url, stream);
    const score = scoreCaptions(cues, stream.sentences, range[0], range[1]);
    rows.push({ voice: stream.voice, music: stream.music, brisk: stream.brisk, ...score, ...(process.env.BENCH_VERBOSE ? { cues } : {}) });
  }
  console.log(
    JSON.stringify({
      bench: 'captions',
      build: process.env.BENCH_DIST ?? 'dist',
      all: summary(rows),
      music: summary(rows.filter((r) => r.music)),
      brisk: summary(rows.filter((r) => r.brisk)),
      streams: rows,
    }),
  );
} finally {
  await browser.close();
  server.stop();
}
