/**
 * The loudness envelope with mediabunny and the browser's audio decoder (WebCodecs), without
 * loading ffmpeg.wasm: the first audio track decoded chunk by chunk, each chunk measured and let
 * go (memory stays flat over hours). Null where the browser can't decode the track: ffmpeg's then.
 */
import { ALL_FORMATS, AudioSampleSink, BlobSource, Input } from 'mediabunny';
import type { Loudness } from '../../domain/recording/loudness';
import { LoudnessMeter } from '../../domain/recording/loudnessMeter';
import { decodableAudioTrack } from './mpegAudio';

export async function measureLoudness(recording: Blob, stepSec: number, onProgress: (ratio: number) => void): Promise<Loudness | null> {
  if (typeof AudioDecoder === 'undefined') return null;
  const input = new Input({ source: new BlobSource(recording), formats: ALL_FORMATS });
  try {
    const track = await decodableAudioTrack(input);
    if (!track) return null;
    const duration = await input.computeDuration();
    const meter = new LoudnessMeter(stepSec);
    let planes: Float32Array[] = [];
    for await (const sample of new AudioSampleSink(track).samples()) {
      const frames = sample.numberOfFrames;
      if (planes.length !== sample.numberOfChannels || (planes[0]?.length ?? 0) < frames) {
        planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(frames));
      }
      const views = planes.map((p) => p.subarray(0, frames));
      for (const [planeIndex, view] of views.entries()) sample.copyTo(view, { planeIndex, format: 'f32-planar' });
      meter.add(views, sample.timestamp, sample.sampleRate);
      sample.close();
      if (duration > 0) onProgress(Math.min(1, sample.timestamp / duration));
    }
    const loudness = meter.finish();
    return loudness.db.length > 0 ? loudness : null;
  } finally {
    input.dispose();
  }
}
