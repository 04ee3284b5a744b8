import { expect, test } from 'vitest';
import { type OutputFacts, outputProblems } from '../../src/domain/media/outputCheck';

const short = { durationSec: 6, codec: 'avc', fps: 30, width: 1080, height: 1920, audio: true } as const;
const good: OutputFacts = {
  durationSec: 6.02,
  video: { codec: 'avc', width: 1080, height: 1920, frames: 180, duplicateTimestamps: 0 },
  hasAudio: true,
  decodeError: null,
};

test('a short as planned passes', () => {
  expect(outputProblems(good, short)).toEqual([]);
});

test('each way a file can be wrong is named', () => {
  expect(outputProblems({ ...good, video: null }, short)).toEqual(['it has no video track']);
  expect(outputProblems({ ...good, durationSec: 0.46, video: { ...good.video!, frames: 14 } }, short)).toEqual([
    'it lasts 0.46 s, not 6.00 s',
    'it has 14 frames, not 180 (30 fps)',
  ]);
  // The 1000 fps WebM cut: thousands of frames for a few seconds.
  expect(outputProblems({ ...good, video: { ...good.video!, frames: 6000 } }, short)).toEqual(['it has 6000 frames, not 180 (30 fps)']);
  expect(outputProblems({ ...good, video: { ...good.video!, width: 1920, height: 1080, codec: 'hevc' } }, short)).toEqual([
    'its video is hevc, not H.264',
    'its picture is 1920×1080, not 1080×1920',
  ]);
  expect(outputProblems({ ...good, hasAudio: false, decodeError: 'its last frames don’t decode (EncodingError)' }, short)).toEqual([
    'its sound is missing',
    'its last frames don’t decode (EncodingError)',
  ]);
  expect(outputProblems({ ...good, video: { ...good.video!, duplicateTimestamps: 3 } }, short)).toEqual(['3 of its frames share a timestamp with another']);
  // The garbled WebKit render: it decodes, and its picture is not the recording's.
  const garbled = [
    { outputTime: 1.8, diff: 66 },
    { outputTime: 3.3, diff: 67.5 },
  ];
  expect(outputProblems({ ...good, picture: garbled }, short)).toEqual([
    'its picture does not match the recording (mean difference 68/255 at 3.3 s of the clip)',
  ]);
  expect(outputProblems({ ...good, picture: [{ outputTime: 1.8, diff: 3.9 }] }, short)).toEqual([]);
});

test('a cut keeps its source’s codec and timing: only its length, frames’ timestamps and decoding are checked', () => {
  const cut = { durationSec: 3, audio: false };
  expect(outputProblems({ ...good, durationSec: 3.03, video: { ...good.video!, codec: 'hevc', frames: 91 }, hasAudio: false }, cut)).toEqual([]);
  expect(outputProblems({ ...good, durationSec: 3.5 }, cut)).toEqual(['it lasts 3.50 s, not 3.00 s']);
  // A fast copy starts at the keyframe before: longer by up to a GOP is right, shorter is not.
  const copy = { ...cut, mayRunLongerSec: 20 };
  expect(outputProblems({ ...good, durationSec: 5.2, hasAudio: false }, copy)).toEqual([]);
  expect(outputProblems({ ...good, durationSec: 1.8, hasAudio: false }, copy)).toEqual(['it lasts 1.80 s, not 3.00 s']);
  expect(outputProblems({ ...good, durationSec: 30, hasAudio: false }, copy)).toEqual(['it lasts 30.00 s, not 3.00 s']);
});
