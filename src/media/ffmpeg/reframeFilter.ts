/** The reframe geometry as an ffmpeg filter chain (the WebCodecs compositor draws the same geometry). */
import { OUTPUT_COLOR, sourceMatrix, type OutputSize } from '../../domain/edit/output';
import type { RenderPlan } from '../../domain/edit/plan';
import { isHdrTransfer } from '../../domain/recording/meta';
import type { Rect, Size } from '../../domain/edit/rect';
import { BLUR_POWER, type ReframeGeometry } from '../../domain/edit/reframe';

const isWhole = (r: Rect, s: Size) => r.x === 0 && r.y === 0 && r.width === s.width && r.height === s.height;
const cropFilter = (r: Rect, x: string = String(r.x)) => `crop=${r.width}:${r.height}:${x.includes('(') ? `'${x}'` : x}:${r.y}`;

/**
 * Colour handling for one source: filters right after the frame-rate step (HDR → SDR tone mapping
 * with zimg, which the wasm core has), and the options each scale gets to convert matrices (SDR).
 */
export function colourConversion(source: RenderPlan['source']): { pre: string; scale: string } {
  const out = `out_color_matrix=${OUTPUT_COLOR.matrix}:out_range=${OUTPUT_COLOR.range}`;
  if (isHdrTransfer(source.colorTransfer)) {
    const pre = [
      'zscale=t=linear:npl=100',
      'format=gbrpf32le',
      'zscale=p=bt709',
      'tonemap=tonemap=hable:desat=0',
      `zscale=t=bt709:m=709:r=${OUTPUT_COLOR.range}`,
      'format=yuv420p',
    ].join(',');
    return { pre: `${pre},`, scale: `:in_color_matrix=${OUTPUT_COLOR.matrix}:${out}` };
  }
  return { pre: '', scale: `:in_color_matrix=${sourceMatrix(source)}:${out}` };
}

/**
 * Overlay stills (RGBA) to YUV with the output's matrix: left to itself, the overlay filter's
 * automatic conversion uses swscale's default (BT.601), which would shift every sticker's colour.
 */
export const OVERLAY_TO_OUTPUT = `scale=out_color_matrix=${OUTPUT_COLOR.matrix}:out_range=${OUTPUT_COLOR.range},format=yuva420p`;

export interface FilterLabels {
  /** Input pad, without brackets. Default '0:v'. */
  input?: string;
  /** Output pad, without brackets. Default 'vbase'. */
  output?: string;
  /** The cover crop's left edge as an expression of `t`, where pins move it (cropPath.ts). */
  cropX?: string;
  /** Frames kept of the constant-rate source (a select expression of `n`), where pauses are cut. */
  keep?: string;
}

/**
 * The filtergraph fragment (for -filter_complex) that turns the decoded source into
 * `[vbase]`: exactly output.width × output.height, square pixels, constant fps, yuv420p.
 * fps comes first so a 60 fps source is halved before any scaling; in the cover layout the crop
 * comes before the scale so only the visible part of the source is scaled.
 */
export function reframeFilter(geometry: ReframeGeometry, fps: OutputSize['fps'], labels: FilterLabels = {}, colour = { pre: '', scale: '' }): string {
  const input = `[${labels.input ?? '0:v'}]`;
  const output = `[${labels.output ?? 'vbase'}]`;
  const { width: W, height: H } = geometry.output;
  // Selected frames are renumbered onto the output's grid, so overlays and pins see output time.
  const select = labels.keep ? `select='${labels.keep}',setpts=N/(${fps}*TB),` : '';
  const head = `${input}fps=${fps},${select}${colour.pre}`.replace(/,$/, '');
  const c = colour.scale;
  const tail = `setsar=1,format=yuv420p${output}`;

  switch (geometry.layout) {
    case 'cover': {
      const crop = isWhole(geometry.crop, geometry.source) ? '' : `${cropFilter(geometry.crop, labels.cropX)},`;
      return `${head},${crop}scale=${W}:${H}${c},${tail}`;
    }
    case 'fit-pad': {
      const v = geometry.video;
      const pad = isWhole(v, geometry.output) ? '' : `pad=${W}:${H}:${v.x}:${v.y}:black,`;
      return `${head},scale=${v.width}:${v.height}${c},${pad}${tail}`;
    }
    case 'fit-blur': {
      const bg = geometry.background;
      if (!bg) throw new Error('fit-blur geometry without a background');
      const v = geometry.video;
      const p = labels.output ?? 'vbase';
      const bgCrop = isWhole(bg.crop, geometry.source) ? '' : `${cropFilter(bg.crop)},`;
      return [
        `${head},split=2[${p}_bgsrc][${p}_fgsrc]`,
        // Blur at 1/8 size: boxblur cost grows with the pixel count, the upscale smooths the blocks.
        `[${p}_bgsrc]${bgCrop}scale=${bg.lowRes.width}:${bg.lowRes.height}:flags=fast_bilinear${c},` +
          `boxblur=luma_radius=${bg.radius}:luma_power=${BLUR_POWER},scale=${W}:${H}:flags=bilinear,setsar=1[${p}_bg]`,
        `[${p}_fgsrc]scale=${v.width}:${v.height}${c},setsar=1[${p}_fg]`,
        `[${p}_bg][${p}_fg]overlay=${v.x}:${v.y},${tail}`,
      ].join(';');
    }
  }
}
