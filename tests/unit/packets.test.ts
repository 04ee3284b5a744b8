import { describe, expect, it } from 'vitest';
import { cutShortEnd, lastEnd, parsePackets, type Packet } from '../../src/media/ffmpeg/packets';

const FRAME = 1 / 30;
/** A 30 fps stream of `n` 1000-byte packets laid out one after another from byte 0. */
const stream = (n: number, duration = FRAME): Packet[] =>
  Array.from({ length: n }, (_, i) => ({ video: true, pts: i * FRAME, dts: i * FRAME, duration, pos: i * 1000, size: 1000 }));

describe('parsePackets', () => {
  it("reads ffprobe's packet JSON, skipping packets without a time", () => {
    const json = JSON.stringify({
      packets: [
        { codec_type: 'video', pts_time: '1.5', dts_time: '1.4', duration_time: '0.033', pos: '100', size: '42' },
        { codec_type: 'video', pts_time: 'N/A', size: '1' },
        { codec_type: 'audio', pts_time: '2', size: '7' },
      ],
    });
    expect(parsePackets(json)).toEqual([
      { video: true, pts: 1.5, dts: 1.4, duration: 0.033, pos: 100, size: 42 },
      { video: false, pts: 2, dts: 2, duration: 0, size: 7 },
    ]);
    expect(parsePackets('not json')).toEqual([]);
  });
});

describe('lastEnd', () => {
  it('is the end of the last packet; packets without a duration last one usual frame', () => {
    expect(lastEnd(stream(90))).toBeCloseTo(3, 6);
    // MediaRecorder blocks carry 1 ms (or no) duration: the median frame gap stands in.
    expect(lastEnd(stream(90, 0.001))).toBeCloseTo(3, 6);
    expect(lastEnd([])).toBeUndefined();
  });
  it('leaves out a packet cut by the end of the data, and every frame shown after it', () => {
    const packets = stream(90);
    // Cut inside the last packet; a B-frame shown earlier was stored after it.
    const reordered = [...packets.slice(0, 88), { ...packets[89]!, pos: 88_000 }, { ...packets[88]!, pos: 89_000 }];
    expect(lastEnd(reordered, 89_500)).toBeCloseTo(88 * FRAME, 6);
    expect(lastEnd(packets, 90_000)).toBeCloseTo(89 * FRAME, 6);
  });
  it('stops before the decode time of a partial packet (a copy cut decodes up to it), of any stream', () => {
    const packets = stream(90);
    const bFramed = [...packets.slice(0, 89), { ...packets[89]!, dts: 87 * FRAME }];
    expect(lastEnd(bFramed, 89_500)).toBeCloseTo(87 * FRAME, 6);
    const audio: Packet = { video: false, pts: 80 * FRAME, dts: 80 * FRAME, duration: 0.021, pos: 90_000, size: 300 };
    expect(lastEnd([...packets, audio], 90_100)).toBeCloseTo(80 * FRAME, 6);
  });
});

describe('cutShortEnd', () => {
  it('finds where a 35 s file that stops after 6 s stops, reading only short windows', async () => {
    const all = stream(35 * 30);
    const cutAt = 6 * 30 * 1000 + 100; // 100 bytes into the packet at 6 s
    const readable = all.filter((p) => p.pos! < cutAt).map((p) => (p.pos! + p.size > cutAt ? { ...p, size: cutAt - p.pos! } : p));
    // As ffprobe -read_intervals does: from the keyframe at or before `from` (one every 2 s), `span` past that keyframe.
    const reads: Array<number | undefined> = [];
    const list = async (from: number, span?: number) => {
      reads.push(span);
      const key = Math.floor(from / 2) * 2;
      return readable.filter((p) => p.pts >= key && (span === undefined || p.pts < key + span));
    };
    expect(await cutShortEnd(list, 0, 35, cutAt)).toBeCloseTo(6, 6);
    expect(reads.length).toBeLessThanOrEqual(6);
    // Short windows, and one read to the end from just before where the data stops.
    expect(reads.slice(0, -1).every((span) => span === 2)).toBe(true);
    expect(reads.at(-1)).toBeUndefined();
  });
  it('is undefined when nothing whole can be read', async () => {
    expect(await cutShortEnd(async () => [], 0, 35, 10)).toBeUndefined();
  });
});
