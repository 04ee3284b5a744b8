/**
 * The render plan: everything an engine needs to make one vertical clip, as plain data
 * (ffmpeg.wasm today, WebCodecs later), and its translation to ffmpeg arguments.
 *
 * Overlays (title card, captions, price tag, logo) are drawn by the app on a canvas and handed
 * over as transparent PNGs cropped to their box: ffmpeg decodes each looped still once per output
 * frame and blends it pixel by pixel, so a 300×120 box costs ~1/50 of a full 1080×1920 frame in
 * both the PNG decode and the blend. Full-frame PNGs at 0:0 would be simpler to place but make
 * every caption as expensive as a second video layer.
 */
import type { RecordingMeta } from '../recording';
import type { OutputSize } from './output';
import { type ReframeMode, reframeFilter, reframeGeometry } from './reframe';

export interface OverlayImage {
  id: string;
  /** Name of a PNG in the engine's file system, rendered at width×height. */
  file: string;
  /** Position of its top-left corner in the output frame, pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Shown from..to, seconds of clip time. */
  from: number;
  to: number;
  /** Alpha fade-in at `from`, seconds. */
  fadeInSec?: number;
}

export interface MusicPlan {
  /** Name of the music file in the engine's file system. Looped to the clip length. */
  file: string;
  /** 0..1, applied to the music before mixing. */
  volume: number;
  fadeInSec: number;
  fadeOutSec: number;
  /** Lower the music while the recording's voice is speaking. */
  duck: boolean;
}

export interface RenderPlan {
  output: OutputSize;
  source: { start: number; end: number; width: number; height: number; rotation: number; hasAudio: boolean };
  reframe: ReframeMode;
  /** Composited in order: later ones on top. */
  overlays: OverlayImage[];
  music?: MusicPlan;
}

/**
 * Sidechain ducking of the music under the voice. Speech sits around -20 dBFS RMS; with the
 * threshold at -34 dBFS (0.02) and ratio 10 that pulls the music down by ~12 dB while someone
 * talks. 20 ms attack ducks before the first syllable is masked; 500 ms release keeps the music
 * down across the short pauses between phrases instead of pumping up and down.
 */
export const DUCKING = { threshold: 0.02, ratio: 10, attack: 20, release: 500, makeup: 1 } as const;

export const ENCODE = {
  video: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p'],
  audio: ['-c:a', 'aac', '-b:a', '160k', '-ar', '48000', '-ac', '2'],
} as const;

export const AUDIO_RATE = 48000;

export class RenderPlanError extends Error {
  override name = 'RenderPlanError';
}

/** Compact decimal for filter options and argument values: at most 3 decimals, no trailing zeros. */
export const num = (x: number): string => String(Math.round(x * 1000) / 1000);

export const clipDuration = (plan: RenderPlan): number => plan.source.end - plan.source.start;

/** Problems that make the plan unrenderable (empty when fine). */
export function planProblems(plan: RenderPlan): string[] {
  const problems: string[] = [];
  const { output, source } = plan;
  if (!(output.width > 0 && output.height > 0) || output.width % 2 !== 0 || output.height % 2 !== 0)
    problems.push(`output size must be positive and even, got ${output.width}x${output.height}`);
  if (!(output.fps > 0)) problems.push(`output fps must be positive, got ${output.fps}`);
  if (!(source.start >= 0) || !(source.end > source.start)) problems.push(`bad clip range ${source.start}..${source.end}`);
  if (!(source.width > 0 && source.height > 0)) problems.push(`bad source size ${source.width}x${source.height}`);
  const ids = new Set<string>();
  for (const o of plan.overlays) {
    if (ids.has(o.id)) problems.push(`duplicate overlay id ${o.id}`);
    ids.add(o.id);
    if (o.file === '') problems.push(`overlay ${o.id} has no file`);
    if (![o.x, o.y, o.from, o.to].every(Number.isFinite)) problems.push(`overlay ${o.id} has a non-finite position or time`);
  }
  if (plan.music && plan.music.file === '') problems.push('music has no file');
  return problems;
}

/** Overlays that show during the clip, with their times clamped to it. */
export function visibleOverlays(plan: RenderPlan): OverlayImage[] {
  const dur = clipDuration(plan);
  return plan.overlays
    .map((o) => ({ ...o, from: Math.max(0, o.from), to: Math.min(dur, o.to) }))
    .filter((o) => o.to > o.from && o.width > 0 && o.height > 0);
}

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

/** Inputs and the one filtergraph for a plan; renderArgs wraps it with encode options. */
export function renderGraph(plan: RenderPlan, inputPath: string): RenderGraph {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new RenderPlanError(problems.join('; '));
  const dur = clipDuration(plan);
  const D = num(dur);
  const fps = plan.output.fps;

  const inputs: string[][] = [['-ss', plan.source.start.toFixed(3), '-t', dur.toFixed(3), '-i', inputPath]];
  const chains: string[] = [];

  // Video: reframe, then the overlays in order.
  const geometry = reframeGeometry(plan.source, plan.output, plan.reframe);
  chains.push(reframeFilter(geometry, fps, { input: '0:v:0', output: 'vbase' }));
  let video = 'vbase';
  visibleOverlays(plan).forEach((o, n) => {
    const index = inputs.length;
    // Only read the still up to where it disappears; 'between' switches it off after `to`.
    inputs.push(['-loop', '1', '-framerate', String(fps), '-t', num(o.to), '-i', o.file]);
    let pad = `${index}:v`;
    const fade = o.fadeInSec ?? 0;
    if (fade > 0) {
      chains.push(`[${pad}]format=rgba,fade=t=in:st=${num(o.from)}:d=${num(Math.min(fade, o.to - o.from))}:alpha=1[ov${n}]`);
      pad = `ov${n}`;
    }
    const out = `v${n + 1}`;
    chains.push(`[${video}][${pad}]overlay=x=${Math.round(o.x)}:y=${Math.round(o.y)}:enable='between(t,${num(o.from)},${num(o.to)})'[${out}]`);
    video = out;
  });

  // Audio: voice (the recording), music, both (optionally ducked), or silence; always exactly `dur` long.
  const music = plan.music;
  let musicPad: string | undefined;
  if (music) {
    const index = inputs.length;
    inputs.push(['-stream_loop', '-1', '-i', music.file]);
    const volume = Math.min(1, Math.max(0, music.volume));
    // Fades longer than the clip are shortened in proportion.
    const fadeTotal = Math.max(0, music.fadeInSec) + Math.max(0, music.fadeOutSec);
    const k = fadeTotal > dur ? dur / fadeTotal : 1;
    const fadeIn = Math.max(0, music.fadeInSec) * k;
    const fadeOut = Math.max(0, music.fadeOutSec) * k;
    const filters = [`atrim=duration=${D}`, 'asetpts=PTS-STARTPTS', AFORMAT, `volume=${num(volume)}`];
    if (fadeIn > 0) filters.push(`afade=t=in:st=0:d=${num(fadeIn)}`);
    if (fadeOut > 0) filters.push(`afade=t=out:st=${num(dur - fadeOut)}:d=${num(fadeOut)}`);
    filters.push(`apad=whole_dur=${D}`);
    chains.push(`[${index}:a]${filters.join(',')}[music]`);
    musicPad = 'music';
  }

  if (plan.source.hasAudio) {
    chains.push(`[0:a:0]${AFORMAT},apad=whole_dur=${D}[voice]`);
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

  return { inputs, filter: chains.join(';'), video: `[${video}]`, audio: '[aout]' };
}

/**
 * Complete ffmpeg arguments (without the program name) rendering the plan from `inputPath`
 * to `outputPath` (MP4). Input seeking with -ss before -i is frame-accurate when transcoding
 * and reads only the clip; the output is cut at exactly the clip duration (no -shortest).
 */
export function renderArgs(plan: RenderPlan, inputPath: string, outputPath: string): string[] {
  const g = renderGraph(plan, inputPath);
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
    ...ENCODE.video,
    '-r',
    String(plan.output.fps),
    ...ENCODE.audio,
    '-t',
    clipDuration(plan).toFixed(3),
    '-map_metadata',
    '-1',
    '-movflags',
    '+faststart',
    outputPath,
  ];
}

/** A plan for a clip of a probed recording; the clip is clamped to the recording. */
export function makeRenderPlan(
  meta: Pick<RecordingMeta, 'width' | 'height' | 'rotation' | 'hasAudio' | 'durationSec'>,
  clip: { start: number; end: number },
  output: OutputSize,
  reframe: ReframeMode,
  extras: { overlays?: OverlayImage[]; music?: MusicPlan } = {},
): RenderPlan {
  const start = Math.max(0, clip.start);
  const end = Math.min(meta.durationSec, clip.end);
  const plan: RenderPlan = {
    output: { width: output.width, height: output.height, fps: output.fps },
    source: { start, end, width: meta.width, height: meta.height, rotation: meta.rotation, hasAudio: meta.hasAudio },
    reframe,
    overlays: extras.overlays ?? [],
  };
  if (extras.music) plan.music = extras.music;
  return plan;
}
