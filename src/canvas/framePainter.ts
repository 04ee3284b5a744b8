/**
 * Draws one reframed source frame onto the output canvas: the same geometry the ffmpeg graph
 * uses (domain/edit/reframe.ts), for the WebCodecs engine, the editor's canvas and its live
 * preview alike. Each decoded frame is drawn once; the blurred background is
 * derived from what was drawn (a 1/8-size copy, blurred small, upscaled into the bands the
 * foreground leaves), which measured ~4× cheaper than a full-size canvas blur.
 */
import type { ReframeGeometry } from '../domain/edit/reframe';
import type { Rect } from '../domain/edit/rect';
import type { Context2D } from './overlayLayer';

/**
 * Below this scale a smoothed drawImage builds mipmaps of the whole frame each time: a 1280×720
 * frame fitted into a 360-px preview took 24–27 ms in software Chromium, against 14–16 ms in two
 * steps (to twice the size, then halved). Between a quarter and a half, the painter takes two steps.
 */
const ONE_STEP_MIN_SCALE = 0.5;

/** What the painter needs from a decoded frame (mediabunny's VideoSample fits). */
export interface DrawableFrame {
  readonly displayWidth: number;
  readonly displayHeight: number;
  /** Source rect in display (rotated) pixels → destination rect; rotation is the frame's business. */
  draw(ctx: Context2D, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
}

export class FramePainter {
  readonly #ctx: Context2D;
  readonly #g: ReframeGeometry;
  #small: OffscreenCanvasRenderingContext2D | undefined;
  #blurred: OffscreenCanvasRenderingContext2D | undefined;
  /** Edge copy around the low-res picture (2σ), so the blur does not darken the frame's borders. */
  #pad = 0;
  /** The video at twice its drawn size, for a downscale in two steps (ONE_STEP_MIN_SCALE). */
  #mid: OffscreenCanvasRenderingContext2D | undefined;

  constructor(ctx: Context2D, geometry: ReframeGeometry) {
    this.#ctx = ctx;
    this.#g = geometry;
    const bg = geometry.background;
    if (geometry.layout === 'fit-blur' && bg) {
      // blurSigma is in output pixels; the blur runs at low resolution.
      const sigma = (bg.blurSigma * bg.lowRes.width) / geometry.output.width;
      this.#pad = Math.ceil(2 * sigma);
      const w = bg.lowRes.width + 2 * this.#pad;
      const h = bg.lowRes.height + 2 * this.#pad;
      this.#small = context2d(new OffscreenCanvas(w, h));
      this.#blurred = context2d(new OffscreenCanvas(w, h));
      this.#blurred.filter = `blur(${sigma.toFixed(2)}px)`;
    }
  }

  /** The first step's canvas, when drawing `sw` source px into the video's width needs two steps. */
  #twoStep(sw: number): OffscreenCanvasRenderingContext2D | undefined {
    const v = this.#g.video;
    const scale = v.width / sw;
    if (scale >= ONE_STEP_MIN_SCALE || scale < ONE_STEP_MIN_SCALE / 2) return undefined;
    const w = Math.round(v.width * 2);
    const h = Math.round(v.height * 2);
    if (this.#mid?.canvas.width !== w || this.#mid.canvas.height !== h) this.#mid = context2d(new OffscreenCanvas(w, h));
    return this.#mid;
  }

  /** `crop`: this frame's window of the source, where the crop moves during the clip (a cover crop only). */
  paint(frame: DrawableFrame, crop: Rect = this.#g.crop): void {
    const g = this.#g;
    const ctx = this.#ctx;
    // Geometry is in probed display pixels; the decoder's display size can differ (anamorphic).
    const kx = frame.displayWidth / g.source.width;
    const ky = frame.displayHeight / g.source.height;
    const src = (r: Rect): [number, number, number, number] => [r.x * kx, r.y * ky, r.width * kx, r.height * ky];
    const { width: W, height: H } = g.output;
    const v = g.video;
    if (g.layout === 'fit-pad') {
      // Only the bands around the video need clearing; the video covers the rest (and the
      // blurred background overwrites the bands in 'fit-blur').
      ctx.fillStyle = '#000';
      for (const band of bands(v, W, H)) ctx.fillRect(band.x, band.y, band.width, band.height);
    }
    const window = src(crop);
    const mid = this.#twoStep(window[2]);
    if (mid) {
      const { width: mw, height: mh } = mid.canvas;
      frame.draw(mid, ...window, 0, 0, mw, mh);
      ctx.drawImage(mid.canvas, 0, 0, mw, mh, v.x, v.y, v.width, v.height);
    } else frame.draw(ctx, ...window, v.x, v.y, v.width, v.height);
    if (g.layout === 'fit-blur') this.#background();
  }

  #background(): void {
    const g = this.#g;
    const bg = g.background;
    const small = this.#small;
    const blurred = this.#blurred;
    if (!bg || !small || !blurred) return;
    // The background's crop of the source, located inside the foreground just drawn.
    const s = g.video.width / g.crop.width;
    const region = { x: g.video.x + (bg.crop.x - g.crop.x) * s, y: g.video.y + (bg.crop.y - g.crop.y) * s, w: bg.crop.width * s, h: bg.crop.height * s };
    const { width: lw, height: lh } = bg.lowRes;
    const c = this.#ctx.canvas;
    const pad = this.#pad;
    // One read of the output canvas; then its edge rows and columns are stretched into the
    // padding (an edge clamp, as ffmpeg's boxblur does), so the blur sees no black border.
    small.drawImage(c, region.x, region.y, region.w, region.h, pad, pad, lw, lh);
    const sc = small.canvas;
    small.drawImage(sc, pad, pad, lw, 1, pad, 0, lw, pad);
    small.drawImage(sc, pad, pad + lh - 1, lw, 1, pad, pad + lh, lw, pad);
    small.drawImage(sc, pad, 0, 1, sc.height, 0, 0, pad, sc.height);
    small.drawImage(sc, pad + lw - 1, 0, 1, sc.height, pad + lw, 0, pad, sc.height);
    blurred.drawImage(small.canvas, 0, 0);
    const { width: W, height: H } = g.output;
    const kx = lw / W;
    const ky = lh / H;
    for (const b of bands(g.video, W, H)) {
      this.#ctx.drawImage(blurred.canvas, pad + b.x * kx, pad + b.y * ky, b.width * kx, b.height * ky, b.x, b.y, b.width, b.height);
    }
  }
}

/** The parts of a W×H frame outside `v` (top, bottom, left, right), empty ones left out. */
export function bands(v: Rect, W: number, H: number): Rect[] {
  return [
    { x: 0, y: 0, width: W, height: v.y },
    { x: 0, y: v.y + v.height, width: W, height: H - v.y - v.height },
    { x: 0, y: v.y, width: v.x, height: v.height },
    { x: v.x + v.width, y: v.y, width: W - v.x - v.width, height: v.height },
  ].filter((r) => r.width > 0 && r.height > 0);
}

export function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('No 2D canvas in this worker.');
  return ctx;
}

/** A playing or seeked <video> as a frame to paint: the browser has already applied its rotation. */
export function elementFrame(video: HTMLVideoElement): DrawableFrame {
  return {
    displayWidth: video.videoWidth,
    displayHeight: video.videoHeight,
    draw: (ctx, sx, sy, sw, sh, dx, dy, dw, dh) => ctx.drawImage(video, sx, sy, sw, sh, dx, dy, dw, dh),
  };
}
