// The index's run-length tables against mediabunny's sample tables: the same start, end, first
// packets and readable end for every track (the probe's figures must not change), and null where
// mediabunny must look.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobSource, EncodedPacketSink, Input, MP4, QTFF } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { blobBytes } from '../../src/media/container/bytes';
import { mp4Layout } from '../../src/media/container/mp4';
import { mp4Timing } from '../../src/media/container/mp4Timing';

const generated = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'generated', name);
const dir = mkdtempSync(join(tmpdir(), 'lhs-mp4-timing-'));
const HEAD = 300;

async function both(path: string) {
  const blob = await openAsBlob(path);
  const read = blobBytes(blob);
  const layout = await mp4Layout(read, blob.size);
  const mine = layout?.movie ? await mp4Timing(read, layout.movie.box, blob.size, HEAD) : null;
  const input = new Input({ source: new BlobSource(blob), formats: [MP4, QTFF] });
  try {
    const theirs = [];
    for (const track of await input.getTracks()) {
      const sink = new EncodedPacketSink(track);
      const last = await sink.getPacket(Number.POSITIVE_INFINITY, { metadataOnly: true });
      const head = [];
      for await (const p of sink.packets(undefined, undefined, { metadataOnly: true })) {
        head.push({ t: p.timestamp, d: p.duration });
        if (head.length >= HEAD) break;
      }
      theirs.push({
        firstSec: await track.getFirstTimestamp(),
        endSec: await track.computeDuration(),
        head,
        lastReadable: last === null || (await sink.getPacket(last.timestamp)) !== null,
      });
    }
    return { mine, theirs };
  } finally {
    input.dispose();
  }
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('mp4Timing', () => {
  const files = [
    ['rec-20s.mp4', 'H.264 with B-frames + AAC (edit lists for both)'],
    ['rec-hevc.mp4', 'HEVC'],
    ['rec-rot90.mp4', 'a display matrix'],
    ['rec-odd-vfr.mp4', 'variable rate: lengths up to the next frame presented'],
    ['rec-short.mp4', '0.4 s'],
    ['rec-speech.mp4', 'flite speech at 16 kHz'],
  ] as const;
  for (const [name, what] of files) {
    it(`reads what mediabunny reads: ${what}`, async () => {
      const { mine, theirs } = await both(generated(name));
      expect(mine).not.toBeNull();
      expect(mine).toHaveLength(theirs.length);
      for (const [i, m] of mine!.entries()) {
        const o = theirs[i]!;
        expect(close(m.firstSec, o.firstSec), `first ${m.firstSec} vs ${o.firstSec}`).toBe(true);
        expect(close(m.endSec, o.endSec), `end ${m.endSec} vs ${o.endSec}`).toBe(true);
        expect(m.lastReadable).toBe(o.lastReadable);
        expect(m.head).toHaveLength(o.head.length);
        expect(m.head.every((h, k) => close(h.t, o.head[k]!.t) && close(h.d, o.head[k]!.d))).toBe(true);
      }
    });
  }

  it('delays a track by an empty edit, and reads a QuickTime movie', async () => {
    const path = join(dir, 'delayed.mov');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      generated('rec-20s.mp4'),
      '-itsoffset',
      '1.5',
      '-i',
      generated('rec-20s.mp4'),
      '-map',
      '0:a',
      '-map',
      '1:v',
      '-c',
      'copy',
      '-t',
      '5',
      path,
    ]);
    const { mine, theirs } = await both(path);
    expect(mine?.map((t) => t.firstSec)).toEqual(theirs.map((t) => t.firstSec));
    expect(Math.max(...mine!.map((t) => t.firstSec))).toBeGreaterThan(1.4);
    expect(mine?.map((t) => t.endSec)).toEqual(theirs.map((t) => t.endSec));
  });

  it("says a file whose last samples are missing (its media box running 'to the end') has them unreadable", async () => {
    const { mine, theirs } = await both(generated('rec-cut-open.mp4'));
    expect(mine?.map((t) => t.lastReadable)).toEqual(theirs.map((t) => t.lastReadable));
    expect(mine?.some((t) => !t.lastReadable)).toBe(true);
  });

  it('leaves a fragmented MP4 to mediabunny', async () => {
    const path = join(dir, 'fragmented.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', generated('rec-20s.mp4'), '-c', 'copy', '-t', '4', '-movflags', 'frag_keyframe+empty_moov', path]);
    const blob = await openAsBlob(path);
    const layout = await mp4Layout(blobBytes(blob), blob.size);
    expect(await mp4Timing(blobBytes(blob), layout!.movie!.box, blob.size, HEAD)).toBeNull();
  });
});
