/**
 * Whether a file we wrote is what was asked for, from facts read back out of it
 * (media/webcodecs/outputFacts.ts): a file that decodes clean can still be wrong (a WebKit render
 * once did), and one that is broken must never be called done.
 */
import { pictureProblem } from './pictureCheck';

/** What reading the file back found. */
export interface OutputFacts {
  durationSec: number;
  video: { codec: string | null; width: number; height: number; frames: number; duplicateTimestamps: number } | null;
  hasAudio: boolean;
  /** Decoding the first and last group of pictures: null when both gave a frame, else what went wrong. */
  decodeError: string | null;
  /** The output's picture against its source at a few moments (pictureCheck.ts), when it was compared. */
  picture?: Array<{ outputTime: number; diff: number }>;
}

/** What the plan asked for. */
export interface OutputExpectation {
  durationSec: number;
  /** A copy cut starts at the keyframe before its start: it may run up to this much longer. */
  mayRunLongerSec?: number;
  /** A short is H.264 (mediabunny's 'avc'); a cut keeps its source's codec. */
  codec?: 'avc';
  /** Constant output rate (a short); absent for a cut, which keeps its source's timing. */
  fps?: number;
  width?: number;
  height?: number;
  audio: boolean;
}

/** What is wrong with the file, in words for its Details; empty when it is right. */
export function outputProblems(facts: OutputFacts, want: OutputExpectation): string[] {
  const problems: string[] = [];
  const v = facts.video;
  if (!v) return ['it has no video track'];
  if (want.codec && v.codec !== want.codec) problems.push(`its video is ${v.codec ?? 'an unknown codec'}, not H.264`);
  if (want.width !== undefined && (v.width !== want.width || v.height !== want.height)) {
    problems.push(`its picture is ${v.width}×${v.height}, not ${want.width}×${want.height}`);
  }
  // Two frames' leeway (a cut ends on a frame boundary), at least 0.1 s.
  const slack = Math.max(0.1, 2 / (want.fps ?? 30));
  const over = facts.durationSec - want.durationSec;
  if (over < -slack || over > slack + (want.mayRunLongerSec ?? 0)) {
    problems.push(`it lasts ${facts.durationSec.toFixed(2)} s, not ${want.durationSec.toFixed(2)} s`);
  }
  if (want.fps !== undefined) {
    const expected = Math.round(want.durationSec * want.fps);
    if (Math.abs(v.frames - expected) > 2) problems.push(`it has ${v.frames} frames, not ${expected} (${want.fps} fps)`);
  }
  if (v.duplicateTimestamps > 0) problems.push(`${v.duplicateTimestamps} of its frames share a timestamp with another`);
  if (want.audio && !facts.hasAudio) problems.push('its sound is missing');
  if (facts.decodeError) problems.push(facts.decodeError);
  const picture = facts.picture && pictureProblem(facts.picture);
  if (picture) problems.push(picture);
  return problems;
}
