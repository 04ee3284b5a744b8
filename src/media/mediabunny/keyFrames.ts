/**
 * The frames at a video track's key packets, decoded one after another with no flush between them:
 * the browser's decoder works on the next ones while the caller looks at this one. (mediabunny's
 * samplesAtTimestamps flushes at every new keyframe, so decode and use never overlap.) A key
 * packet decodes alone, so only these packets are read.
 */
import { EncodedPacketSink, type InputVideoTrack, VideoSample } from 'mediabunny';

/** Frames decoded ahead of the caller, at most: each holds a picture's memory. */
const AHEAD = 4;

export async function* keyFrames(track: InputVideoTrack, timestamps: readonly number[]): AsyncGenerator<VideoSample> {
  const config = await track.getDecoderConfig();
  if (!config) throw new Error(`This browser can't decode the recording's video (${track.codec ?? 'unknown codec'}).`);
  const ready: VideoSample[] = [];
  let failure: unknown;
  let finished = false;
  // The pump and the caller may both be waiting: each change wakes every waiter.
  const waiting: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiting.push(resolve));
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  const decoder = new VideoDecoder({
    output: (frame) => {
      ready.push(new VideoSample(frame, { rotation: track.rotation }));
      wake();
    },
    error: (e) => {
      failure = e;
      wake();
    },
  });
  decoder.addEventListener('dequeue', wake);
  decoder.configure(config);
  const packets = new EncodedPacketSink(track);
  const pump = (async () => {
    for (const t of timestamps) {
      const packet = await packets.getKeyPacket(t, { verifyKeyPackets: true });
      if (!packet || failure !== undefined || decoder.state === 'closed') continue;
      while (decoder.decodeQueueSize + ready.length >= AHEAD && failure === undefined) await changed();
      decoder.decode(packet.toEncodedVideoChunk());
    }
    if (decoder.state === 'configured') await decoder.flush();
  })()
    .catch((e: unknown) => (failure ??= e))
    .finally(() => {
      finished = true;
      wake();
    });
  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        wake();
        yield next;
      } else if (failure !== undefined) throw failure;
      else if (finished) break;
      else await changed();
    }
  } finally {
    for (const s of ready.splice(0)) s.close();
    if (decoder.state !== 'closed') decoder.close();
    await pump;
  }
}
