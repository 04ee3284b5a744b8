/**
 * The output canvas as I420 in the output colour (domain/edit/output.ts: BT.709 limited range),
 * converted here rather than by the encoder: Chromium builds differ in the matrix and range they
 * use for RGB frames (BT.601 limited in one build, BT.709 full range in the next), while a YUV
 * frame with an explicit colour space is encoded and tagged as given.
 */
import { VideoSample } from 'mediabunny';
import { OUTPUT_COLOR, OUTPUT_LUMA } from '../../domain/edit/output';

/** OUTPUT_COLOR as WebCodecs names it. */
export const OUTPUT_FRAME_COLOR: VideoColorSpaceInit = {
  matrix: OUTPUT_COLOR.matrix,
  primaries: OUTPUT_COLOR.primaries,
  transfer: OUTPUT_COLOR.transfer,
  fullRange: OUTPUT_COLOR.range !== 'tv',
};

/** Where R and B sit in a little-endian 32-bit pixel (G is always bits 8–15). */
export interface ChannelOrder {
  rShift: number;
  bShift: number;
}
const RGBA: ChannelOrder = { rShift: 0, bShift: 16 };
const BGRA: ChannelOrder = { rShift: 16, bShift: 0 };

/** The channel order of a packed RGB VideoFrame format, or undefined for YUV and other formats. */
export function channelOrder(format: string | null): ChannelOrder | undefined {
  if (format === 'RGBA' || format === 'RGBX') return RGBA;
  if (format === 'BGRA' || format === 'BGRX') return BGRA;
  return undefined;
}

const ONE = 1 << 16;
/** 16.16 fixed-point rows of the RGB → limited-range Y′CbCr matrix; each row's sum is exact (greys stay grey). */
function fixedMatrix({ kr, kb } = OUTPUT_LUMA) {
  const yScale = (219 / 255) * ONE;
  const cScale = (224 / 255) * ONE;
  const yr = Math.round(kr * yScale);
  const yb = Math.round(kb * yScale);
  const ur = Math.round((-kr / (2 * (1 - kb))) * cScale);
  const ub = Math.round(0.5 * cScale);
  const vr = ub;
  const vb = Math.round((-kb / (2 * (1 - kr))) * cScale);
  return { yr, yg: Math.round(yScale) - yr - yb, yb, ur, ug: -ur - ub, ub, vr, vg: -vr - vb, vb };
}
const M = fixedMatrix();
const Y_OFFSET = (16 << 16) + (1 << 15);
/** Chroma comes from the sum of a 2×2 block (4×), so two more bits of shift. */
const C_OFFSET = (128 << 18) + (1 << 17);

/**
 * Packed 8-bit RGB(A/X) pixels (`width`×`height`, tightly packed, little-endian words) to I420
 * in `out` (Y plane, then Cb, then Cr; chroma from each 2×2 block's average). Sizes must be even.
 */
export function rgbToI420(rgb: Uint8Array | Uint8ClampedArray, width: number, height: number, order: ChannelOrder, out: Uint8Array): void {
  if (width % 2 || height % 2) throw new Error(`I420 needs an even size, not ${width}×${height}`);
  const px = new Uint32Array(rgb.buffer, rgb.byteOffset, width * height);
  const { rShift, bShift } = order;
  const { yr, yg, yb, ur, ug, ub, vr, vg, vb } = M;
  const uBase = width * height;
  const vBase = uBase + (width * height) / 4;
  const half = width >> 1;
  for (let y = 0; y < height; y += 2) {
    const row0 = y * width;
    const row1 = row0 + width;
    const cRow = (y >> 1) * half;
    for (let x = 0; x < width; x += 2) {
      const a = px[row0 + x] as number;
      const b = px[row0 + x + 1] as number;
      const c = px[row1 + x] as number;
      const d = px[row1 + x + 1] as number;
      const ar = (a >>> rShift) & 255;
      const ag = (a >>> 8) & 255;
      const ab = (a >>> bShift) & 255;
      const br = (b >>> rShift) & 255;
      const bg = (b >>> 8) & 255;
      const bb = (b >>> bShift) & 255;
      const cr = (c >>> rShift) & 255;
      const cg = (c >>> 8) & 255;
      const cb = (c >>> bShift) & 255;
      const dr = (d >>> rShift) & 255;
      const dg = (d >>> 8) & 255;
      const db = (d >>> bShift) & 255;
      out[row0 + x] = (yr * ar + yg * ag + yb * ab + Y_OFFSET) >> 16;
      out[row0 + x + 1] = (yr * br + yg * bg + yb * bb + Y_OFFSET) >> 16;
      out[row1 + x] = (yr * cr + yg * cg + yb * cb + Y_OFFSET) >> 16;
      out[row1 + x + 1] = (yr * dr + yg * dg + yb * db + Y_OFFSET) >> 16;
      const sr = ar + br + cr + dr;
      const sg = ag + bg + cg + dg;
      const sb = ab + bb + cb + db;
      const i = cRow + (x >> 1);
      out[uBase + i] = (ur * sr + ug * sg + ub * sb + C_OFFSET) >> 18;
      out[vBase + i] = (vr * sr + vg * sg + vb * sb + C_OFFSET) >> 18;
    }
  }
}

/** Reads an output canvas into encoder-ready I420 samples, reusing its buffers frame to frame. */
export class CanvasToI420 {
  readonly #ctx: OffscreenCanvasRenderingContext2D;
  readonly #rgb: Uint8Array;
  readonly #yuv: Uint8Array;

  constructor(ctx: OffscreenCanvasRenderingContext2D) {
    const { width, height } = ctx.canvas;
    this.#ctx = ctx;
    this.#rgb = new Uint8Array(width * height * 4);
    this.#yuv = new Uint8Array((width * height * 3) / 2);
  }

  /** The canvas as it is now, as a sample at `timestamp` (seconds) lasting `duration`. */
  async sample(timestamp: number, duration: number): Promise<VideoSample> {
    const { width, height } = this.#ctx.canvas;
    const order = await this.#readPixels();
    rgbToI420(this.#rgb, width, height, order, this.#yuv);
    // The VideoFrame copies the buffer, so it can be reused for the next frame.
    const frame = new VideoFrame(this.#yuv, {
      format: 'I420',
      codedWidth: width,
      codedHeight: height,
      timestamp: Math.round(timestamp * 1e6),
      duration: Math.round(duration * 1e6),
      colorSpace: OUTPUT_FRAME_COLOR,
    });
    return new VideoSample(frame);
  }

  /**
   * A VideoFrame of the canvas copied in its own pixel format: no conversion, and it keeps a
   * GPU canvas on the GPU until here. A browser whose canvas frames are not packed RGB gets
   * getImageData (always RGBA).
   */
  async #readPixels(): Promise<ChannelOrder> {
    const frame = new VideoFrame(this.#ctx.canvas, { timestamp: 0 });
    try {
      const order = channelOrder(frame.format);
      if (order && frame.allocationSize() === this.#rgb.byteLength) {
        await frame.copyTo(this.#rgb);
        return order;
      }
    } finally {
      frame.close();
    }
    const { width, height } = this.#ctx.canvas;
    this.#rgb.set(this.#ctx.getImageData(0, 0, width, height).data);
    return RGBA;
  }
}
