/**
 * The voice's side through a clip (domain/edit/voiceSide.ts), from the recording's first audio
 * track decoded by the browser (WebCodecs), chunk by chunk. Null where it can't say: no audio this
 * browser decodes, or not stereo.
 */
import type { Input } from 'mediabunny';
import { AudioSampleSink } from 'mediabunny';
import { type SideLevels, SideMeter } from '../../domain/edit/voiceSide';
import { decodableAudioTrack } from './mpegAudio';

export async function measureVoiceSides(input: Input, start: number, end: number): Promise<SideLevels | null> {
  if (typeof AudioDecoder === 'undefined') return null;
  const track = await decodableAudioTrack(input);
  if (track?.numberOfChannels !== 2) return null;
  const meter = new SideMeter(start);
  let left = new Float32Array(0);
  let right = new Float32Array(0);
  for await (const sample of new AudioSampleSink(track).samples(start, end)) {
    const frames = sample.numberOfFrames;
    if (left.length < frames) [left, right] = [new Float32Array(frames), new Float32Array(frames)];
    const [l, r] = [left.subarray(0, frames), right.subarray(0, frames)];
    sample.copyTo(l, { planeIndex: 0, format: 'f32-planar' });
    sample.copyTo(r, { planeIndex: 1, format: 'f32-planar' });
    meter.add(l, r, sample.timestamp, sample.sampleRate);
    sample.close();
  }
  return meter.finish();
}
