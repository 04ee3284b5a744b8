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
  teaserFrames,
  visibleOverlays,
  voiceSpans,
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
function audioChains(plan: RenderPlan, musicInput: number | undefined, teaserInput: number | undefined): string[] {
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
    chains.push(...voiceChains(plan, `apad=whole_dur=${D}[voice]`, teaserInput));
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
 * The recording's voice, ending with `tail`: where pauses are cut or a teaser plays first, each
 * span trimmed out (by sample) of its input (the teaser's own, `teaserInput`, or the clip's) and
 * cross-faded into the next over the same splices the browser's mix uses.
 */
function voiceChains(plan: RenderPlan, tail: string, teaserInput: number | undefined): string[] {
  const spans = voiceSpans(plan);
  if (!spans) return [`[0:a:0]${AFORMAT},${tail}`];
  const splices = voiceSplices(spans, AUDIO_RATE);
  const teased = plan.teaser !== undefined && teaserInput !== undefined;
  const inputOf = (i: number) => (teased && i === 0 ? { index: teaserInput, from: plan.teaser!.start } : { index: 0, from: plan.source.start });
  const chains: string[] = [];
  // The clip's input feeds every splice but a teaser's.
  const fromClip = splices.map((_, i) => i).filter((i) => inputOf(i).index === 0);
  chains.push(`[0:a:0]${AFORMAT},asplit=${fromClip.length}${fromClip.map((i) => `[vs${i}]`).join('')}`);
  if (teased) chains.push(`[${teaserInput}:a:0]${AFORMAT}[vs0]`);
  splices.forEach((s, i) => {
    // A splice's fade may start a few ms before its input does: it starts there.
    const first = Math.max(0, Math.round((s.from - inputOf(i).from) * AUDIO_RATE));
    chains.push(`[vs${i}]atrim=start_sample=${first}:end_sample=${first + s.frames},asetpts=PTS-STARTPTS[vp${i}]`);
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

/**
 * The picture before the reframe: the recording's clip, or, with a teaser, the teaser's input
 * then the clip's joined into one stream. Where pauses are cut, the frames kept (a select
 * expression) go to the reframe for a plain clip, or are selected here before the join.
 */
function sourceVideo(plan: RenderPlan, teaserInput: number | undefined): { chains: string[]; input: string; keep?: string } {
  const keep = keptFrames(plan);
  if (teaserInput === undefined) return { chains: [], input: '0:v:0', ...(keep && { keep }) };
  const fps = plan.output.fps;
  const select = keep ? `,select='${keep}',setpts=N/(${fps}*TB)` : '';
  return {
    // The teaser's input runs on a little for the voice's cross-fade: its picture stops at its frames.
    chains: [
      `[${teaserInput}:v:0]fps=${fps},trim=end_frame=${teaserFrames(plan)},setpts=PTS-STARTPTS[tz]`,
      `[0:v:0]fps=${fps}${select}[mz]`,
      '[tz][mz]concat=n=2:v=1:a=0[src]',
    ],
    input: 'src',
  };
}

/** The teaser's input: the recording again, seeked to it (a little more than it, for the cross-fade). */
const teaserInputArgs = (teaser: { start: number; end: number }, inputPath: string): string[] => [
  '-ss',
  teaser.start.toFixed(3),
  '-t',
  (teaser.end - teaser.start + 0.1).toFixed(3),
  '-i',
  inputPath,
];

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
  const teaserInput = plan.teaser ? inputs.push(teaserInputArgs(plan.teaser, inputPath)) - 1 : undefined;
  const source = sourceVideo(plan, teaserInput);
  const chains: string[] = [...source.chains];

  // Video: reframe, then the overlays in order.
  const geometry = reframeGeometry(plan.source, plan.output, plan.reframe, plan.cropX);
  const cropX = plan.cropPins && cropMoves(plan) ? cropXExpression(plan.cropPins, geometry.source.width - geometry.crop.width) : undefined;
  const labels = { input: source.input, output: 'vbase', ...(cropX && { cropX }), ...(source.keep && { keep: source.keep }) };
  chains.push(reframeFilter(geometry, fps, labels, colourConversion(plan.source)));
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
  chains.push(...audioChains(plan, musicInput, teaserInput));
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
  const teaserInput = plan.teaser && plan.source.hasAudio ? inputs.push(teaserInputArgs(plan.teaser, inputPath)) - 1 : undefined;
  let musicInput: number | undefined;
  if (plan.music && paths.music) {
    musicInput = inputs.length;
    inputs.push(musicInputArgs(paths.music));
  }
  const filter = audioChains(plan, musicInput, teaserInput).join(';');
  return ['-hide_banner', '-nostdin', '-y', ...inputs.flat(), '-filter_complex', filter, '-map', '[aout]', ...audioEncode(plan), ...mp4Tail(plan, outputPath)];
}
