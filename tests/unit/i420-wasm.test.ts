// The SIMD wasm RGB → I420 kernel gives the JavaScript loop's bytes, and i420Wasm.ts is what
// scripts/build-i420-wasm.mjs makes of i420.wat today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileI420, i420Module } from '../../scripts/build-i420-wasm.mjs';
import { channelOrder, rgbAndYuvIn, rgbToI420, rgbToI420Simd, simdKernel } from '../../src/media/webcodecs/i420';

describe('the SIMD I420 kernel', () => {
  it('is built from i420.wat as it is now', async () => {
    const generated = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'media', 'webcodecs', 'i420Wasm.ts'), 'utf8');
    expect(generated).toBe(i420Module(await compileI420()));
  });

  it.each([
    [8, 2],
    [12, 6],
    [720, 1280],
    [1080, 1920],
  ])('gives the JavaScript loop’s bytes, RGBA and BGRA, at %i×%i', (width, height) => {
    const k = simdKernel();
    expect(k).not.toBeNull();
    if (!k) return;
    let seed = width * 31 + height;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    };
    for (const format of ['RGBA', 'BGRA']) {
      const order = channelOrder(format)!;
      const { rgb, yuv } = rgbAndYuvIn(k, width, height);
      for (let i = 0; i < rgb.length; i++) rgb[i] = random();
      // Extremes too: white, black, pure primaries.
      rgb.set([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 255], 0);
      const want = new Uint8Array(yuv.length);
      rgbToI420(rgb, width, height, order, want);
      rgbToI420Simd(k, rgb, width, height, order, yuv);
      expect(Buffer.compare(Buffer.from(yuv), Buffer.from(want))).toBe(0);
    }
  });
});
