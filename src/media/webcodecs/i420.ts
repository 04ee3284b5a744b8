/**
 * The output canvas as I420 in the output colour (domain/edit/output.ts: BT.709 limited range),
 * converted here rather than by the encoder: Chromium builds differ in the matrix and range they
 * use for RGB frames (BT.601 limited in one build, BT.709 full range in the next), while a YUV
 * frame with an explicit colour space is encoded and tagged as given.
 */
import { VideoSample } from 'mediabunny';
import { OUTPUT_COLOR, OUTPUT_LUMA } from '../../domain/edit/output';
import { I420_WASM } from './i420Wasm';

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

interface SimdKernel {
  memory: WebAssembly.Memory;
  rgbToI420(rgb: number, width: number, height: number, rShift: number, bShift: number, out: number, ...matrixAndOffsets: number[]): void;
}

let kernel: SimdKernel | null | undefined;

/**
 * rgbToI420 as a 128-bit SIMD wasm kernel (i420.wat: four pixels of two rows at a time, the same
 * arithmetic, the same bytes): 3-4× faster, and the conversion is the render's largest stage.
 * Null where this browser's WebAssembly has no SIMD: the JavaScript loop then.
 */
export function simdKernel(): SimdKernel | null {
  if (kernel !== undefined) return kernel;
  const bytes = Uint8Array.from(atob(I420_WASM), (c) => c.charCodeAt(0));
  kernel = WebAssembly.validate(bytes) ? (new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as SimdKernel) : null;
  return kernel;
}

/**
 * Packed RGB to I420 like rgbToI420, with the SIMD kernel: `rgb` and `out` must be views of its
 * memory (rgbAndYuvIn). Widths must be a multiple of 4.
 */
export function rgbToI420Simd(k: SimdKernel, rgb: Uint8Array, width: number, height: number, order: ChannelOrder, out: Uint8Array): void {
  const { yr, yg, yb, ur, ug, ub, vr, vg, vb } = M;
  k.rgbToI420(rgb.byteOffset, width, height, order.rShift, order.bShift, out.byteOffset, yr, yg, yb, ur, ug, ub, vr, vg, vb, Y_OFFSET, C_OFFSET);
}

/** Views of the kernel's memory for a `width`×`height` frame's RGB and I420 (grown to fit). */
export function rgbAndYuvIn(k: SimdKernel, width: number, height: number): { rgb: Uint8Array; yuv: Uint8Array } {
  const rgbBytes = width * height * 4;
  const need = rgbBytes + (width * height * 3) / 2;
  const pages = Math.ceil(need / 65536) - k.memory.buffer.byteLength / 65536;
  if (pages > 0) k.memory.grow(pages);
  return { rgb: new Uint8Array(k.memory.buffer, 0, rgbBytes), yuv: new Uint8Array(k.memory.buffer, rgbBytes, need - rgbBytes) };
}

/** Reads an output canvas into encoder-ready I420 samples, reusing its buffers frame to frame. */
export class CanvasToI420 {
  readonly #ctx: OffscreenCanvasRenderingContext2D;
  readonly #simd: SimdKernel | null;
  #rgb: Uint8Array;
  #yuv: Uint8Array;

  constructor(ctx: OffscreenCanvasRenderingContext2D) {
    const { width, height } = ctx.canvas;
    this.#ctx = ctx;
    this.#simd = width % 4 === 0 ? simdKernel() : null;
    // With the kernel, both live in its memory (taken each frame).
    this.#rgb = new Uint8Array(this.#simd ? 0 : width * height * 4);
    this.#yuv = new Uint8Array(this.#simd ? 0 : (width * height * 3) / 2);
  }

  /** The canvas as it is now, as a sample at `timestamp` (seconds) lasting `duration`. */
  async sample(timestamp: number, duration: number): Promise<VideoSample> {
    const { width, height } = this.#ctx.canvas;
    // The kernel's memory is shared by the worker's converters: views taken afresh each frame.
    if (this.#simd) ({ rgb: this.#rgb, yuv: this.#yuv } = rgbAndYuvIn(this.#simd, width, height));
    const order = await this.#readPixels();
    if (this.#simd) rgbToI420Simd(this.#simd, this.#rgb, width, height, order, this.#yuv);
    else rgbToI420(this.#rgb, width, height, order, this.#yuv);
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
