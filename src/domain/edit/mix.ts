/**
 * The music under a clip, as numbers both the render and the live preview use: its fades (shortened
 * in proportion when they do not fit the clip) and the ducking curve (domain/edit/plan.ts
 * DUCKING). ffmpeg's graph (media/ffmpeg/renderArgs.ts) and the preview's Web Audio graph take their
 * values from here, so what is heard while editing is what the short holds.
 */
import { DUCKING, type MusicPlan } from './plan';

export interface MusicFades {
  fadeIn: number;
  fadeOut: number;
}

export function musicFades(music: Pick<MusicPlan, 'fadeInSec' | 'fadeOutSec'>, clipSec: number): MusicFades {
  const fadeIn = Math.max(0, music.fadeInSec);
  const fadeOut = Math.max(0, music.fadeOutSec);
  const k = fadeIn + fadeOut > clipSec ? clipSec / (fadeIn + fadeOut) : 1;
  return { fadeIn: fadeIn * k, fadeOut: fadeOut * k };
}

export const musicVolume = (music: Pick<MusicPlan, 'volume'>): number => Math.min(1, Math.max(0, music.volume));

/**
 * The music's gain over the clip, before ducking: volume × the linear fades (ffmpeg's afade
 * default), with the fades worked out once (a mix asks for it at every sample).
 */
export function musicGainCurve(music: MusicPlan, clipSec: number): (t: number) => number {
  const { fadeIn, fadeOut } = musicFades(music, clipSec);
  const volume = musicVolume(music);
  return (t) => {
    if (t < 0 || t > clipSec) return 0;
    const inGain = fadeIn > 0 ? Math.min(1, t / fadeIn) : 1;
    const outGain = fadeOut > 0 ? Math.min(1, (clipSec - t) / fadeOut) : 1;
    return volume * inGain * outGain;
  };
}

/** The music's gain at clip time t, before ducking. */
export const musicGainAt = (music: MusicPlan, clipSec: number, t: number): number => musicGainCurve(music, clipSec)(t);

/**
 * The gain the ducking compressor applies to the music for a voice at RMS level `voiceRms`
 * (linear, 0..1): 1 below the threshold, above it the level over the threshold divided by the
 * ratio (a hard knee, as ffmpeg's sidechaincompress with makeup 1).
 */
export function duckGain(voiceRms: number): number {
  const { threshold, ratio, makeup } = DUCKING;
  if (!(voiceRms > threshold)) return makeup;
  return makeup * (voiceRms / threshold) ** (1 / ratio - 1);
}

/** How fast the duck follows the voice: attack when it pulls the music down, release when it lets it back up (seconds). */
export const duckTimeConstant = (from: number, to: number): number => (to < from ? DUCKING.attack : DUCKING.release) / 1000;

/** Root mean square of a block of samples. */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}
