import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitedYcbcr } from '../../src/domain/edit/output';
import { channelOrder, rgbToI420 } from '../../src/media/webcodecs/i420';
import { COLOUR_BARS, type Rgb } from '../colourBars';

/** A w×h picture of one colour per 2×2 block, packed as `format` (RGBA or BGRA words). */
function packed(blocks: Rgb[], w: number, h: number, format: 'RGBA' | 'BGRA'): Uint8Array {
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = blocks[(y >> 1) * (w >> 1) + (x >> 1)]!;
      out.set(format === 'RGBA' ? [r, g, b, 255] : [b, g, r, 255], (y * w + x) * 4);
    }
  }
  return out;
}

function convert(blocks: Rgb[], w: number, h: number, format: 'RGBA' | 'BGRA') {
  const out = new Uint8Array((w * h * 3) / 2);
  rgbToI420(packed(blocks, w, h, format), w, h, channelOrder(format)!, out);
  const cw = w >> 1;
  return blocks.map((_, i) => {
    const bx = (i % cw) * 2;
    const by = Math.floor(i / cw) * 2;
    return [out[by * w + bx]!, out[w * h + i]!, out[w * h + (w * h) / 4 + i]!];
  });
}

describe('RGB → I420 in the output colour (BT.709 limited range)', () => {
  const bars = COLOUR_BARS;
  it('pure colours land on BT.709 limited values, in either channel order; greys keep neutral chroma', () => {
    for (const format of ['RGBA', 'BGRA'] as const) {
      expect(convert(bars, 8, 4, format)).toEqual(bars.map((c) => limitedYcbcr(c).map(Math.round)));
    }
    expect(convert([[255, 255, 255]], 2, 2, 'RGBA')).toEqual([[235, 128, 128]]);
  });
  it('any colour is within rounding of the exact conversion', () => {
    const channel = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(channel, channel, channel), (c) => {
        const [got] = convert([c], 2, 2, 'BGRA');
        const want = limitedYcbcr(c);
        for (let i = 0; i < 3; i++) expect(Math.abs(got![i]! - want[i]!)).toBeLessThanOrEqual(0.51);
      }),
    );
  });
  it('chroma is the average of each 2×2 block', () => {
    const w = 2;
    const rgb = new Uint8Array([255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 255]);
    const out = new Uint8Array(6);
    rgbToI420(rgb, w, 2, channelOrder('RGBX')!, out);
    const [, cb, cr] = limitedYcbcr([127.5, 0, 127.5]);
    expect(Math.abs(out[4]! - cb)).toBeLessThanOrEqual(0.51);
    expect(Math.abs(out[5]! - cr)).toBeLessThanOrEqual(0.51);
  });
  it('refuses odd sizes and knows which frame formats are packed RGB', () => {
    expect(() => rgbToI420(new Uint8Array(12), 3, 1, channelOrder('RGBA')!, new Uint8Array(4))).toThrow(/even size/);
    expect(channelOrder('I420')).toBeUndefined();
    expect(channelOrder('BGRX')).toEqual(channelOrder('BGRA'));
  });
});
