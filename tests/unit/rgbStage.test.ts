import { describe, expect, it } from 'vitest';
import { honoursRgba } from '../../src/media/webcodecs/rgbStage';

/** A frame whose allocationSize answers as a browser does: RGBA's 4 bytes a pixel, or the I420 planes when the format is ignored. */
const frame = (ignoresFormat: boolean) => ({
  allocationSize: (options?: VideoFrameCopyToOptions) => {
    const { width, height } = options!.rect as { width: number; height: number };
    return ignoresFormat || options?.format !== 'RGBA' ? (width * height * 3) / 2 : width * height * 4;
  },
});

describe('honoursRgba', () => {
  const rect = { x: 0, y: 0, width: 64, height: 48 };
  it('trusts a browser whose RGBA copy is 4 bytes a pixel (Chromium)', () => {
    expect(honoursRgba(frame(false), rect)).toBe(true);
  });
  it('catches a browser that would copy the YUV planes instead (WebKit 2.50: 4608 bytes for 64×48, not 12288)', () => {
    expect(frame(true).allocationSize({ format: 'RGBA', rect })).toBe(4608);
    expect(honoursRgba(frame(true), rect)).toBe(false);
  });
});
