import { describe, expect, it } from 'vitest';
import { isHdrTransfer } from '../../src/domain/recording';
import { metaFromProbe, ProbeError } from '../../src/media/ffmpeg/probe';

const probe = (streams: object[], format: object = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '20.000' }) =>
  JSON.stringify({ streams, format });
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
  it('falls back to the stream duration, then to a scanned one (MediaRecorder WebM)', () => {
    expect(metaFromProbe(probe([{ ...h264, duration: '12.5' }], { format_name: 'matroska,webm' })).durationSec).toBe(12.5);
    expect(metaFromProbe(probe([h264], { format_name: 'matroska,webm' }), 33.3).durationSec).toBe(33.3);
    expect(() => metaFromProbe(probe([h264], { format_name: 'matroska,webm' }))).toThrow(/no readable duration/);
  });
  it('says what is wrong with files that are not videos', () => {
    expect(() => metaFromProbe(probe([aac]))).toThrow(ProbeError);
    expect(() => metaFromProbe(probe([aac]))).toThrow(/No video stream/);
    expect(() => metaFromProbe('')).toThrow(/could not be read/);
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
