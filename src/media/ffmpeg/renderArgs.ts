/**
 * A render plan as one ffmpeg command: the recording seeked to the clip, the reframe chain, the
 * overlay stills composited in order, and the audio mix (voice, looped music, ducking, fades).
 * Overlay and music bytes are written to the paths `assetPaths` names before the command runs.
 */
import { qualityPreset } from '../../domain/edit/quality';
import {
  AUDIO_RATE,
  clipDuration,
  cropMoves,
  DUCKING,
  planProblems,
  RenderPlanError,
  sourceDuration,
  visibleOverlays,
  type RenderPlan,
} from '../../domain/edit/plan';
import { voiceSplices } from '../../domain/edit/tighten';
import { cropXExpression } from '../../domain/edit/cropPath';
import { reframeGeometry } from '../../domain/edit/reframe';
import { musicFades, musicVolume } from '../../domain/edit/mix';
import { OUTPUT_COLOR } from '../../domain/edit/output';
import { overlayRuns } from './overlayRuns';
import { colourConversion, OVERLAY_TO_OUTPUT, reframeFilter } from './reframeFilter';

/** Compact decimal for filter options and argument values: at most 3 decimals, no trailing zeros. */
export const num = (x: number): string => String(Math.round(x * 1000) / 1000);

/** Where the engine puts each asset in its file system: overlay id → path, and the music. */
export interface AssetPaths {
  overlay: (id: string) => string;
  music?: string;
}

/** Overlay ids can be anything the app chose; the path must stay a plain file name. */
export const overlayPath = (id: string): string => `/ov-${id.replace(/[^a-z0-9_-]/gi, '_')}.png`;

export const defaultAssetPaths = (musicExt = 'm4a'): AssetPaths => ({ overlay: overlayPath, music: `/music.${musicExt}` });

const AFORMAT = `aformat=sample_fmts=fltp:sample_rates=${AUDIO_RATE}:channel_layouts=stereo`;

export interface RenderGraph {
  /** Input arguments (each group ends with '-i', path), in input-index order. */
  inputs: string[][];
  /** The -filter_complex value. */
  filter: string;
  /** Output pads to -map, with brackets. */
  video: string;
  audio: string;
}

function check(plan: RenderPlan): void {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new RenderPlanError(problems.join('; '));
}

/**
 * The audio chains: voice (the recording), music, both (optionally ducked), or silence; always
 * exactly the clip long. `musicInput` is the music's input index when the plan has music.
 */
function audioChains(plan: RenderPlan, musicInput: number | undefined): string[] {
  const dur = clipDuration(plan);
  const D = num(dur);
  const chains: string[] = [];
  const music = plan.music;
  let musicPad: string | undefined;
  if (music && musicInput !== undefined) {
    const { fadeIn, fadeOut } = musicFades(music, dur);
    const filters = [`atrim=duration=${D}`, 'asetpts=PTS-STARTPTS', AFORMAT, `volume=${num(musicVolume(music))}`];
    if (fadeIn > 0) filters.push(`afade=t=in:st=0:d=${num(fadeIn)}`);
    if (fadeOut > 0) filters.push(`afade=t=out:st=${num(dur - fadeOut)}:d=${num(fadeOut)}`);
    filters.push(`apad=whole_dur=${D}`);
    chains.push(`[${musicInput}:a]${filters.join(',')}[music]`);
    musicPad = 'music';
  }

  if (plan.source.hasAudio) {
    chains.push(...voiceChains(plan, `apad=whole_dur=${D}[voice]`));
    if (musicPad && music?.duck) {
      const d = DUCKING;
      chains.push('[voice]asplit=2[voicemix][voicesc]');
      chains.push(
        `[${musicPad}][voicesc]sidechaincompress=threshold=${d.threshold}:ratio=${d.ratio}:attack=${d.attack}:release=${d.release}:makeup=${d.makeup}[ducked]`,
      );
      chains.push('[voicemix][ducked]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[aout]');
    } else if (musicPad) {
      chains.push(`[voice][${musicPad}]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[aout]`);
    } else {
      chains.push('[voice]anull[aout]');
    }
  } else if (musicPad) {
    chains.push(`[${musicPad}]anull[aout]`);
  } else {
    chains.push(`anullsrc=r=${AUDIO_RATE}:cl=stereo:d=${D}[aout]`);
  }
  return chains;
}

/**
 * The recording's voice, ending with `tail`: where pauses are cut, each kept span trimmed out
 * (by sample) and cross-faded into the next over the same splices the browser's mix uses.
 */
function voiceChains(plan: RenderPlan, tail: string): string[] {
  if (!plan.keep) return [`[0:a:0]${AFORMAT},${tail}`];
  const splices = voiceSplices(plan.keep, AUDIO_RATE);
  const first = (s: { from: number }) => Math.round((s.from - plan.source.start) * AUDIO_RATE);
  const chains = [`[0:a:0]${AFORMAT},asplit=${splices.length}${splices.map((_, i) => `[vs${i}]`).join('')}`];
  splices.forEach((s, i) => {
    chains.push(`[vs${i}]atrim=start_sample=${first(s)}:end_sample=${first(s) + s.frames},asetpts=PTS-STARTPTS[vp${i}]`);
  });
  let joined = 'vp0';
  splices.slice(1).forEach((s, i) => {
    const out = `vj${i + 1}`;
    chains.push(`[${joined}][vp${i + 1}]acrossfade=ns=${s.fadeIn}:c1=tri:c2=tri[${out}]`);
    joined = out;
  });
  chains.push(`[${joined}]${tail}`);
  return chains;
}

/** Where cut pauses leave frames out: the fps filter's frame numbers kept, as a select expression. */
function keptFrames(plan: RenderPlan): string | undefined {
  if (!plan.keep) return undefined;
  const fps = plan.output.fps;
  const frame = (t: number) => Math.round((t - plan.source.start) * fps);
  return plan.keep.map((s) => `between(n,${frame(s.start)},${frame(s.end) - 1})`).join('+');
}

const sourceInput = (plan: RenderPlan, inputPath: string): string[] => [
  '-ss',
  plan.source.start.toFixed(3),
  '-t',
  sourceDuration(plan).toFixed(3),
  '-i',
  inputPath,
];
const musicInputArgs = (path: string): string[] => ['-stream_loop', '-1', '-i', path];

/** Inputs and the one filtergraph for a plan; renderArgs wraps it with encode options. */
export function renderGraph(plan: RenderPlan, inputPath: string, paths: AssetPaths = defaultAssetPaths()): RenderGraph {
  check(plan);
  const fps = plan.output.fps;
  const inputs: string[][] = [sourceInput(plan, inputPath)];
  const chains: string[] = [];

  // Video: reframe, then the overlays in order.
  const geometry = reframeGeometry(plan.source, plan.output, plan.reframe, plan.cropX);
  const cropX = plan.cropPins && cropMoves(plan) ? cropXExpression(plan.cropPins, geometry.source.width - geometry.crop.width) : undefined;
  const keep = keptFrames(plan);
  chains.push(reframeFilter(geometry, fps, { input: '0:v:0', output: 'vbase', ...(cropX && { cropX }), ...(keep && { keep }) }, colourConversion(plan.source)));
  let video = 'vbase';
  overlayRuns(visibleOverlays(plan), fps).forEach((run, n) => {
    // Each still is read for its own frames only. `-t` of exactly `frames` frames (rounded up to the
    // ms: ffmpeg keeps frame k while k + ½ < t·fps, so up to half a frame over is still exact).
    const shifted = run.stills.map(({ overlay, firstFrame, frames }, j) => {
      inputs.push(['-loop', '1', '-framerate', String(fps), '-t', String(Math.ceil((frames / fps) * 1000 - 1e-6) / 1000), '-i', paths.overlay(overlay.id)]);
      return { pad: `${inputs.length - 1}:v`, setpts: `setpts=PTS+${firstFrame}/(${fps}*TB)`, label: `ov${n}s${j}` };
    });
    const fade = run.fadeInSec ?? 0;
    const fadeIn = fade > 0 ? [`format=rgba,fade=t=in:st=${num(run.from)}:d=${num(Math.min(fade, run.to - run.from))}:alpha=1`] : [];
    const toYuv = [...fadeIn, OVERLAY_TO_OUTPUT];
    const [only] = shifted;
    if (only && shifted.length === 1) chains.push(`[${only.pad}]${[only.setpts, ...toYuv].join(',')}[ov${n}]`);
    else {
      for (const s of shifted) chains.push(`[${s.pad}]${s.setpts}[${s.label}]`);
      chains.push(`${shifted.map((s) => `[${s.label}]`).join('')}${[`interleave=nb_inputs=${shifted.length}`, ...toYuv].join(',')}[ov${n}]`);
    }
    const out = `v${n + 1}`;
    // 'between' hides the last still after the run (overlay would repeat it).
    chains.push(`[${video}][ov${n}]overlay=x=${Math.round(run.x)}:y=${Math.round(run.y)}:enable='between(t,${num(run.from)},${num(run.to)})'[${out}]`);
    video = out;
  });

  let musicInput: number | undefined;
  if (plan.music && paths.music) {
    musicInput = inputs.length;
    inputs.push(musicInputArgs(paths.music));
  }
  chains.push(...audioChains(plan, musicInput));
  return { inputs, filter: chains.join(';'), video: `[${video}]`, audio: '[aout]' };
}

function audioEncode(plan: RenderPlan): string[] {
  return ['-c:a', 'aac', '-b:a', `${qualityPreset(plan.quality).audioKbps}k`, '-ar', String(AUDIO_RATE), '-ac', '2'];
}

/**
 * Complete ffmpeg arguments (without the program name) rendering the plan from `inputPath`
 * to `outputPath` (MP4). Input seeking with -ss before -i is frame-accurate when transcoding
 * and reads only the clip; the output is cut at exactly the clip duration (no -shortest).
 */
export function renderArgs(plan: RenderPlan, inputPath: string, outputPath: string, paths: AssetPaths = defaultAssetPaths()): string[] {
  const g = renderGraph(plan, inputPath, paths);
  const q = qualityPreset(plan.quality);
  return [
    '-hide_banner',
    '-nostdin',
    '-y',
    ...g.inputs.flat(),
    '-filter_complex',
    g.filter,
    '-map',
    g.video,
    '-map',
    g.audio,
    ...['-c:v', 'libx264', '-preset', q.x264Preset, '-crf', String(q.crf), '-pix_fmt', 'yuv420p'],
    ...[
      '-colorspace',
      OUTPUT_COLOR.matrix,
      '-color_primaries',
      OUTPUT_COLOR.primaries,
      '-color_trc',
      OUTPUT_COLOR.transfer,
      '-color_range',
      OUTPUT_COLOR.range,
    ],
    '-r',
    String(plan.output.fps),
    ...audioEncode(plan),
    ...mp4Tail(plan, outputPath),
  ];
}

/** Exactly the clip long, no metadata carried over, moov first. */
const mp4Tail = (plan: RenderPlan, outputPath: string): string[] => [
  '-t',
  clipDuration(plan).toFixed(3),
  '-map_metadata',
  '-1',
  '-movflags',
  '+faststart',
  outputPath,
];

/**
 * The plan's audio alone (the same mix as renderArgs) as AAC in an MP4 at `outputPath`: the
 * WebCodecs engine muxes it beside its video, since most browsers cannot encode AAC.
 */
export function audioMixArgs(plan: RenderPlan, inputPath: string, outputPath: string, paths: AssetPaths = defaultAssetPaths()): string[] {
  check(plan);
  // Only read the recording when its voice is in the mix (silence needs no input).
  const inputs: string[][] = plan.source.hasAudio ? [sourceInput(plan, inputPath)] : [];
  let musicInput: number | undefined;
  if (plan.music && paths.music) {
    musicInput = inputs.length;
    inputs.push(musicInputArgs(paths.music));
  }
  const filter = audioChains(plan, musicInput).join(';');
  return ['-hide_banner', '-nostdin', '-y', ...inputs.flat(), '-filter_complex', filter, '-map', '[aout]', ...audioEncode(plan), ...mp4Tail(plan, outputPath)];
}
