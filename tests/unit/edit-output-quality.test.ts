import { describe, expect, it } from 'vitest';
import { limitedYcbcr, OUTPUT_COLOR, sourceMatrix } from '../../src/domain/edit/output';
import { DEFAULT_QUALITY, qualityPreset, QUALITY_PRESETS, videoBitrate } from '../../src/domain/edit/quality';
import { bands } from '../../src/canvas/framePainter';

describe('quality presets', () => {
  it('Balanced is the TikTok default: 8 Mb/s at 1080×1920, scaled by pixels at 720×1280', () => {
    expect(DEFAULT_QUALITY).toBe('balanced');
    expect(videoBitrate(qualityPreset('balanced'), 1080, 1920)).toBe(8_000_000);
    expect(videoBitrate(qualityPreset('balanced'), 720, 1280)).toBe(Math.round((8_000_000 * 720 * 1280) / (1080 * 1920)));
  });
  it('rises from Fast to Best on every axis; unknown or missing ids get the default', () => {
    const [fast, balanced, best] = QUALITY_PRESETS;
    expect(fast!.bitrate1080).toBeLessThan(balanced!.bitrate1080);
    expect(balanced!.bitrate1080).toBeLessThan(best!.bitrate1080);
    expect(fast!.crf).toBeGreaterThan(best!.crf);
    expect(qualityPreset(undefined).id).toBe('balanced');
    expect(qualityPreset('ultra').id).toBe('balanced');
  });
});

describe('colour', () => {
  it('reads tagged matrices as tagged and untagged HD as BT.709, SD as BT.601', () => {
    expect(sourceMatrix({ colorMatrix: 'bt709', width: 640, height: 360 })).toBe('bt709');
    expect(sourceMatrix({ colorMatrix: 'smpte170m', width: 1920, height: 1080 })).toBe('bt601');
    expect(sourceMatrix({ colorMatrix: 'bt2020nc', width: 3840, height: 2160 })).toBe('bt2020');
    expect(sourceMatrix({ width: 1280, height: 720 })).toBe('bt709');
    expect(sourceMatrix({ width: 720, height: 1280 })).toBe('bt709');
    expect(sourceMatrix({ width: 640, height: 360 })).toBe('bt601');
  });
  it('writes SDR BT.709 limited range, what phones and TikTok expect of HD video', () => {
    expect(OUTPUT_COLOR).toEqual({ matrix: 'bt709', primaries: 'bt709', transfer: 'bt709', range: 'tv' });
  });
  it('limited-range Y′CbCr of the primaries and greys (BT.709 reference values)', () => {
    const round = (v: number[]) => v.map((x) => Math.round(x));
    expect(round(limitedYcbcr([255, 255, 255]))).toEqual([235, 128, 128]);
    expect(round(limitedYcbcr([0, 0, 0]))).toEqual([16, 128, 128]);
    expect(round(limitedYcbcr([255, 0, 0]))).toEqual([63, 102, 240]);
    expect(round(limitedYcbcr([0, 255, 0]))).toEqual([173, 42, 26]);
    expect(round(limitedYcbcr([0, 0, 255]))).toEqual([32, 240, 118]);
  });
});

describe('bands around the video (the blurred background is drawn only there)', () => {
  it('landscape in 9:16: a band above and below, none at the sides', () => {
    expect(bands({ x: 0, y: 656, width: 1080, height: 608 }, 1080, 1920)).toEqual([
      { x: 0, y: 0, width: 1080, height: 656 },
      { x: 0, y: 1264, width: 1080, height: 656 },
    ]);
  });
  it('a narrow video gets side bands; a full-frame one none', () => {
    expect(bands({ x: 100, y: 0, width: 880, height: 1920 }, 1080, 1920)).toEqual([
      { x: 0, y: 0, width: 100, height: 1920 },
      { x: 980, y: 0, width: 100, height: 1920 },
    ]);
    expect(bands({ x: 0, y: 0, width: 1080, height: 1920 }, 1080, 1920)).toEqual([]);
  });
});
