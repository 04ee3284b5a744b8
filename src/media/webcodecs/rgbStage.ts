/**
 * Decoded frames to RGB through `VideoFrame.copyTo({ format: 'RGBA' })` (libyuv) into a canvas
 * the size of the coded frame, then drawn like any canvas. On these machines that was ~15 %
 * cheaper per frame than drawing the VideoFrame itself (Skia's YUV path, software raster).
 * HDR frames, and browsers without RGB copyTo, keep the direct draw: the browser tone-maps there.
 */
import type { VideoSample } from 'mediabunny';
import type { DrawableFrame } from './draw';

const HDR_TRANSFERS = new Set(['pq', 'hlg']);

export class RgbStage {
  #ctx: OffscreenCanvasRenderingContext2D | undefined;
  #pixels: ImageData | undefined;
  #usable = typeof ImageData !== 'undefined';

  /** The frame, ready to draw; `release` when done with it (before the sample is closed). */
  async stage(sample: VideoSample): Promise<DrawableFrame> {
    if (!this.#usable || HDR_TRANSFERS.has(sample.colorSpace.transfer ?? '')) return sample;
    const frame = sample.toVideoFrame();
    try {
      const { codedWidth: w, codedHeight: h } = frame;
      const rect = frame.visibleRect ?? { x: 0, y: 0, width: w, height: h };
      if (!this.#ctx || this.#ctx.canvas.width !== rect.width || this.#ctx.canvas.height !== rect.height) {
        const canvas = new OffscreenCanvas(rect.width, rect.height);
        this.#ctx = canvas.getContext('2d', { alpha: false }) ?? undefined;
        this.#pixels = new ImageData(rect.width, rect.height);
      }
      if (!this.#ctx || !this.#pixels) throw new Error('no staging canvas');
      await frame.copyTo(this.#pixels.data, { format: 'RGBA', colorSpace: 'srgb', rect });
      this.#ctx.putImageData(this.#pixels, 0, 0);
    } catch {
      // RGB copyTo is recent (Chromium 117+); without it, draw the frames directly from now on.
      this.#usable = false;
      return sample;
    } finally {
      frame.close();
    }
    return rotated(this.#ctx.canvas, sample.rotation, sample.displayWidth, sample.displayHeight);
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
