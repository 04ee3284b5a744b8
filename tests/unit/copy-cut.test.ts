// The mediabunny fast copy, checked with native ffprobe: the recording's packets from the keyframe
// at or before the start, timestamps from 0, the first video and audio tracks, no more.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCut } from '../../src/media/mediabunny/copyCut';

const generated = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'generated', name);
const dir = mkdtempSync(join(tmpdir(), 'lhs-copy-cut-'));

interface Probed {
  streams: Array<{ codec_type: string; codec_name: string; start_time: string; duration?: string; nb_frames?: string }>;
  format: { duration: string };
}
const probe = (path: string) => JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-of', 'json', '-show_format', '-show_streams', path]).toString()) as Probed;
/** The video packets' times (presentation order) and whether each is a keyframe, from native ffprobe. */
const packets = (path: string) =>
  execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', path])
    .toString()
    .trim()
    .split('\n')
    .map((line) => ({ t: Number(line.split(',')[0]), key: line.split(',')[1]!.startsWith('K') }))
    .sort((a, b) => a.t - b.t);
/** Errors a full decode of `path` reports (none for a clean file). */
const decodeErrors = (path: string) => execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

describe('copyCut', () => {
  const [start, end] = [5.3, 9.7];
  const leadIn = (source: string) =>
    start -
    Math.max(
      ...packets(source)
        .filter((p) => p.key && p.t <= start + 1e-3)
        .map((p) => p.t),
    );

  /** Copies [start, end) of `source` into `container`, writes it, and returns its path and probe. */
  async function copied(source: string, container: 'mp4' | 'mkv', withAudio = true) {
    const data = await copyCut({ recording: await openAsBlob(source), start, end, container, withAudio }, () => undefined);
    const out = join(dir, `clip-${withAudio}.${container}`);
    writeFileSync(out, new Uint8Array(data));
    return { out, p: probe(out) };
  }

  it('copies an MP4 from the keyframe before the start, the lead-in hidden by an edit list: it plays from the start', async () => {
    const source = generated('rec-20s.mp4');
    const { out, p } = await copied(source, 'mp4');
    expect(p.streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(Number(p.streams[0]!.start_time)).toBeCloseTo(0, 2);
    const first = packets(out)[0]!;
    expect(first.key).toBe(true);
    expect(first.t).toBeCloseTo(-leadIn(source), 2);
    expect(Number(p.format.duration)).toBeCloseTo(end - start, 1);
    expect(decodeErrors(out)).toBe('');
  });

  it('copies a WebM into Matroska from the keyframe before the start, shifted to 0', async () => {
    const source = generated('rec-20s.webm');
    const { out, p } = await copied(source, 'mkv');
    expect(p.streams.map((s) => s.codec_name)).toEqual(['vp9', 'opus']);
    const first = packets(out)[0]!;
    expect(first).toEqual({ t: 0, key: true });
    expect(Number(p.format.duration)).toBeCloseTo(end - start + leadIn(source), 1);
    expect(decodeErrors(out)).toBe('');
  });

  it('leaves the audio out when asked', async () => {
    const { p } = await copied(generated('rec-20s.mp4'), 'mp4', false);
    expect(p.streams.map((s) => s.codec_type)).toEqual(['video']);
  });
});
