/**
 * One short from segments rendered in parallel workers (compose.ts, each a video-only MP4 of its
 * frames, each starting on a keyframe) and the audio mix: their H.264 packets in order, under the
 * first segment's decoder configuration, then the AAC packets, muxed once with the moov first.
 * The encoders run with one configuration, so their parameter sets are the same; if they ever are
 * not, the segments are refused rather than joined under the wrong ones.
 */
import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  Mp4OutputFormat,
  Output,
} from 'mediabunny';
import { clipDuration, type RenderPlan } from '../../domain/edit/plan';
import { EngineUnsupportedError } from '../engine';
import { bytesOf } from './avc';
import type { FrameRange } from '../../domain/edit/segments';
import { addAudio } from './compose';

export interface Segment {
  /** The segment's MP4. */
  data: ArrayBuffer;
  frames: FrameRange;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

export async function joinSegments(plan: RenderPlan, segments: readonly Segment[], audio: Uint8Array | null): Promise<ArrayBuffer> {
  const { fps } = plan.output;
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const video = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(video, { frameRate: fps });
  const audioSource = new EncodedAudioPacketSource('aac');
  output.addAudioTrack(audioSource);
  await output.start();
  let first: VideoDecoderConfig | undefined;
  for (const { data, frames } of segments) {
    const input = new Input({ source: new BufferSource(data), formats: ALL_FORMATS });
    try {
      const track = await input.getPrimaryVideoTrack();
      const config = await track?.getDecoderConfig();
      if (!track || !config?.description) throw new EngineUnsupportedError('mux', 'A rendered segment has no H.264 track.');
      if (first?.description && !sameBytes(bytesOf(first.description), bytesOf(config.description))) {
        throw new EngineUnsupportedError('mux', 'The parallel encoders chose different H.264 parameter sets.');
      }
      // Each segment's frames at their own clip times, whatever the segment's file says its start is.
      const shift = frames.from / fps - (await track.getFirstTimestamp());
      for await (const packet of new EncodedPacketSink(track).packets()) {
        await video.add(packet.clone({ timestamp: packet.timestamp + shift }), first ? undefined : { decoderConfig: config });
        first ??= config;
      }
    } finally {
      input.dispose();
    }
  }
  video.close();
  if (audio) await addAudio(audioSource, audio, clipDuration(plan));
  audioSource.close();
  await output.finalize();
  const joined = output.target.buffer;
  if (!joined) throw new EngineUnsupportedError('mux', 'The MP4 could not be written.');
  return joined;
}
