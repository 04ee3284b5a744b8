import { type Rect, type Size, even, evenFloor } from './rect';

export type ReframeMode = 'crop' | 'blur';
export type ReframeLayout = 'cover' | 'fit-blur' | 'fit-pad';

/** What the reframe needs to know about the recording (a subset of RecordingMeta). */
export interface ReframeSource {
  width: number;
  height: number;
  /** Degrees clockwise. ffmpeg autorotates on decode, so 90/270 swap width and height. */
  rotation: number;
}

/**
 * A source whose aspect ratio is within this fraction of the output's counts as "already vertical":
 * it is covered (losing at most this fraction of one side) rather than blurred or padded.
 */
export const PORTRAIT_TOLERANCE = 0.04;

/** The blurred background is blurred at 1/BLUR_DOWNSCALE of the output size, then scaled up. */
export const BLUR_DOWNSCALE = 8;
/** Box-blur passes at low resolution (2 box passes ≈ a Gaussian); blurSigma is their equivalent. */
export const BLUR_POWER = 2;

export interface BlurBackground {
  /** The part of the source stretched under the video (its cover crop), source pixels. */
  crop: Rect;
  /** Size the background is blurred at. */
  lowRes: Size;
  /** boxblur radius at `lowRes`. */
  radius: number;
  /** Equivalent Gaussian standard deviation in output pixels (for a canvas `blur()` filter). */
  blurSigma: number;
}

export interface ReframeGeometry {
  output: Size;
  layout: ReframeLayout;
  /** Source size as displayed, after rotation. */
  source: Size;
  /** The part of the (rotated) source that is shown, in source pixels. */
  crop: Rect;
  /** Where that part lands in the output frame, in output pixels. */
  video: Rect;
  /** Only for 'fit-blur'. */
  background?: BlurBackground;
}

export const normalizeRotation = (deg: number): number => (((Math.round(deg / 90) * 90) % 360) + 360) % 360;

/** The size frames have after ffmpeg's autorotation. */
export function displaySize(src: ReframeSource): Size {
  const quarter = normalizeRotation(src.rotation) % 180 === 90;
  return quarter ? { width: src.height, height: src.width } : { width: src.width, height: src.height };
}

/** At least this wide for its height (16:9, with room for 1366×768 and the like): a recording whose clips follow the host by default. */
const WIDE_ASPECT = 1.7;

/** Whether "Follow the host" is the default for this recording's clips where a face is found (issue 23): 16:9 or wider. */
export function followsHostByDefault(src: ReframeSource): boolean {
  const { width, height } = displaySize(src);
  return width >= height * WIDE_ASPECT;
}

/** Crop window position across the source: 0 left edge, ½ centred, 1 right edge. */
export const CENTRED = 0.5;

export const clampCropX = (x: number | undefined): number => (x === undefined || !Number.isFinite(x) ? CENTRED : Math.min(1, Math.max(0, x)));

/**
 * The part of a `src`-sized picture with the aspect ratio of `out`: across a wider picture at
 * `cropX` (0 left … 1 right), down a taller one centred.
 */
export function coverCrop(src: Size, out: Size, cropX = CENTRED): Rect {
  if (src.width * out.height > src.height * out.width) {
    const width = Math.min(src.width, even((src.height * out.width) / out.height));
    return { x: evenFloor((src.width - width) * clampCropX(cropX)), y: 0, width, height: src.height };
  }
  const height = Math.min(src.height, even((src.width * out.height) / out.width));
  return { x: 0, y: evenFloor((src.height - height) / 2), width: src.width, height };
}

/** The largest box with the aspect ratio of `src` inside `out`, centred. */
export function fitRect(src: Size, out: Size): Rect {
  let width: number;
  let height: number;
  if (src.width * out.height >= src.height * out.width) {
    width = out.width;
    height = Math.min(out.height, even((out.width * src.height) / src.width));
  } else {
    height = out.height;
    width = Math.min(out.width, even((out.height * src.width) / src.height));
  }
  return { x: evenFloor((out.width - width) / 2), y: evenFloor((out.height - height) / 2), width, height };
}

/** `cropX` places the crop window of the cover layout (the blurred background stays centred). */
export function reframeGeometry(src: ReframeSource, out: Size, mode: ReframeMode, cropX = CENTRED): ReframeGeometry {
  if (!(src.width > 0 && src.height > 0)) throw new RangeError(`bad source size ${src.width}x${src.height}`);
  if (!(out.width > 0 && out.height > 0)) throw new RangeError(`bad output size ${out.width}x${out.height}`);
  const source = displaySize(src);
  const output = { width: out.width, height: out.height };
  const full: Rect = { x: 0, y: 0, ...output };
  const whole: Rect = { x: 0, y: 0, ...source };
  const srcAspect = source.width / source.height;
  const outAspect = output.width / output.height;

  const cover = (): ReframeGeometry => ({ output, layout: 'cover', source, crop: coverCrop(source, output, cropX), video: full });
  if (srcAspect <= outAspect * (1 + PORTRAIT_TOLERANCE)) {
    if (srcAspect >= outAspect * (1 - PORTRAIT_TOLERANCE)) return cover();
    return { output, layout: 'fit-pad', source, crop: whole, video: fitRect(source, output) };
  }
  if (mode === 'crop') return cover();

  const lowRes = { width: even(output.width / BLUR_DOWNSCALE), height: even(output.height / BLUR_DOWNSCALE) };
  // ≈ 1/10 of the short side (boxblur's cost does not depend on the radius); it must stay
  // ≤ half the short side of the 2×-subsampled chroma plane.
  const shortSide = Math.min(lowRes.width, lowRes.height);
  const radius = Math.max(1, Math.min(Math.round(shortSide / 10), Math.floor(shortSide / 4)));
  const sigmaLow = Math.sqrt((BLUR_POWER * radius * (radius + 1)) / 3);
  return {
    output,
    layout: 'fit-blur',
    source,
    crop: whole,
    video: fitRect(source, output),
    background: {
      crop: coverCrop(source, output),
      lowRes,
      radius,
      blurSigma: Math.round(sigmaLow * (output.width / lowRes.width) * 10) / 10,
    },
  };
}

/** Whether the crop window can slide across the source (a cover crop of a wider picture). */
export const canPanCrop = (g: ReframeGeometry): boolean => g.layout === 'cover' && g.crop.width < g.source.width;

/**
 * `cropX` after dragging the picture `dx` output pixels to the right: the window slides the
 * other way, so the picture follows the pointer.
 */
export function pannedCropX(g: ReframeGeometry, cropX: number, dx: number): number {
  const slack = g.source.width - g.crop.width;
  if (!canPanCrop(g) || slack <= 0) return clampCropX(cropX);
  const dxSource = (dx * g.crop.width) / g.output.width;
  return clampCropX(clampCropX(cropX) - dxSource / slack);
}
