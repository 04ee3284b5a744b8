import { describe, expect, it } from 'vitest';
import { clipFileName, formatClock, formatEta, formatSpeed, slug } from '../../src/domain/format';
import { picksToCsv, picksToJson } from '../../src/domain/selection/picksExport';
import { copyContainer, cutArgs } from '../../src/media/ffmpeg/cutArgs';
import { ffmpegLogTime } from '../../src/media/ffmpeg/logTime';
import type { Highlight } from '../../src/domain/selection/model';

const pick: Highlight = {
  rank: 1,
  productIndex: 0,
  productId: 'P-1',
  productName: 'Blue Cap, "Large" 🧢',
  start: 12.5,
  end: 42.5,
  score: 31,
  counts: { click: 25, add_to_cart: 2, order: 0, pin: 0, unpin: 0 },
  why: {
    window: { productIndex: 0, start: 10, end: 50, source: 'pin' },
    burst: { start: 17, end: 35 },
    burstPerMin: 120,
    backgroundPerMin: 6,
    share: 0.8,
    leadInSec: 4.5,
    tailSec: 7.5,
    snapped: { start: true, end: false },
    pitch: 1,
    showing: 1,
    showings: 1,
    peak: 1,
    peaks: 1,
    lag: { sec: 4, estimated: false, pins: 0 },
  },
};

describe('formatting', () => {
  it('formats clock times with optional tenths and hours', () => {
    expect(formatClock(75.5)).toBe('1:15.5');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(59.96)).toBe('1:00');
  });
  it('formats time left', () => {
    expect(formatEta(4.2)).toBe('5 s');
    expect(formatEta(185)).toBe('3 min 5 s');
    expect(formatEta(Number.NaN)).toBe('…');
  });
  it('names clip files after the product and range, safely', () => {
    expect(clipFileName('Blue Cap, "Large" 🧢', 12.5, 42.5)).toBe('blue-cap-large_0m12s-0m42s.mp4');
    expect(clipFileName('Crème brûlée', 3700, 3730, 'mkv')).toBe('creme-brulee_1h01m40s-1h02m10s.mkv');
    expect(slug('///')).toBe('clip');
    expect(slug('口红 套装')).toBe('口红-套装');
  });
});

describe('picks export', () => {
  it('writes JSON rows with the documented columns', () => {
    expect(JSON.parse(picksToJson([pick]))).toEqual([
      {
        rank: 1,
        product_id: 'P-1',
        product_name: 'Blue Cap, "Large" 🧢',
        pitch: 1,
        pitches: 1,
        peak: 1,
        start: 12.5,
        end: 42.5,
        duration: 30,
        score: 31,
        clicks: 25,
      },
    ]);
  });
  it('writes CSV that quotes commas and quotes and defuses formulas', () => {
    const csv = picksToCsv([pick, { ...pick, rank: 2, productName: '=HYPERLINK("x")' }]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('rank,product_id,product_name,pitch,pitches,peak,start,end,duration,score,clicks');
    expect(lines[1]).toBe('1,P-1,"Blue Cap, ""Large"" 🧢",1,1,1,12.5,42.5,30,31,25');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('cut plan', () => {
  it('copies into MP4 when the codecs allow, MKV otherwise', () => {
    expect(copyContainer({ videoCodec: 'h264', audioCodec: 'aac' })).toBe('mp4');
    expect(copyContainer({ videoCodec: 'vp9', audioCodec: 'opus' })).toBe('mp4');
    expect(copyContainer({ videoCodec: 'vp8', audioCodec: 'vorbis' })).toBe('mkv');
    expect(copyContainer({ videoCodec: 'h264' })).toBe('mp4');
  });
  it('seeks on the input and limits the duration', () => {
    const args = cutArgs('/in/input.mp4', '/clip.mp4', 12.5, 42.5, false);
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-ss') + 6)).toEqual(['-ss', '12.500', '-i', '/in/input.mp4', '-t', '30.000']);
    expect(args).toContain('copy');
    const exact = cutArgs('/in/a.mp4', '/clip.mp4', 0, 5, true);
    expect(exact).toContain('libx264');
    // The source's frames at their own times, never a rate made up from its time base.
    expect(exact.slice(exact.indexOf('-fps_mode'), exact.indexOf('-fps_mode') + 2)).toEqual(['-fps_mode', 'vfr']);
  });
});

describe('progress', () => {
  it('reads ffmpeg stats time', () => {
    expect(ffmpegLogTime('frame=  120 fps= 60 q=-1.0 size=  512kB time=00:01:02.50 bitrate=')).toBe(62.5);
    expect(ffmpegLogTime('Stream #0:0: Video: h264')).toBeNull();
  });
});

describe('formatSpeed', () => {
  it('keeps a slow job’s speed readable (issue 20: "0× real time")', () => {
    expect(formatSpeed(0.43)).toBe('0.4×');
    expect(formatSpeed(0.04)).toBe('under 0.1×');
    expect(formatSpeed(1.04)).toBe('1×');
    expect(formatSpeed(1.5)).toBe('1.5×');
    expect(formatSpeed(17.6)).toBe('18×');
    expect(formatSpeed(Number.NaN)).toBe('…');
  });
});
