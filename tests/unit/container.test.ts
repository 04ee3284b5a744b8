import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadBytes } from '../../src/media/container/bytes';
import { matroskaTail, type Piece } from '../../src/media/container/matroska';
import { mp4Layout } from '../../src/media/container/mp4';

const generated = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'generated', name);
const dir = mkdtempSync(join(tmpdir(), 'lhs-container-'));

/** A reader over a file's bytes that counts what it was asked for. */
function reader(bytes: Uint8Array) {
  const stats = { bytesRead: 0, reads: 0 };
  const read: ReadBytes = async (start, end) => {
    stats.reads++;
    stats.bytesRead += Math.min(end, bytes.length) - start;
    return bytes.subarray(start, end);
  };
  return { read, stats };
}

const join_ = (bytes: Uint8Array, pieces: Piece[]) => Buffer.concat(pieces.map((p) => (p instanceof Uint8Array ? p : bytes.subarray(p.start, p.end))));

/** Native ffprobe's last video packet time: the oracle for what ffmpeg.wasm will read from the stand-in. */
function lastVideoPts(path: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', path]).toString();
  return Math.max(...out.trim().split('\n').map(Number));
}

describe('matroskaTail', () => {
  for (const [name, what] of [
    ['rec-live.mkv', 'written live (no duration, no cues, clusters of unknown size)'],
    ['2026-03-14 19-00-05.mkv', 'finished by ffmpeg (sized clusters, cues at the end)'],
  ] as const) {
    it(`makes a small stand-in with the same last packet for a Matroska file ${what}`, async () => {
      const bytes = new Uint8Array(readFileSync(generated(name)));
      const { read, stats } = reader(bytes);
      // A 64 KiB window: the stand-in must start at a cluster near the end, not at the first one.
      const pieces = await matroskaTail(read, bytes.length, 64 << 10);
      expect(pieces).not.toBeNull();
      const standIn = join_(bytes, pieces!);
      expect(standIn.length).toBeLessThan(bytes.length / 4);
      expect(stats.bytesRead).toBeLessThan(bytes.length / 4);
      const path = join(dir, `tail-${name}`);
      writeFileSync(path, standIn);
      expect(lastVideoPts(path)).toBe(lastVideoPts(generated(name)));
    });
  }
  it('widens the window until a cluster starts in it, and gives up on files that are not Matroska', async () => {
    const mkv = new Uint8Array(readFileSync(generated('rec-live.mkv')));
    const pieces = await matroskaTail(reader(mkv).read, mkv.length, 1024);
    expect(pieces).not.toBeNull();
    const mp4 = new Uint8Array(readFileSync(generated('rec-20s.mp4')));
    expect(await matroskaTail(reader(mp4).read, mp4.length)).toBeNull();
  });
});

describe('mp4Layout', () => {
  it('tells a cut-short MP4 (a box runs past the end) from a whole one, reading only box headers', async () => {
    for (const [name, cutShort] of [
      ['rec-20s.mp4', false],
      ['rec-cut.mp4', true],
      ['rec-hevc.mp4', false],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(generated(name)));
      const { read, stats } = reader(bytes);
      expect(await mp4Layout(read, bytes.length), name).toMatchObject({ cutShort });
      // Box headers, and inside the movie header the tracks' handlers: a few hundred bytes of a whole file.
      expect(stats.bytesRead, name).toBeLessThan(1000);
    }
  });
  it('says when the media box runs "to the end of the file" (size 0): cut short or not, the index must tell', async () => {
    const bytes = new Uint8Array(readFileSync(generated('rec-cut-open.mp4')));
    expect(await mp4Layout(reader(bytes).read, bytes.length)).toMatchObject({ cutShort: false, openEnded: true });
    const whole = new Uint8Array(readFileSync(generated('rec-20s.mp4')));
    expect(await mp4Layout(reader(whole).read, whole.length)).not.toHaveProperty('openEnded');
  });
  it("lists the tracks' handlers and reads the movie's creation time", async () => {
    const path = join(dir, 'created.mov');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      generated('rec-20s.mp4'),
      '-t',
      '1',
      '-c',
      'copy',
      '-metadata',
      'creation_time=2026-03-14T19:00:05Z',
      path,
    ]);
    const bytes = new Uint8Array(readFileSync(path));
    const layout = await mp4Layout(reader(bytes).read, bytes.length);
    expect(layout?.movie?.handlers).toEqual(['vide', 'soun']);
    expect(new Date((layout!.movie!.createdSec1904 - 2_082_844_800) * 1000).toISOString()).toBe('2026-03-14T19:00:05.000Z');
  });
  it('is null for files that do not start like an MP4', async () => {
    const webm = new Uint8Array(readFileSync(generated('rec-20s.webm')));
    expect(await mp4Layout(reader(webm).read, webm.length)).toBeNull();
  });
});
