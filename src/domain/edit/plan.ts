/**
 * The render plan: everything an engine needs to make one vertical clip, as plain data. It says
 * what to make, never how: media/ffmpeg/renderArgs.ts turns it into an ffmpeg graph, and
 * media/webcodecs/ draws the same plan on a canvas. Overlays and music are named by id; the
 * engine gets their bytes beside the plan (RenderAssets).
 *
 * Overlays (title card, captions, price tag, logo) are drawn by the app on a canvas and handed
 * over as transparent PNGs cropped to their box: ffmpeg decodes each looped still once per output
 * frame and blends it pixel by pixel, so a 300×120 box costs ~1/50 of a full 1080×1920 frame in
 * both the PNG decode and the blend. Full-frame PNGs at 0:0 would be simpler to place but make
 * every caption as expensive as a second video layer.
 */
import { type CropPin, cropPath, cropXAt } from './cropPath';
import { canPanCrop, type ReframeGeometry, reframeGeometry } from './reframe';
import type { Rect } from './rect';
import type { RecordingMeta } from '../recording/meta';
import type { OutputSize } from './output';
import type { QualityId } from './quality';
import type { ReframeMode } from './reframe';
import { playedLength, sourceTimeOf, type Span } from './tighten';
import type { FrameRange } from './segments';

export interface OverlayImage {
  id: string;
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

/** The background music (its bytes come with the assets), looped to the clip length. */
export interface MusicPlan {
  /** 0..1, applied to the music before mixing. */
  volume: number;
  fadeInSec: number;
  fadeOutSec: number;
  /** Lower the music while the recording's voice is speaking. */
  duck: boolean;
}

export interface RenderPlan {
  output: OutputSize;
  source: {
    start: number;
    end: number;
    width: number;
    height: number;
    rotation: number;
    hasAudio: boolean;
    /** The source's colour matrix and transfer tags (ffprobe names), when it has them. */
    colorMatrix?: string;
    colorTransfer?: string;
  };
  reframe: ReframeMode;
  /** Crop window position across a wider source (reframe.ts `coverCrop`); absent: centred. */
  cropX?: number;
  /** The crop pinned at moments of the clip (clip seconds): the crop moves (cropPath.ts). */
  cropPins?: CropPin[];
  /**
   * The spans of the recording that play, one after another, where pauses are cut ("Tighten",
   * tighten.ts); absent: all of source.start..end. Overlay, pin and music times are output times.
   */
  keep?: Span[];
  /** A teaser of the clip's peak played first ("hook", hook.ts): a span of the clip, recording time. */
  teaser?: Span;
  quality: QualityId;
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

export const AUDIO_RATE = 48000;

export class RenderPlanError extends Error {
  override name = 'RenderPlanError';
}

type Timeline = Pick<RenderPlan, 'source' | 'keep' | 'teaser'>;

/** How long the teaser plays before the clip (0 without one). */
export const teaserDuration = (plan: Pick<RenderPlan, 'teaser'>): number => (plan.teaser ? plan.teaser.end - plan.teaser.start : 0);

/** The short's length: the teaser, then the clip less its cut pauses. */
export const clipDuration = (plan: Timeline): number => teaserDuration(plan) + (plan.keep ? playedLength(plan.keep) : sourceDuration(plan));

/** How much of the recording the short is made from, cut pauses included. */
export const sourceDuration = (plan: Pick<RenderPlan, 'source'>): number => plan.source.end - plan.source.start;

/** The recording's time shown at output time `t`. */
export function sourceTimeAt(plan: Timeline, t: number): number {
  const lead = teaserDuration(plan);
  if (plan.teaser && t < lead) return plan.teaser.start + t;
  return plan.keep ? sourceTimeOf(plan.keep, t - lead) : plan.source.start + t - lead;
}

/** Output frames in the teaser: those whose picking moment, (k + ½)/fps, falls inside it. */
export const teaserFrames = (plan: Pick<RenderPlan, 'teaser' | 'output'>): number =>
  plan.teaser ? Math.max(0, Math.ceil(teaserDuration(plan) * plan.output.fps - 0.5 - 1e-9)) : 0;

/** Output frames [from, to) as runs that each read the recording forwards: the teaser's, then the clip's. */
export function frameRuns(plan: Pick<RenderPlan, 'teaser' | 'output'>, { from, to }: FrameRange): FrameRange[] {
  const t = teaserFrames(plan);
  return [
    { from, to: Math.min(to, t) },
    { from: Math.max(from, t), to },
  ].filter((r) => r.to > r.from);
}

/** The spans the voice is spliced from, in playing order, where the short is not the clip as it is. */
export function voiceSpans(plan: Pick<RenderPlan, 'source' | 'keep' | 'teaser'>): Span[] | undefined {
  if (!plan.teaser) return plan.keep;
  return [plan.teaser, ...(plan.keep ?? [{ start: plan.source.start, end: plan.source.end }])];
}

/** Problems that make the plan unrenderable (empty when fine). */
export function planProblems(plan: RenderPlan): string[] {
  const problems: string[] = [];
  const { output, source } = plan;
  if (!(output.width > 0 && output.height > 0) || output.width % 2 !== 0 || output.height % 2 !== 0)
    problems.push(`output size must be positive and even, got ${output.width}x${output.height}`);
  if (!(output.fps > 0)) problems.push(`output fps must be positive, got ${output.fps}`);
  if (!(source.start >= 0) || !(source.end > source.start)) problems.push(`bad clip range ${source.start}..${source.end}`);
  if (!(source.width > 0 && source.height > 0)) problems.push(`bad source size ${source.width}x${source.height}`);
  if (plan.keep?.some((s, i) => !(s.end > s.start) || s.start < source.start || s.end > source.end || s.start < (plan.keep?.[i - 1]?.end ?? -Infinity)))
    problems.push('the kept spans must be in order, inside the clip');
  const { teaser } = plan;
  if (teaser && !(teaser.end > teaser.start && teaser.start >= source.start && teaser.end <= source.end)) problems.push('the teaser must be inside the clip');
  const ids = new Set<string>();
  for (const o of plan.overlays) {
    if (ids.has(o.id)) problems.push(`duplicate overlay id ${o.id}`);
    ids.add(o.id);
    if (![o.x, o.y, o.from, o.to].every(Number.isFinite)) problems.push(`overlay ${o.id} has a non-finite position or time`);
  }
  return problems;
}

/** Overlays that show during the clip, with their times clamped to it. */
export function visibleOverlays(plan: RenderPlan): OverlayImage[] {
  const dur = clipDuration(plan);
  return plan.overlays.map((o) => ({ ...o, from: Math.max(0, o.from), to: Math.min(dur, o.to) })).filter((o) => o.to > o.from && o.width > 0 && o.height > 0);
}

/** The reframe at clip time `t`: where pins move the crop, its window then (cropPath.ts). */
export const geometryAt = (plan: Pick<RenderPlan, 'source' | 'output' | 'reframe' | 'cropX' | 'cropPins'>, t: number): ReframeGeometry =>
  reframeGeometry(plan.source, plan.output, plan.reframe, cropXAt(plan.cropPins, plan.cropX, t));

/** Whether the crop window moves during the clip: pins, and a cover crop that can slide. */
export const cropMoves = (plan: Pick<RenderPlan, 'source' | 'output' | 'reframe' | 'cropX' | 'cropPins'>): boolean =>
  (plan.cropPins?.length ?? 0) > 0 && canPanCrop(geometryAt(plan, 0));

/**
 * Each frame's window of the source, by clip time, where pins move the crop; undefined (the
 * fixed geometry's) where they don't.
 */
export function cropWindows(plan: Pick<RenderPlan, 'source' | 'output' | 'reframe' | 'cropX' | 'cropPins'>): (t: number) => Rect | undefined {
  if (!cropMoves(plan)) return () => undefined;
  const x = cropPath(plan.cropPins, plan.cropX);
  return (t) => reframeGeometry(plan.source, plan.output, plan.reframe, x(t)).crop;
}

/** A plan for a clip of a probed recording; the clip is clamped to the recording. */
export function makeRenderPlan(
  meta: Pick<RecordingMeta, 'width' | 'height' | 'rotation' | 'hasAudio' | 'durationSec' | 'colorMatrix' | 'colorTransfer'>,
  clip: { start: number; end: number },
  output: OutputSize,
  reframe: ReframeMode,
  quality: QualityId,
  extras: { overlays?: OverlayImage[]; music?: MusicPlan; cropX?: number; cropPins?: CropPin[]; keep?: Span[]; teaser?: Span } = {},
): RenderPlan {
  const start = Math.max(0, clip.start);
  const end = Math.min(meta.durationSec, clip.end);
  const keep = extras.keep?.map((k) => ({ start: Math.max(start, k.start), end: Math.min(end, k.end) })).filter((k) => k.end > k.start);
  const plan: RenderPlan = {
    output: { width: output.width, height: output.height, fps: output.fps },
    source: {
      start,
      end,
      width: meta.width,
      height: meta.height,
      rotation: meta.rotation,
      hasAudio: meta.hasAudio,
      ...(meta.colorMatrix && { colorMatrix: meta.colorMatrix }),
      ...(meta.colorTransfer && { colorTransfer: meta.colorTransfer }),
    },
    reframe,
    ...(extras.cropX !== undefined && { cropX: extras.cropX }),
    ...(extras.cropPins?.length && { cropPins: extras.cropPins }),
    // One span is the whole clip: nothing was cut.
    ...(keep && keep.length > 1 && { keep }),
    ...(extras.teaser && { teaser: extras.teaser }),
    quality,
    overlays: extras.overlays ?? [],
  };
  if (extras.music) plan.music = extras.music;
  return plan;
}

/** The bytes a plan names: overlay PNGs by overlay id, and the music file. */
export interface RenderAssets {
  overlays: ReadonlyMap<string, Uint8Array>;
  music?: { data: Uint8Array; ext: string };
}

/** Frames in the output: the clip at the output rate, at least one. */
export const frameCount = (plan: RenderPlan): number => Math.max(1, Math.round(clipDuration(plan) * plan.output.fps));

/** Opacity of an overlay at clip time t (0 when hidden): the fade-in ramps from `from`. */
export function overlayAlpha(o: OverlayImage, t: number): number {
  if (t < o.from || t > o.to) return 0;
  const fade = Math.min(o.fadeInSec ?? 0, o.to - o.from);
  return fade > 0 ? Math.min(1, (t - o.from) / fade) : 1;
}
