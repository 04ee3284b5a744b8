/**
 * Reads a file we wrote back with the browser's own demuxer and decoder (mediabunny over
 * WebCodecs): its tracks, duration, frames, and whether its first and last groups of pictures
 * decode. Only packet headers and two GOPs are decoded, so it costs a fraction of the render.
 */
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input, VideoSampleSink } from 'mediabunny';
import type { OutputFacts } from '../../domain/media/outputCheck';
import { messageOf } from '../../domain/errors/messageOf';
import { pictureDiffs, type PictureRequest } from './pictureFacts';

export async function outputFacts(file: Blob, picture?: PictureRequest): Promise<OutputFacts> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    const hasAudio = (await input.getPrimaryAudioTrack()) !== null;
    const durationSec = await input.computeDuration();
    if (!track) return { durationSec, video: null, hasAudio, decodeError: null };
    const seen = new Set<number>();
    let frames = 0;
    let duplicateTimestamps = 0;
    let last = 0;
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
      frames++;
      if (seen.has(packet.timestamp)) duplicateTimestamps++;
      seen.add(packet.timestamp);
      last = Math.max(last, packet.timestamp);
    }
    const decodeError = (await track.canDecode()) ? await decodeEnds(new VideoSampleSink(track), await track.getFirstTimestamp(), last) : null;
    return {
      durationSec,
      video: { codec: track.codec, width: track.displayWidth, height: track.displayHeight, frames, duplicateTimestamps },
      hasAudio,
      decodeError,
      // A file whose ends don't decode has a problem already; its picture says nothing more.
      ...(picture && decodeError === null && { picture: await pictureDiffs(file, picture) }),
    };
  } finally {
    input.dispose();
  }
}

/** Decodes the frames at the first and last timestamps (each from its GOP's keyframe). */
async function decodeEnds(sink: VideoSampleSink, first: number, last: number): Promise<string | null> {
  for (const [where, t] of [
    ['first', first],
    ['last', last],
  ] as const) {
    try {
      const sample = await sink.getSample(t);
      if (!sample) return `its ${where} frame can't be found`;
      sample.close();
    } catch (e) {
      return `its ${where} frames don't decode (${messageOf(e)})`;
    }
  }
  return null;
}
