/**
 * "Follow the host" (issue 23): from faces found in frames of a clip, the pins of a crop path a
 * camera operator would take (cropPath.ts draws it). The camera holds while the subject stays in
 * the middle of the window (a dead zone), then pans to centre it, arriving when it gets there (the
 * whole clip is known in advance); a pin is at least MIN_HOLD_SEC after the last, so the crop never
 * turns back sooner; a frame without a face holds. Faces that fit in the window together are framed
 * together, else the one on the side the voice comes from (voiceSide.ts), else the largest. Pure:
 * positions are shares of the source's width.
 */
import { clampCropX } from './reframe';
import type { CropPin } from './cropPath';
import type { Side } from './voiceSide';

/** A face in a frame: its box as shares of the frame's width and height, and the detector's score. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** The faces in the frame at clip time `t` (seconds), and the side the voice came from then, where the sound says. */
export interface FaceSample {
  t: number;
  faces: FaceBox[];
  voice?: Side;
}

/** The subject inside this middle share of the window: the camera holds. */
export const DEAD_ZONE = 0.5;
/** Pins at least this far apart: the crop never turns back sooner than this. */
export const MIN_HOLD_SEC = 1;
/** Faces spread over more than this share of the window are not framed together. */
const TOGETHER = 0.9;

/** Whether the faces are spread too wide to be framed together. */
export const tooFarApart = (faces: readonly FaceBox[], windowShare: number): boolean =>
  Math.max(...faces.map((f) => f.x + f.width)) - Math.min(...faces.map((f) => f.x)) > windowShare * TOGETHER;

const centreOf = (f: FaceBox) => f.x + f.width / 2;

/** Where the subject's centre is in one frame (share of the width), or undefined without a face. */
export function subjectX(faces: readonly FaceBox[], windowShare: number, voice?: Side): number | undefined {
  if (faces.length === 0) return undefined;
  if (!tooFarApart(faces, windowShare)) return (Math.min(...faces.map((f) => f.x)) + Math.max(...faces.map((f) => f.x + f.width))) / 2;
  // The speaker is the face furthest to the side their voice is on.
  if (voice) return (voice === 'left' ? Math.min : Math.max)(...faces.map(centreOf));
  return centreOf(faces.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a)));
}

/** A square of a frame the detector looks at, in the frame's pixels. */
export interface Tile {
  x: number;
  y: number;
  size: number;
}

/**
 * Squares as tall (or as wide) as the frame, overlapping, that cover it: the detector squeezes what
 * it gets into a square, so a 16:9 frame whole would shrink a host's face to a few pixels.
 */
export function frameTiles(width: number, height: number): Tile[] {
  const size = Math.min(width, height);
  const along = Math.max(width, height);
  const n = Math.ceil(along / size);
  return Array.from({ length: n }, (_, i) => {
    const at = n === 1 ? 0 : Math.round((i * (along - size)) / (n - 1));
    return width >= height ? { x: at, y: 0, size } : { x: 0, y: at, size };
  });
}

const overlap = (a: FaceBox, b: FaceBox) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
};

/** Faces found in overlapping tiles, each once: of boxes overlapping by a third or more, the surest stays. */
export function mergeFaces(faces: readonly FaceBox[]): FaceBox[] {
  const kept: FaceBox[] = [];
  for (const f of [...faces].sort((a, b) => b.score - a.score)) if (!kept.some((k) => overlap(k, f) >= 1 / 3)) kept.push(f);
  return kept;
}

const median3 = (a: number, b: number, c: number) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

/**
 * The pins that follow the subject, for a crop window `windowShare` of the source's width wide;
 * none when no frame has a face (the crop then stays where it was).
 */
export function hostPins(samples: readonly FaceSample[], windowShare: number): CropPin[] {
  const slack = 1 - windowShare;
  if (!(slack > 0)) return [];
  const xFor = (centre: number) => clampCropX((centre - windowShare / 2) / slack);
  const seen = samples.flatMap((s) => {
    const centre = subjectX(s.faces, windowShare, s.voice);
    return centre === undefined ? [] : [{ t: s.t, centre }];
  });
  // A median of three: one stray detection does not move the camera.
  const steady = seen.map((s, i) => ({ t: s.t, centre: median3(seen[i - 1]?.centre ?? s.centre, s.centre, seen[i + 1]?.centre ?? s.centre) }));
  const [first, ...rest] = steady;
  if (!first) return [];
  const pins: CropPin[] = [{ t: first.t, x: xFor(first.centre) }];
  for (const s of rest) {
    const last = pins[pins.length - 1]!;
    const windowCentre = last.x * slack + windowShare / 2;
    if (Math.abs(s.centre - windowCentre) <= (DEAD_ZONE * windowShare) / 2 || s.t - last.t < MIN_HOLD_SEC) continue;
    const x = xFor(s.centre);
    if (x !== last.x) pins.push({ t: s.t, x });
  }
  return pins;
}
