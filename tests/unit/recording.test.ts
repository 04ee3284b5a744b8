import { describe, expect, it } from 'vitest';
import { displaySize, formatDuration, recordingWarnings, type RecordingMeta } from '../../src/domain/recording/meta';

const meta: RecordingMeta = {
  durationSec: 35,
  width: 640,
  height: 360,
  fps: 30,
  rotation: 0,
  container: 'mov,mp4',
  videoCodec: 'h264',
  audioCodec: 'aac',
  hasAudio: true,
};

describe('recording facts as shown', () => {
  it('gives the display size of a rotated phone video', () => {
    expect(displaySize({ ...meta, rotation: 90 })).toEqual({ width: 360, height: 640 });
    expect(displaySize({ ...meta, rotation: 270 })).toEqual({ width: 360, height: 640 });
    expect(displaySize({ ...meta, rotation: 180 })).toEqual({ width: 640, height: 360 });
  });
  it('shows tenths under a minute, so a sub-second file is not 0:00', () => {
    expect(formatDuration(0.4)).toBe('0:00.4');
    expect(formatDuration(35)).toBe('0:35');
    expect(formatDuration(5.97)).toBe('0:06');
    expect(formatDuration(3725.4)).toBe('1:02:05');
  });
  it('warns about a cut-short file and an unreadable audio track, and about nothing else', () => {
    expect(recordingWarnings(meta)).toEqual([]);
    const [cut] = recordingWarnings({ ...meta, durationSec: 5.9, declaredDurationSec: 35 });
    expect(cut).toMatch(/^Only 0:05\.9 of 0:35 could be read: the file looks cut short\./);
    const [audio] = recordingWarnings({ ...meta, hasAudio: false, audioUnreadable: true });
    expect(audio).toMatch(/audio track can't be read/);
  });
});
