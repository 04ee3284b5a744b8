/**
 * The picture half of reading a file back (domain/media/pictureCheck.ts): thumbnails of the
 * output's video area and of the source frames it came from, drawn by the browser's own decoder
 * and canvas (not the render's pixel path, so a fault there can't hide itself), and their
 * difference where no overlay sits.
 */
import { ALL_FORMATS, BlobSource, Input, type VideoSample, VideoSampleSink } from 'mediabunny';
import type { Rect } from '../../domain/edit/rect';
import { type PictureCheck, pictureDifference, thumbMask, thumbOf } from '../../domain/media/pictureCheck';

export interface PictureRequest {
  /** The recording the file was made from. */
  source: Blob;
  check: PictureCheck;
  /** Test hook: the output's thumbnails are inverted, as a wrong picture would be. */
  invertForTest?: boolean;
}

type Diffs = Array<{ outputTime: number; diff: number }>;

/**
 * Each probe's moment and difference (0–255); empty when either file can't be decoded or drawn
 * here: a browser that can't draw a decoded frame in a worker says nothing about the file.
 */
export function pictureDiffs(file: Blob, req: PictureRequest): Promise<Diffs> {
  return compare(file, req).catch((e: unknown) => {
    console.warn('The picture check could not run here:', e);
    return [];
  });
}

async function compare(file: Blob, req: PictureRequest): Promise<Diffs> {
  const output = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  const source = new Input({ source: new BlobSource(req.source), formats: ALL_FORMATS });
  try {
    const [outTrack, srcTrack] = await Promise.all([output.getPrimaryVideoTrack(), source.getPrimaryVideoTrack()]);
    if (!outTrack || !srcTrack || !(await outTrack.canDecode()) || !(await srcTrack.canDecode())) return [];
    const outSink = new VideoSampleSink(outTrack);
    const srcSink = new VideoSampleSink(srcTrack);
    const outFirst = await outTrack.getFirstTimestamp();
    const { check } = req;
    const whole = (w: number, h: number): Rect => ({ x: 0, y: 0, width: w, height: h });
    const video = check.frame?.video ?? whole(outTrack.displayWidth, outTrack.displayHeight);
    const crop = check.frame?.crop ?? whole(srcTrack.displayWidth, srcTrack.displayHeight);
    const thumb = thumbOf(video);
    const thumbnails = new Thumbnailer(thumb.width, thumb.height);
    const diffs: Diffs = [];
    for (const probe of check.probes) {
      const [out, src] = await Promise.all([outSink.getSample(outFirst + probe.outputTime), srcSink.getSample(probe.sourceTime)]);
      if (!out || !src) {
        out?.close();
        src?.close();
        continue;
      }
      const a = thumbnails.draw(out, video);
      const b = thumbnails.draw(src, probe.crop ?? crop);
      if (req.invertForTest) for (let k = 0; k < a.length; k += 4) a[k] = a[k + 1] = a[k + 2] = 255 - a[k]!;
      diffs.push({ outputTime: probe.outputTime, diff: pictureDifference(a, b, thumbMask(video, probe.masks)) });
    }
    return diffs;
  } finally {
    output.dispose();
    source.dispose();
  }
}

/** Drawn this many times larger first, then halved twice: a smooth thumbnail, not every n-th pixel. */
const OVERSIZE = 4;

/** A 2D context on a new canvas of this size, smoothing at its best. */
function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas in this worker');
  ctx.imageSmoothingQuality = 'high';
  return ctx;
}

/**
 * Draws `rect` of a sample (display pixels, rotation applied) at a thumbnail's size, as RGBA.
 * The whole frame is drawn, moved and scaled so `rect` fills the canvas: WebKit draws a
 * VideoFrame's sub-rectangle wrong, and only canvases are drawn from a source rectangle.
 */
class Thumbnailer {
  readonly #big: OffscreenCanvasRenderingContext2D;
  readonly #half: OffscreenCanvasRenderingContext2D;
  readonly #thumb: OffscreenCanvasRenderingContext2D;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.#big = context(width * OVERSIZE, height * OVERSIZE);
    this.#half = context((width * OVERSIZE) / 2, (height * OVERSIZE) / 2);
    this.#thumb = context(width, height);
  }

  /** The sample is closed. */
  draw(sample: VideoSample, rect: Rect): Uint8ClampedArray {
    const big = this.#big;
    const sx = big.canvas.width / rect.width;
    const sy = big.canvas.height / rect.height;
    try {
      big.clearRect(0, 0, big.canvas.width, big.canvas.height);
      sample.draw(big, -rect.x * sx, -rect.y * sy, sample.displayWidth * sx, sample.displayHeight * sy);
    } finally {
      sample.close();
    }
    this.#half.drawImage(big.canvas, 0, 0, this.#half.canvas.width, this.#half.canvas.height);
    this.#thumb.drawImage(this.#half.canvas, 0, 0, this.width, this.height);
    return this.#thumb.getImageData(0, 0, this.width, this.height).data;
  }
}
