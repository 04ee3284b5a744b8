/**
 * "Follow the host" for one clip (issue 23): faces found in the clip's keyframes, or 2.5 frames a
 * second where keyframes are further apart (the face worker), then the pins a camera operator's crop takes through them (domain/edit/hostPath.ts).
 */
import type { JobContext } from './jobRunner';
import { followHostPins, reframeUntouched } from '../domain/edit/commands';
import type { CropPin } from '../domain/edit/cropPath';
import { hostPins, tooFarApart } from '../domain/edit/hostPath';
import { type ClipEdit, DESIGN } from '../domain/edit/model';
import { followsHostByDefault, reframeGeometry, type ReframeSource } from '../domain/edit/reframe';
import { FaceClient } from '../media/face/client';
import { previewPlayback } from './playback';
import { offline } from './services';

let faces: FaceClient | undefined;
/** The app's one face worker client (kept here, with the editor's code, not on the home page); the detector's files are kept on first use. */
const faceClient = (): FaceClient => (faces ??= new FaceClient((signal) => offline.ensure('face', signal)));

/** Frames looked at where keyframes are more than a second apart: 2.5 a second keeps up with a host walking across. */
export const FACE_STEP_SEC = 0.4;

export interface HostPath {
  pins: CropPin[];
  /** Frames looked at, and how many had a face. */
  frames: number;
  withFace: number;
  /** Frames where two people were too far apart and the one speaking (the voice's side) was framed. */
  bySpeaker: number;
}

export async function findHostPath(recording: Blob, clip: { start: number; end: number }, source: ReframeSource, job: JobContext): Promise<HostPath> {
  job.phase('Finding the host');
  // Measured for the bench (scripts/bench/follow.ts reads it from the page).
  const started = performance.now();
  const { samples, inferSec, loadSec, detectSec } = await faceClient().detect(recording, clip, FACE_STEP_SEC, {
    signal: job.signal,
    onProgress: (ratio) => job.onProgress({ ratio }),
    hold: (held) => previewPlayback.follow(held),
    still: () => previewPlayback.whenStill(job.signal),
  });
  performance.measure('lhs:follow', { start: started, detail: { inferSec, loadSec, detectSec } });
  const g = reframeGeometry(source, DESIGN, 'crop');
  const windowShare = g.crop.width / g.source.width;
  return {
    pins: hostPins(samples, windowShare),
    frames: samples.length,
    withFace: samples.filter((s) => s.faces.length > 0).length,
    bySpeaker: samples.filter((s) => s.voice && s.faces.length > 1 && tooFarApart(s.faces, windowShare)).length,
  };
}

/** Whether a clip's auto-edit looks for the host before it is shown or rendered: a 16:9 (or wider) recording, the reframe nobody chose. */
export const looksForHostByDefault = (edit: ClipEdit, source: ReframeSource): boolean => followsHostByDefault(source) && reframeUntouched(edit);

/** An auto-edit as it renders by default: following the host where `looksForHostByDefault` and a face is found, else as it is. */
export async function withDefaultFollow(
  edit: ClipEdit,
  recording: Blob,
  clip: { start: number; end: number },
  source: ReframeSource,
  job: JobContext,
): Promise<ClipEdit> {
  if (!looksForHostByDefault(edit, source)) return edit;
  const { pins } = await findHostPath(recording, clip, source, job);
  return pins.length > 0 ? followHostPins.apply(edit, pins) : edit;
}
