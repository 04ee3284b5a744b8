import type { RecordingMeta } from '../../domain/recording/meta';

/** Codecs that an MP4 file can carry by stream copy. */
const MP4_VIDEO = new Set(['h264', 'hevc', 'av1', 'vp9', 'mpeg4']);
const MP4_AUDIO = new Set(['aac', 'mp3', 'opus', 'ac3', 'eac3', 'alac', 'flac']);

export function copyContainer(meta: Pick<RecordingMeta, 'videoCodec' | 'audioCodec'>): 'mp4' | 'mkv' {
  const audioOk = meta.audioCodec === undefined || MP4_AUDIO.has(meta.audioCodec);
  return MP4_VIDEO.has(meta.videoCodec) && audioOk ? 'mp4' : 'mkv';
}

/**
 * ffmpeg arguments for one clip. Input seeking (-ss before -i) keeps reads to the range. Without
 * `withAudio` (no audio, or an audio track without a codec) only the video is mapped.
 */
export function cutArgs(input: string, output: string, start: number, end: number, exact: boolean, withAudio = true): string[] {
  const seek = ['-ss', start.toFixed(3), '-i', input, '-t', (end - start).toFixed(3)];
  const maps = ['-map', '0:v:0', ...(withAudio ? ['-map', '0:a:0?'] : []), '-sn', '-dn', '-map_metadata', '-1'];
  // An exact cut is a source for further editing (it is re-encoded again when it becomes a short),
  // so it keeps one CRF step more than the shorts' balanced preset (21; src/domain/edit/quality.ts).
  // Each source frame once, at its own time: MP4 would otherwise get a constant rate from the
  // source's time base, 1000 fps for a MediaRecorder WebM (2,912 copies of frames in a 3 s cut).
  const codec = exact
    ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-fps_mode', 'vfr', '-c:a', 'aac', '-b:a', '160k']
    : ['-c', 'copy', '-avoid_negative_ts', 'make_zero'];
  const mux = output.endsWith('.mp4') ? ['-movflags', '+faststart'] : [];
  return ['-hide_banner', '-nostdin', '-y', ...seek, ...maps, ...codec, ...mux, output];
}

/** A preview of one clip any browser plays: H.264 360 px high, x264's fastest preset, audio kept. */
export function proxyArgs(input: string, output: string, start: number, end: number): string[] {
  const seek = ['-ss', start.toFixed(3), '-i', input, '-t', (end - start).toFixed(3)];
  const maps = ['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn', '-map_metadata', '-1'];
  const codec = ['-vf', 'scale=-2:360', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '28', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '96k'];
  return ['-hide_banner', '-nostdin', '-y', ...seek, ...maps, ...codec, '-movflags', '+faststart', output];
}
