/**
 * A fast copy with mediabunny: the recording's own packets from the keyframe at or before `start`
 * to `end`, remuxed without decoding (what `ffmpeg -ss -i … -c copy` does, without loading
 * ffmpeg.wasm). In an MP4 the lead-in before `start` is kept but hidden by an edit list, so the
 * clip plays from `start`; Matroska has no edit lists, so there it is shifted to 0. Only the first
 * video and audio tracks, no metadata.
 */
import { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, MkvOutputFormat, Mp4OutputFormat, Output } from 'mediabunny';

export interface CopyRequest {
  recording: Blob;
  start: number;
  end: number;
  /** From the recording's codecs (cutArgs.ts copyContainer): MP4 where it can carry them. */
  container: 'mp4' | 'mkv';
  withAudio: boolean;
}

/** Why a copy was not made here (the caller copies with ffmpeg instead). */
export class CopyUnsupportedError extends Error {
  override name = 'CopyUnsupportedError';
}

export async function copyCut({ recording, start, end, container, withAudio }: CopyRequest, onProgress: (ratio: number) => void): Promise<ArrayBuffer> {
  const input = new Input({ source: new BlobSource(recording), formats: ALL_FORMATS });
  const target = new BufferTarget();
  const format = container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new MkvOutputFormat();
  try {
    const conversion = await Conversion.init({
      input,
      output: new Output({ format, target }),
      tracks: 'primary',
      ...(!withAudio && { audio: { discard: true } }),
      trim: { start, end },
      // The keyframe before the start and everything after it, in sync; shifted only where the container must.
      copy: { mode: 'forced', boundaryPolicy: 'expand', shiftTolerance: Number.POSITIVE_INFINITY },
      tags: {},
      showWarnings: false,
    });
    const video = conversion.utilizedTracks.some((t) => t.isVideoTrack());
    const audioLost = withAudio && conversion.discardedTracks.some((d) => d.track.isAudioTrack());
    if (!conversion.isValid || !video || audioLost) {
      throw new CopyUnsupportedError(`mediabunny cannot copy this recording (${conversion.discardedTracks.map((d) => d.reason).join(', ') || 'no video'})`);
    }
    conversion.onProgress = onProgress;
    await conversion.execute();
    if (!target.buffer) throw new CopyUnsupportedError('mediabunny wrote nothing');
    return target.buffer;
  } finally {
    input.dispose();
  }
}
