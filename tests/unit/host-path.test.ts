import { describe, expect, it } from 'vitest';
import { cropXAt } from '../../src/domain/edit/cropPath';
import { type FaceSample, frameTiles, hostPins, mergeFaces, MIN_HOLD_SEC, subjectX } from '../../src/domain/edit/hostPath';

/** 16:9 into 9:16: the window is 0.316 of the width. */
const WINDOW = (9 / 16) ** 2;
const face = (centre: number, size = 0.08) => ({ x: centre - size / 2, y: 0.3, width: size, height: size * 1.8, score: 0.9 });
const every = (sec: number, fps: number, at: (t: number) => FaceSample['faces']): FaceSample[] =>
  Array.from({ length: Math.round(sec * fps) }, (_, i) => ({ t: i / fps, faces: at(i / fps) }));
const inWindow = (pins: ReturnType<typeof hostPins>, t: number, centre: number) => {
  const left = cropXAt(pins, undefined, t) * (1 - WINDOW);
  return centre >= left && centre <= left + WINDOW;
};

describe('following the host', () => {
  it('keeps a face crossing the frame inside the crop in every sampled frame', () => {
    const path = (t: number) => 0.12 + (0.76 * t) / 8;
    const samples = every(8, 5, (t) => [face(path(t))]);
    const pins = hostPins(samples, WINDOW);
    expect(pins.length).toBeGreaterThan(2);
    for (let t = 0; t < 8; t += 1 / 30) expect(inWindow(pins, t, path(t)), `at ${t.toFixed(2)} s`).toBe(true);
  });

  it('pins at least MIN_HOLD_SEC apart, so the crop never turns back sooner', () => {
    const samples = every(10, 5, (t) => [face(0.5 + 0.35 * Math.sin(t * 2))]);
    const pins = hostPins(samples, WINDOW);
    for (const [i, p] of pins.slice(1).entries()) expect(p.t - pins[i]!.t).toBeGreaterThanOrEqual(MIN_HOLD_SEC);
  });

  it('holds for a face that stays put, and for small jitter or one stray detection', () => {
    const samples = every(6, 5, (t) => [face(0.3 + 0.01 * Math.sin(t * 20))]);
    samples[12] = { t: samples[12]!.t, faces: [face(0.9)] };
    expect(hostPins(samples, WINDOW)).toHaveLength(1);
  });

  it('holds where the face is lost, and has no pins without any face', () => {
    const samples = every(4, 5, (t) => (t > 1 && t < 3 ? [] : [face(0.3)]));
    expect(hostPins(samples, WINDOW)).toHaveLength(1);
    expect(
      hostPins(
        every(4, 5, () => []),
        WINDOW,
      ),
    ).toEqual([]);
  });

  it('frames two faces together while they fit, else the larger one', () => {
    expect(subjectX([face(0.4), face(0.6)], WINDOW)).toBeCloseTo(0.5, 6);
    expect(subjectX([face(0.1, 0.06), face(0.8, 0.12)], WINDOW)).toBeCloseTo(0.8, 6);
  });

  it('frames the one speaking where two people do not fit together, and together while they do', () => {
    const apart = [face(0.1, 0.06), face(0.8, 0.12)];
    expect(subjectX(apart, WINDOW, 'left')).toBeCloseTo(0.1, 6);
    expect(subjectX(apart, WINDOW, 'right')).toBeCloseTo(0.8, 6);
    expect(subjectX([face(0.4), face(0.6)], WINDOW, 'left')).toBeCloseTo(0.5, 6);
    // The voice moves to the smaller, left face at 4 s: the crop follows it there and stays.
    const samples = every(8, 1, () => [face(0.1, 0.06), face(0.8, 0.12)]).map((s) => ({ ...s, voice: s.t >= 4 ? ('left' as const) : ('right' as const) }));
    const pins = hostPins(samples, WINDOW);
    expect(inWindow(pins, 2, 0.8)).toBe(true);
    expect(inWindow(pins, 6, 0.1)).toBe(true);
    expect(inWindow(pins, 6, 0.8)).toBe(false);
  });
});

describe('looking for faces in squares of the frame', () => {
  it('covers a 16:9 frame with two squares as tall as it, and a portrait one with squares as wide', () => {
    expect(frameTiles(1280, 720)).toEqual([
      { x: 0, y: 0, size: 720 },
      { x: 560, y: 0, size: 720 },
    ]);
    expect(frameTiles(720, 1280)).toEqual([
      { x: 0, y: 0, size: 720 },
      { x: 0, y: 560, size: 720 },
    ]);
    expect(frameTiles(640, 640)).toEqual([{ x: 0, y: 0, size: 640 }]);
  });

  it('keeps a face found in two overlapping squares once, the surer one; other faces stay', () => {
    const a = { ...face(0.5), score: 0.7 };
    const b = { ...face(0.505), score: 0.9 };
    const other = face(0.2);
    expect(mergeFaces([a, b, other])).toEqual([b, other]);
  });
});
