import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { OUTPUT_COLOR } from '../../src/domain/edit/output';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);
export const generated = (name: string) => join(FIXTURES, 'generated', name);

const MIME: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', csv: 'text/csv', ndjson: '', json: 'application/json' };

/** Drops files onto an element the way a user's drag & drop does: a real DataTransfer with Files. */
export async function dropFiles(page: Page, selector: string, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({
    name: basename(p),
    type: MIME[p.split('.').pop() ?? ''] ?? '',
    base64: readFileSync(p).toString('base64'),
  }));
  const target = page.locator(selector);
  await target.waitFor();
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

export interface Probe {
  format: { duration: string; format_name: string; size: string };
  streams: Array<{
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
    profile?: string;
    color_space?: string;
    color_transfer?: string;
    color_primaries?: string;
    color_range?: string;
    avg_frame_rate?: string;
  }>;
}

/** The tags every short carries (the output colour both engines promise, src/domain/edit/output.ts). */
export const SHORT_COLOR_TAGS = {
  pix_fmt: 'yuv420p',
  color_space: OUTPUT_COLOR.matrix,
  color_primaries: OUTPUT_COLOR.primaries,
  color_transfer: OUTPUT_COLOR.transfer,
  color_range: OUTPUT_COLOR.range,
} as const;

/** The native ffprobe is the oracle for what the app wrote. */
export function ffprobe(path: string): Probe {
  const out = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]);
  return JSON.parse(out.toString()) as Probe;
}

export async function saveDownload(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Mean RGB of a region of the frame at `t` seconds (native ffmpeg as the oracle). */
export function regionColor(path: string, t: number, x: number, y: number, w: number, h: number): [number, number, number] {
  const raw = execFileSync('ffmpeg', [
    '-v',
    'error',
    '-ss',
    String(t),
    '-i',
    path,
    '-frames:v',
    '1',
    '-vf',
    `crop=${w}:${h}:${x}:${y}`,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-',
  ]);
  const sum = [0, 0, 0];
  for (let i = 0; i < raw.length; i++) sum[i % 3]! += raw[i]!;
  const n = raw.length / 3;
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

/**
 * Mean Y, Cb, Cr of a region (even x, y, w, h) of the frame at `t` seconds as stored: the planes are
 * read in the stream's own 4:2:0 format, with no range or matrix conversion by the oracle.
 */
export function regionYcbcr(path: string, t: number, x: number, y: number, w: number, h: number): [number, number, number] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(t), '-i', path, '-frames:v', '1', '-vf', `crop=${w}:${h}:${x}:${y}`, '-f', 'rawvideo', '-']);
  const luma = w * h;
  const chroma = luma / 4;
  if (raw.length !== luma + 2 * chroma) throw new Error(`not a 4:2:0 frame: ${raw.length} bytes for ${w}×${h}`);
  const mean = (from: number, n: number) => raw.subarray(from, from + n).reduce((a, v) => a + v, 0) / n;
  return [mean(0, luma), mean(luma, chroma), mean(luma + chroma, chroma)];
}

/** RMS level (dBFS) of the audio inside a narrow band around `hz`, over [start, start + dur). */
export function bandLevel(path: string, hz: number, start = 0, dur?: number): number {
  const args = [
    '-v',
    'info',
    '-ss',
    String(start),
    ...(dur ? ['-t', String(dur)] : []),
    '-i',
    path,
    '-vn',
    '-af',
    `bandpass=f=${hz}:width_type=h:w=60,astats=measure_perchannel=none`,
    '-f',
    'null',
    '-',
  ];
  // astats reports on stderr.
  const log = spawnSync('ffmpeg', args, { encoding: 'utf8' }).stderr;
  const m = /RMS level dB:\s*(-?[\d.]+|-inf)/.exec(log);
  if (!m) throw new Error(`no RMS level in ffmpeg output: ${log.slice(-500)}`);
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}

/**
 * A clip setting under the project page's collapsed "Advanced" section (Min length, Max length,
 * Lead-in, Points per …): opens the section when it is closed and returns the field.
 */
export async function advancedSetting(page: Page, label: string): Promise<Locator> {
  const toggle = page.getByRole('group', { name: 'Clip settings' }).getByRole('button', { name: 'Advanced' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.getByLabel(label);
}

/** [start, end] in seconds from a clip row's "m:ss–m:ss.t" range cell. */
export async function rowRange(row: Locator): Promise<[number, number]> {
  const [start, end] = (await row.locator('td').nth(2).innerText()).split('–').map((t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  return [start!, end!];
}

/** The frame at `t` seconds (or its `crop` region, "w:h:x:y") scaled to w×h, as rgb24 bytes (native ffmpeg as the oracle). */
export function frameRgb(path: string, t: number, w = 54, h = 96, crop?: string): Buffer {
  const vf = `${crop ? `crop=${crop},` : ''}scale=${w}:${h}:flags=area`;
  return execFileSync('ffmpeg', ['-v', 'error', '-ss', String(t), '-i', path, '-frames:v', '1', '-vf', vf, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
}

/** Mean and worst absolute difference (0..255) between two equally sized rgb24 frames. */
export function rgbDiff(a: Buffer, b: Buffer): { mean: number; max: number } {
  if (a.length !== b.length || a.length === 0) throw new Error(`frames differ in size: ${a.length} vs ${b.length}`);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / a.length, max };
}

/** The video's packet times in presentation order (seconds), and which are keyframes. */
export function videoPacketTimes(path: string): Array<{ t: number; key: boolean }> {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', path]);
  return out
    .toString()
    .trim()
    .split('\n')
    .map((line) => {
      const [t, flags] = line.split(',');
      return { t: Number(t), key: (flags ?? '').includes('K') };
    })
    .sort((a, b) => a.t - b.t);
}

/** Decoded video frames in the file (ffprobe counts them). */
export function videoFrameCount(path: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number(out.toString().trim());
}

/** What ffmpeg complains about while decoding the whole file ('' when it decodes clean). */
export function decodeErrors(path: string, { variableRate = false } = {}): string {
  // A variable-rate file is decoded at its own timestamps in its own time base: ffmpeg would
  // otherwise count in ticks of its average rate, where two frames 8 ms apart land on one tick
  // and it reports that clash of its own making.
  const rate = variableRate ? ['-fps_mode', 'passthrough', '-enc_time_base', '-1'] : [];
  return spawnSync('ffmpeg', ['-v', 'error', '-i', path, ...rate, '-f', 'null', '-'], { encoding: 'utf8' }).stderr.trim();
}

/** Top-level MP4 box types in file order (ftyp, moov, mdat…): "fast start" means moov before mdat. */
export function topLevelBoxes(path: string): string[] {
  const buf = readFileSync(path);
  const types: string[] = [];
  for (let at = 0; at + 8 <= buf.length; ) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (size === 1) size = Number(buf.readBigUInt64BE(at + 8));
    else if (size === 0) size = buf.length - at;
    types.push(type);
    if (size < 8) break;
    at += size;
  }
  return types;
}
