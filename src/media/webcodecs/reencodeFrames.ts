/**
 * Decodes a run of H.264 packets and re-encodes the frames of a time range with WebCodecs: the
 * head and tail of a smart cut. Runs in a worker; every VideoFrame is closed as soon as it has
 * been handed to the encoder.
 */
import { EncodedPacket } from 'mediabunny';
import { EngineUnsupportedError } from '../engine';
import { messageOf } from '../../domain/errors/messageOf';
import { bytesOf, parseAvcC, repairAvcC, type AvcConfig } from './avc';

export interface ReencodeJob {
  /** Source packets in decode order, from a key packet on, covering every frame to keep. */
  packets: readonly EncodedPacket[];
  decoderConfig: VideoDecoderConfig;
  encoderConfig: VideoEncoderConfig;
  /** Presentation timestamps (s) of the first and last frame to keep, inclusive. */
  from: number;
  to: number;
  onFrame?: () => void;
}

export interface ReencodedRun {
  /** Decode order, 4-byte NAL lengths, source timestamps; the first packet is an IDR. */
  packets: EncodedPacket[];
  /** The encoder's avcC record and its parse. */
  avcC: Uint8Array;
  config: AvcConfig;
}

const EPS = 1e-4;
const MAX_DECODE_QUEUE = 4;
const MAX_ENCODE_QUEUE = 6;

/** The first codec string this browser's encoder takes at this size, with the given settings. */
export async function pickEncoderConfig(base: Omit<VideoEncoderConfig, 'codec'>, codecs: readonly string[]): Promise<VideoEncoderConfig> {
  for (const codec of codecs) {
    const config: VideoEncoderConfig = { ...base, codec, avc: { format: 'avc' } };
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
    if (support?.supported) return config;
  }
  throw new EngineUnsupportedError('encode', `This browser cannot encode H.264 at ${base.width}×${base.height}.`);
}

export async function reencodeFrames(job: ReencodeJob): Promise<ReencodedRun> {
  // Frame timestamps come back in whole microseconds: map them to the exact source seconds.
  const keep = new Map<number, { timestamp: number; duration: number }>();
  for (const p of job.packets) {
    if (p.timestamp >= job.from - EPS && p.timestamp <= job.to + EPS) {
      keep.set(Math.round(p.timestamp * 1e6), { timestamp: p.timestamp, duration: p.duration });
    }
  }
  const out: EncodedPacket[] = [];
  // Written from codec callbacks (an object, so TypeScript does not narrow them to null).
  const got: { avcC: Uint8Array | null; failure: Error | null } = { avcC: null, failure: null };
  let wake = (): void => {};
  const fail = (code: 'decode' | 'encode') => (e: DOMException) => {
    got.failure ??= new EngineUnsupportedError(code, `The browser's H.264 ${code}r failed: ${e.message}`);
    wake();
  };

  let encoded = 0;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const desc = meta?.decoderConfig?.description;
      // Its SPS/PPS go in-band into the cut: Firefox's doubled header bytes are repaired first.
      if (desc && !got.avcC) {
        try {
          got.avcC = repairAvcC(bytesOf(desc).slice());
        } catch (e) {
          got.failure ??= new EngineUnsupportedError('encode', `The browser's H.264 encoder wrote a broken avcC: ${messageOf(e)}`);
          wake();
        }
      }
      const src = keep.get(chunk.timestamp);
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      out.push(new EncodedPacket(data, chunk.type, src?.timestamp ?? chunk.timestamp / 1e6, src?.duration ?? (chunk.duration ?? 0) / 1e6));
    },
    error: fail('encode'),
  });
  const decoder = new VideoDecoder({
    output: (frame) => {
      try {
        if (!got.failure && keep.has(frame.timestamp)) {
          encoder.encode(frame, { keyFrame: encoded === 0 });
          encoded++;
          job.onFrame?.();
        }
      } catch (e) {
        got.failure ??= new EngineUnsupportedError('encode', `Encoding a frame failed: ${String(e)}`);
      } finally {
        frame.close();
      }
    },
    error: fail('decode'),
  });
  decoder.addEventListener('dequeue', () => wake());
  encoder.addEventListener('dequeue', () => wake());
  // Backpressure: a few frames in flight at most, however fast the packets arrive.
  const roomToDecode = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (got.failure || (decoder.decodeQueueSize <= MAX_DECODE_QUEUE && encoder.encodeQueueSize <= MAX_ENCODE_QUEUE)) {
          wake = () => {};
          resolve();
        }
      };
      wake = check;
      check();
    });

  try {
    try {
      encoder.configure(job.encoderConfig);
      decoder.configure(job.decoderConfig);
    } catch (e) {
      throw new EngineUnsupportedError('encode', `Configuring the H.264 codecs failed: ${String(e)}`);
    }
    for (const p of job.packets) {
      await roomToDecode();
      if (got.failure) throw got.failure;
      decoder.decode(new EncodedVideoChunk({ type: p.type, timestamp: Math.round(p.timestamp * 1e6), duration: Math.round(p.duration * 1e6), data: p.data }));
    }
    await decoder.flush().catch(() => {});
    if (got.failure) throw got.failure;
    await encoder.flush().catch(() => {});
    if (got.failure) throw got.failure;
  } finally {
    if (decoder.state !== 'closed') decoder.close();
    if (encoder.state !== 'closed') encoder.close();
  }
  if (encoded !== keep.size) {
    throw new EngineUnsupportedError('decode', `Decoded ${encoded} of the ${keep.size} frames to re-encode.`);
  }
  const record = got.avcC;
  if (!record || out[0]?.type !== 'key') {
    throw new EngineUnsupportedError('encode', 'The H.264 encoder gave no avcC record or no keyframe first.');
  }
  return { packets: out, avcC: record, config: parseAvcC(record) };
}
