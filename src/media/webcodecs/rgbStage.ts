/**
 * Decoded frames to RGB through `VideoFrame.copyTo({ format: 'RGBA' })` (libyuv) into a canvas
 * the size of the coded frame, then drawn like any canvas. On these machines that was ~15 %
 * cheaper per frame than drawing the VideoFrame itself (Skia's YUV path, software raster).
 * HDR frames, and browsers without RGB copyTo, keep the direct draw: the browser tone-maps there.
 * Two slots, so the next frame's copy (which runs off this thread) can overlap drawing this one.
 */
import type { VideoSample } from 'mediabunny';
import type { DrawableFrame } from '../../canvas/framePainter';

const HDR_TRANSFERS = new Set(['pq', 'hlg']);

type Rect = { x: number; y: number; width: number; height: number };

/**
 * Whether `copyTo({ format: 'RGBA' })` will give RGBA. WebKit (2.50, and the same code in Safari)
 * ignores the format and copies the YUV planes without an error, which made every fast short
 * garbled; its `allocationSize` for RGBA gives the YUV size, so asking costs nothing.
 */
export function honoursRgba(frame: Pick<VideoFrame, 'allocationSize'>, rect: Rect): boolean {
  return frame.allocationSize({ format: 'RGBA', rect }) === rect.width * rect.height * 4;
}

interface Slot {
  ctx: OffscreenCanvasRenderingContext2D;
  pixels: ImageData;
}

export class RgbStage {
  readonly #slots: Array<Slot | undefined> = [undefined, undefined];
  /** The last copy into each slot: the next one waits for it, so two never write one buffer. */
  readonly #busy: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve()];
  #turn = 0;
  #usable = typeof ImageData !== 'undefined';

  /**
   * The frame, ready to draw: valid while the sample is open and until two more frames are
   * staged (the copy works on its own clone of the frame).
   */
  stage(sample: VideoSample): Promise<DrawableFrame> {
    if (!this.#usable || HDR_TRANSFERS.has(sample.colorSpace.transfer ?? '')) return Promise.resolve(sample);
    const index = this.#turn++ % this.#slots.length;
    const frame = sample.toVideoFrame();
    const done = (this.#busy[index] ?? Promise.resolve()).then(() => this.#copy(index, frame, sample));
    this.#busy[index] = done.catch(() => undefined);
    return done;
  }

  async #copy(index: number, frame: VideoFrame, sample: VideoSample): Promise<DrawableFrame> {
    let slot: Slot;
    try {
      const { codedWidth: w, codedHeight: h } = frame;
      const rect = frame.visibleRect ?? { x: 0, y: 0, width: w, height: h };
      if (!honoursRgba(frame, rect)) throw new Error('this browser copies YUV for RGBA');
      slot = this.#slot(index, rect.width, rect.height);
      await frame.copyTo(slot.pixels.data, { format: 'RGBA', colorSpace: 'srgb', rect });
      slot.ctx.putImageData(slot.pixels, 0, 0);
    } catch {
      // RGB copyTo is recent (Chromium 117+) and WebKit ignores its format: without it, draw the frames directly from now on.
      this.#usable = false;
      return sample;
    } finally {
      frame.close();
    }
    return rotated(slot.ctx.canvas, sample.rotation, sample.displayWidth, sample.displayHeight);
  }

  #slot(index: number, width: number, height: number): Slot {
    const have = this.#slots[index];
    if (have && have.ctx.canvas.width === width && have.ctx.canvas.height === height) return have;
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { alpha: false });
    if (!ctx) throw new Error('no staging canvas');
    const slot = { ctx, pixels: new ImageData(width, height) };
    this.#slots[index] = slot;
    return slot;
  }
}

/**
 * A coded-orientation canvas seen in display orientation: `draw` takes a source rect in display
 * pixels (as mediabunny's VideoSample.draw does) and applies the rotation.
 */
function rotated(canvas: OffscreenCanvas, rotation: number, displayWidth: number, displayHeight: number): DrawableFrame {
  return {
    displayWidth,
    displayHeight,
    draw(ctx, sx, sy, sw, sh, dx, dy, dw, dh) {
      // Display size can differ from the canvas by the pixel aspect ratio, not only by rotation.
      const quarter = rotation % 180 !== 0;
      const cw = quarter ? canvas.height : canvas.width;
      const ch = quarter ? canvas.width : canvas.height;
      const ax = cw / displayWidth;
      const ay = ch / displayHeight;
      if (rotation === 0) {
        ctx.drawImage(canvas, sx * ax, sy * ay, sw * ax, sh * ay, dx, dy, dw, dh);
        return;
      }
      ctx.save();
      ctx.beginPath();
      ctx.rect(dx, dy, dw, dh);
      ctx.clip();
      // Display-pixel space (scaled to the canvas's pixels) → the destination rect…
      ctx.translate(dx - (sx * ax * dw) / (sw * ax), dy - (sy * ay * dh) / (sh * ay));
      ctx.scale(dw / (sw * ax), dh / (sh * ay));
      // …and the coded picture rotated clockwise into that space.
      if (rotation === 90) ctx.translate(cw, 0);
      else if (rotation === 180) ctx.translate(cw, ch);
      else ctx.translate(0, ch);
      ctx.rotate((rotation * Math.PI) / 180);
      ctx.drawImage(canvas, 0, 0);
      ctx.restore();
    },
  };
}
