import { describe, expect, it } from 'vitest';
import { isHdrTransfer } from '../../src/domain/recording/meta';
import { metaFromProbe, ProbeError, probeHeader } from '../../src/media/ffmpeg/probe';

const probe = (streams: object[], format: object = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '20.000' }) => JSON.stringify({ streams, format });
const h264 = { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001' };
const aac = { codec_type: 'audio', codec_name: 'aac' };

describe('metaFromProbe', () => {
  it('reads duration, size, frame rate and codecs', () => {
    expect(metaFromProbe(probe([h264, aac]))).toEqual({
      durationSec: 20,
      width: 1920,
      height: 1080,
      fps: 29.97,
      rotation: 0,
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      videoCodec: 'h264',
      audioCodec: 'aac',
      hasAudio: true,
    });
  });
  it('reads phone rotation from the display matrix or the rotate tag', () => {
    expect(metaFromProbe(probe([{ ...h264, side_data_list: [{ rotation: -90 }] }])).rotation).toBe(90);
    expect(metaFromProbe(probe([{ ...h264, tags: { rotate: '270' } }])).rotation).toBe(90);
    expect(metaFromProbe(probe([{ ...h264, side_data_list: [{ rotation: 180 }] }])).rotation).toBe(180);
  });
  it('falls back to the stream duration, then to the readable end (MediaRecorder WebM has no duration)', () => {
    const webm = { format_name: 'matroska,webm' };
    expect(metaFromProbe(probe([{ ...h264, duration: '12.5' }], webm)).durationSec).toBe(12.5);
    const live = metaFromProbe(probe([h264], webm), { sec: 33.3 });
    expect(live.durationSec).toBe(33.3);
    expect(live).not.toHaveProperty('declaredDurationSec');
    expect(() => metaFromProbe(probe([h264], webm))).toThrow(expect.objectContaining({ code: 'truncated' }));
  });
  it('keeps the header duration when the readable end agrees, and reports a cut-short file when it does not', () => {
    expect(metaFromProbe(probe([h264, aac]), { sec: 19.4 })).toMatchObject({ durationSec: 20 });
    expect(metaFromProbe(probe([h264, aac]), { sec: 19.4 })).not.toHaveProperty('declaredDurationSec');
    expect(metaFromProbe(probe([h264, aac]), { sec: 6 })).toMatchObject({ durationSec: 6, declaredDurationSec: 20 });
    // An MP4 whose boxes run past its end is cut short, however little is missing.
    expect(metaFromProbe(probe([h264, aac]), { sec: 19.9, cutShort: true })).toMatchObject({ durationSec: 19.9, declaredDurationSec: 20 });
    expect(() => metaFromProbe(probe([h264, aac]), { sec: 0, cutShort: true })).toThrow(expect.objectContaining({ code: 'truncated' }));
  });
  it('names what is wrong with files that are not videos', () => {
    expect(() => metaFromProbe(probe([aac]))).toThrow(ProbeError);
    expect(() => metaFromProbe(probe([aac]))).toThrow(expect.objectContaining({ code: 'no-video' }));
    // Cover art is a one-frame "video" stream: an audio file with it is still not a recording.
    expect(() => metaFromProbe(probe([aac, { ...h264, codec_name: 'mjpeg', disposition: { attached_pic: 1 } }]))).toThrow(
      expect.objectContaining({ code: 'no-video' }),
    );
    expect(() => metaFromProbe(probe([{ ...h264, codec_name: undefined, codec_tag_string: 'apcn' }]))).toThrow(
      expect.objectContaining({ code: 'codec-unsupported', codec: 'apcn' }),
    );
    expect(() => metaFromProbe(probe([{ ...h264, codec_name: 'png' }], { format_name: 'png_pipe' }))).toThrow(expect.objectContaining({ code: 'no-video' }));
    expect(() => metaFromProbe('')).toThrow(expect.objectContaining({ code: 'unreadable' }));
  });
  it('leaves out an audio track without a codec (its sample description is missing) and says so', () => {
    const m = metaFromProbe(probe([h264, { codec_type: 'audio', codec_tag_string: '[0][0][0][0]', sample_rate: '0' }]));
    expect(m).toMatchObject({ hasAudio: false, audioUnreadable: true });
    expect(m).not.toHaveProperty('audioCodec');
    expect(metaFromProbe(probe([h264]))).not.toHaveProperty('audioUnreadable');
  });
  it('gives the start time and the header duration before packets are read', () => {
    expect(probeHeader(probe([h264], { format_name: 'matroska,webm', start_time: '1.5' }))).toEqual({ startSec: 1.5 });
    expect(probeHeader(probe([h264]))).toEqual({ startSec: 0, durationSec: 20 });
  });
  it('uses r_frame_rate when the average is missing, and reports no audio', () => {
    const m = metaFromProbe(probe([{ ...h264, avg_frame_rate: '0/0', r_frame_rate: '25/1' }]));
    expect(m).toMatchObject({ fps: 25, hasAudio: false });
    expect(m.audioCodec).toBeUndefined();
  });
  it('keeps the colour tags a render needs (HDR transfer, matrix), not unknown ones', () => {
    const hlg = metaFromProbe(probe([{ ...h264, color_space: 'bt2020nc', color_transfer: 'arib-std-b67' }]));
    expect(hlg).toMatchObject({ colorMatrix: 'bt2020nc', colorTransfer: 'arib-std-b67' });
    expect(isHdrTransfer(hlg.colorTransfer)).toBe(true);
    expect(isHdrTransfer('bt709')).toBe(false);
    const untagged = metaFromProbe(probe([{ ...h264, color_space: 'unknown', color_transfer: 'unknown' }]));
    expect(untagged.colorMatrix).toBeUndefined();
    expect(untagged.colorTransfer).toBeUndefined();
  });
  it('keeps a real creation_time (container first, else a stream), not the zero dates', () => {
    const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';
    const tagged = (t: string) => ({ format_name: mp4, duration: '20', tags: { creation_time: t } });
    expect(metaFromProbe(probe([h264], tagged('2026-03-14T18:00:05.000000Z'))).creationTimeMs).toBe(Date.UTC(2026, 2, 14, 18, 0, 5));
    const streamOnly = metaFromProbe(probe([{ ...h264, tags: { creation_time: '2026-03-14T18:00:06.000000Z' } }]));
    expect(streamOnly.creationTimeMs).toBe(Date.UTC(2026, 2, 14, 18, 0, 6));
    expect(metaFromProbe(probe([h264], tagged('1904-01-01T00:00:00.000000Z')))).not.toHaveProperty('creationTimeMs');
    expect(metaFromProbe(probe([h264], tagged('1970-01-01T00:00:00.000000Z')))).not.toHaveProperty('creationTimeMs');
    expect(metaFromProbe(probe([h264], tagged('garbage')))).not.toHaveProperty('creationTimeMs');
  });
});
