// The mediabunny probe against native ffprobe (read through probe.ts, as the ffmpeg.wasm probe
// reads it): the same metadata for every MP4/MOV it answers, and null where ffprobe must look.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaFromProbe } from '../../src/media/ffmpeg/probe';
import { quickProbe } from '../../src/media/mediabunny/probe';

const generated = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'generated', name);
const dir = mkdtempSync(join(tmpdir(), 'lhs-quick-probe-'));
const ffprobe = (path: string) => metaFromProbe(execFileSync('ffprobe', ['-v', 'error', '-of', 'json', '-show_format', '-show_streams', path]).toString());

function made(name: string, args: string[]): string {
  const path = join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, path]);
  return path;
}

describe('quickProbe', () => {
  const files = [
    ['rec-20s.mp4', 'H.264 + AAC'],
    ['rec-hevc.mp4', 'HEVC'],
    ['rec-hlg-h264.mp4', 'HLG colour tags'],
    ['rec-rot90.mp4', 'a display matrix (phone held upright)'],
    ['rec-rot180.mp4', 'turned over'],
    ['rec-odd-vfr.mp4', 'odd size, variable rate, no audio'],
    ['rec-short.mp4', '0.4 s'],
  ] as const;
  for (const [name, what] of files) {
    it(`gives what ffprobe gives: ${what}`, async () => {
      const quick = await quickProbe(await openAsBlob(generated(name)));
      const slow = ffprobe(generated(name));
      expect(quick).not.toBeNull();
      const { durationSec, fps, ...rest } = quick!;
      const { durationSec: slowDuration, fps: slowFps, ...slowRest } = slow;
      expect(rest).toEqual(slowRest);
      expect(durationSec).toBeCloseTo(slowDuration, 2);
      // A variable rate's average is counted over slightly different spans (±2 %).
      expect(Math.abs(fps - slowFps) / slowFps).toBeLessThan(0.02);
    });
  }

  it("reads the movie's creation time, and a MOV", async () => {
    const path = made('created.mov', ['-i', generated('rec-20s.mp4'), '-t', '2', '-c', 'copy', '-metadata', 'creation_time=2026-03-14T19:00:05Z']);
    const quick = await quickProbe(await openAsBlob(path));
    expect(quick?.creationTimeMs).toBe(Date.UTC(2026, 2, 14, 19, 0, 5));
    expect(quick).toEqual({ ...ffprobe(path), durationSec: quick?.durationSec, fps: quick?.fps });
  });

  it('leaves MPEG audio layer II to ffprobe (mediabunny names it mp3) and names real MP3 as ffprobe does', async () => {
    const mp2 = made('mp2.mp4', ['-i', generated('rec-20s.mp4'), '-t', '2', '-c:v', 'copy', '-c:a', 'mp2']);
    expect(await quickProbe(await openAsBlob(mp2))).toBeNull();
    const mp3 = made('mp3.mp4', ['-i', generated('rec-20s.mp4'), '-t', '2', '-c:v', 'copy', '-c:a', 'libmp3lame']);
    expect((await quickProbe(await openAsBlob(mp3)))?.audioCodec).toBe(ffprobe(mp3).audioCodec);
  });

  for (const [name, what] of [
    ['rec-cut.mp4', 'a file cut short (its readable end must be searched)'],
    ['rec-cut-open.mp4', 'a file cut short inside a media box sized "to the end of the file"'],
    ['rec-audio-nostsd.mp4', 'an audio track without a sample description (ffprobe names it unreadable)'],
    ['rec-20s.webm', 'WebM'],
    ['rec-live.mkv', 'Matroska written live'],
  ] as const) {
    it(`leaves ${what} to ffprobe`, async () => {
      expect(await quickProbe(await openAsBlob(generated(name)))).toBeNull();
    });
  }
});
