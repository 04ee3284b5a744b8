import { describe, expect, it } from 'vitest';
import { duckGain, duckTimeConstant, musicFades, musicGainAt, rms } from '../../src/domain/edit/mix';
import { DUCKING } from '../../src/domain/edit/plan';
import { atTime, droppedBetween, lastFrameTime, stepFrame } from '../../src/domain/edit/playhead';

const music = { volume: 0.4, fadeInSec: 1, fadeOutSec: 1.5, duck: true };

describe('the music under a clip, as the render and the preview mix it', () => {
  it('fades in and out linearly at its volume, fades shortened in proportion on a short clip', () => {
    expect(musicGainAt(music, 10, 0)).toBe(0);
    expect(musicGainAt(music, 10, 0.5)).toBeCloseTo(0.2);
    expect(musicGainAt(music, 10, 5)).toBeCloseTo(0.4);
    expect(musicGainAt(music, 10, 9.25)).toBeCloseTo(0.2);
    expect(musicGainAt(music, 10, 10)).toBe(0);
    expect(musicGainAt(music, 10, 11)).toBe(0);
    // 2.5 s of fades in a 2 s clip: 0.8 s in, 1.2 s out.
    const short = musicFades(music, 2);
    expect(short.fadeIn).toBeCloseTo(0.8);
    expect(short.fadeOut).toBeCloseTo(1.2);
    expect(musicGainAt({ ...music, volume: 3 }, 10, 5)).toBe(1);
  });

  it('ducks by the compressor curve: nothing under the threshold, ~12 dB for talk at -20 dBFS', () => {
    expect(duckGain(0)).toBe(1);
    expect(duckGain(DUCKING.threshold)).toBe(1);
    const talk = duckGain(0.1);
    expect(20 * Math.log10(talk)).toBeCloseTo(-12.6, 1);
    expect(duckGain(0.3)).toBeLessThan(talk);
  });

  it('pulls the music down at the attack time and lets it back at the release time', () => {
    expect(duckTimeConstant(1, 0.3)).toBe(DUCKING.attack / 1000);
    expect(duckTimeConstant(0.3, 1)).toBe(DUCKING.release / 1000);
  });

  it('measures a block of samples by its RMS', () => {
    expect(rms(new Float32Array([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5);
    expect(rms(new Float32Array(0))).toBe(0);
  });
});

describe('the preview playhead', () => {
  it('draws frames inside the clip, loops or ends on the last one', () => {
    expect(atTime(5.9, 6, 30, true)).toBe('draw');
    expect(atTime(5.99, 6, 30, true)).toBe('loop');
    expect(atTime(6.2, 6, 30, false)).toBe('end');
    expect(lastFrameTime(6, 30)).toBeCloseTo(5.967, 3);
    expect(lastFrameTime(0.01, 30)).toBe(0);
  });

  it('steps one frame on the output grid, within the clip', () => {
    expect(stepFrame(1, 1, 6, 30)).toBeCloseTo(1 + 1 / 30);
    expect(stepFrame(1.01, -1, 6, 30)).toBeCloseTo(29 / 30);
    expect(stepFrame(0, -1, 6, 30)).toBe(0);
    expect(stepFrame(5.967, 1, 6, 30)).toBeCloseTo(lastFrameTime(6, 30));
  });

  it('counts the frames the video showed between two drawn ones', () => {
    expect(droppedBetween(undefined, 10)).toBe(0);
    expect(droppedBetween(10, 11)).toBe(0);
    expect(droppedBetween(10, 13)).toBe(2);
    expect(droppedBetween(13, 10)).toBe(0);
  });
});
