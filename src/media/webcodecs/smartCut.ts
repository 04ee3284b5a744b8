/**
 * Frame-exact cut in about a second ("smart cut"), run in a worker: the frames from `start` to
 * the next keyframe are re-encoded, whole GOPs after it are copied as they are, and a tail that
 * cannot be copied (B-frames referencing frames past `end`) is re-encoded too. Audio packets are
 * copied. Only the bytes of the range are read (BlobSource reads slices).
 *
 * Splicing two H.264 streams needs each segment's SPS/PPS in-band (both use id 0, and one avcC
 * cannot describe both): every IDR gets its segment's parameter sets and the sample entry is
 * `avc3`, which tells players to expect them there.
 */
import {
  ALL_FORMATS,
  BlobSource,
  BufferTarget,
  EncodedAudioPacketSource,
  type EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  Mp4OutputFormat,
  Output,
  type InputAudioTrack,
} from 'mediabunny';
import { DEFAULT_QUALITY, qualityPreset, videoBitrate } from '../../domain/edit/quality';
import { EngineUnsupportedError, MediaError } from '../engine';
import { avc3CodecString, bytesOf, containsIdr, parseAvcC, toLengthSize4, spliceAvcC, withParameterSets, type AvcConfig } from './avc';
import { pickEncoderConfig, reencodeFrames, type ReencodedRun } from './reencodeFrames';

export interface SmartCutResult {
  data: ArrayBuffer;
  method: 'smart' | 'reencode';
  /** Source time (s) of the output's first frame. */
  firstFrameSec: number;
  /** Seconds per stage. */
  timings: Record<string, number>;
}

/** Float slack when matching requested times to frame timestamps. */
const EPS = 1e-3;
/** Longest GOP (IDR to IDR) smart cut takes on: ~20 s at 30 fps. */
const MAX_GOP_PACKETS = 600;

/** A run of packets to write, with the parameter sets its IDRs must carry. */
interface Segment {
  packets: readonly EncodedPacket[];
  /** Its avcC record (the sample entry gets the first segment's) and the parse. */
  avcC: Uint8Array;
  config: AvcConfig;
  lengthSize: number;
  /** Encoder output is all IDR/P; source packets are checked for IDR slices. */
  fromEncoder: boolean;
}

export async function smartCut(recording: Blob, start: number, end: number, onProgress: (ratio: number) => void): Promise<SmartCutResult> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') {
    throw new EngineUnsupportedError('no-webcodecs', 'This browser has no WebCodecs video encoder/decoder.');
  }
  if (!(end > start)) throw new MediaError(`The cut range ${start}–${end} s is empty.`);
  const clock = stopwatch();
  const input = new Input({ source: new BlobSource(recording), formats: ALL_FORMATS });
  try {
    return await cut(input, start, end, onProgress, clock);
  } finally {
    input.dispose();
  }
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the smart cut's plan: keyframes before and after each edge decide which packets are re-encoded or copied, all on one timeline
async function cut(input: Input, start: number, end: number, onProgress: (ratio: number) => void, clock: Stopwatch): Promise<SmartCutResult> {
  const video = await input.getPrimaryVideoTrack().catch((e: unknown) => {
    throw new EngineUnsupportedError('demux', `Cannot read this recording: ${String(e)}`);
  });
  if (!video) throw new EngineUnsupportedError('demux', 'The recording has no video track.');
  const codec = await video.getCodec();
  if (codec !== 'avc') throw new EngineUnsupportedError('codec', `Smart cut handles H.264 only, not ${codec ?? 'this codec'}.`);
  const decoderConfig = await video.getDecoderConfig();
  if (!decoderConfig?.description) throw new EngineUnsupportedError('codec', 'The H.264 track has no avcC record.');
  const source = parseAvcC(bytesOf(decoderConfig.description));
  if (!(await VideoDecoder.isConfigSupported(decoderConfig).catch(() => null))?.supported) {
    throw new EngineUnsupportedError('decode', `This browser cannot decode ${decoderConfig.codec}.`);
  }
  const audio = await input.getPrimaryAudioTrack();
  const audioCodec = audio ? await audio.getCodec() : null;
  if (audio && (!audioCodec || !new Mp4OutputFormat().getSupportedAudioCodecs().includes(audioCodec))) {
    throw new EngineUnsupportedError('codec', `MP4 cannot carry the ${audioCodec ?? 'unknown'} audio.`);
  }

  const sink = new EncodedPacketSink(video);
  const isIdr = (p: EncodedPacket) => p.type === 'key' && containsIdr(p.data, source.lengthSize);
  const first = (await sink.getPacket(start + EPS, { metadataOnly: true })) ?? (await sink.getFirstPacket({ metadataOnly: true }));
  const last = await sink.getPacket(end - EPS, { metadataOnly: true });
  if (!first || !last || last.timestamp < first.timestamp) throw new MediaError('The cut range holds no video frame.');
  const t0 = first.timestamp;
  const lastTs = last.timestamp;
  const videoEnd = lastTs + last.duration;

  const k0 = await idrAtOrBefore(sink, t0, isIdr);
  const gop0 = await readGop(sink, k0, isIdr);
  const headless = Math.abs(k0.timestamp - t0) < EPS;
  const copyFrom = headless ? k0 : gop0.next;
  clock.lap('plan');

  const encoderConfig = await pickEncoderConfig(
    {
      width: video.codedWidth,
      height: video.codedHeight,
      bitrate: headBitrate(gop0.packets, video.codedWidth, video.codedHeight),
      framerate: frameRate(gop0.packets),
    },
    encoderCodecs(source),
  );
  const reencode = (packets: readonly EncodedPacket[], from: number, to: number, frames: Counter) =>
    reencodeFrames({ packets, decoderConfig, encoderConfig, from, to, onFrame: frames.add });

  const progress = progressReporter(onProgress);
  const rotation = await video.getRotation();

  // The whole range sits in one GOP: nothing to copy.
  if (!copyFrom || copyFrom.timestamp > lastTs + EPS) {
    const frames = progress.counter(gop0.packets.filter((p) => p.timestamp >= t0 - EPS && p.timestamp <= lastTs + EPS).length, 0.8);
    const [run, audioPackets] = await Promise.all([reencode(gop0.packets, t0, lastTs, frames), readAudio(audio, t0, videoEnd)]);
    clock.lap('reencode');
    const segments = [encodedSegment(run)];
    const data = await mux(segments, decoderConfig, rotation, video.timeResolution, audio, audioPackets, t0);
    clock.lap('mux');
    onProgress(1);
    return { data, method: 'reencode', firstFrameSec: t0, timings: clock.done() };
  }

  // Tail: the last GOP's frames up to `end` are copied when they come first in decode order,
  // otherwise (B-frames reaching past `end`) they are re-encoded.
  const tailKey = await idrAtOrBefore(sink, lastTs + EPS, isIdr);
  const lastGop = tailKey.sequenceNumber === k0.sequenceNumber ? gop0 : await readGop(sink, tailKey, isIdr);
  const wanted = lastGop.packets.filter((p) => p.timestamp <= lastTs + EPS).length;
  const tailCopyable = lastGop.packets.slice(0, wanted).every((p) => p.timestamp <= lastTs + EPS);
  clock.lap('plan');

  const headFrames = headless ? 0 : gop0.packets.filter((p) => p.timestamp >= t0 - EPS).length;
  const headCount = progress.counter(headFrames, 0.35);
  const tailCount = progress.counter(tailCopyable ? 0 : wanted, 0.35);
  const timed = <T>(label: string, p: Promise<T>) =>
    p.then((v) => {
      clock.mark(label);
      return v;
    });
  const headP = headless ? null : timed('head', reencode(gop0.packets, t0, Infinity, headCount));
  const tailP = tailCopyable ? null : timed('tail', reencode(lastGop.packets, tailKey.timestamp, lastTs, tailCount));
  // Either may fail before the reads end: keep the rejection handled until awaited.
  headP?.catch(() => {});
  tailP?.catch(() => {});

  const middle = await readRange(sink, copyFrom, tailKey, progress.counter(1, 0.2).fraction(copyFrom.timestamp, tailKey.timestamp));
  clock.mark('readVideo');
  const audioPackets = await readAudio(audio, t0, videoEnd);
  clock.mark('readAudio');
  const head = headP ? await headP : null;
  const tail = tailP ? await tailP : null;
  clock.lap('encodeAndRead');

  const copied: Segment = {
    packets: tail ? middle : [...middle, ...lastGop.packets.slice(0, wanted)],
    avcC: bytesOf(decoderConfig.description),
    config: source,
    lengthSize: source.lengthSize,
    fromEncoder: false,
  };
  const segments = [...(head ? [encodedSegment(head)] : []), copied, ...(tail ? [encodedSegment(tail)] : [])];
  const data = await mux(segments, decoderConfig, rotation, video.timeResolution, audio, audioPackets, t0);
  clock.lap('mux');
  onProgress(1);
  return { data, method: 'smart', firstFrameSec: t0, timings: clock.done() };
}

/** The last IDR at or before `t` (container keyframe flags can mark recovery points too). */
async function idrAtOrBefore(sink: EncodedPacketSink, t: number, isIdr: (p: EncodedPacket) => boolean): Promise<EncodedPacket> {
  for (let at = t; ; ) {
    const key = await sink.getKeyPacket(at);
    if (!key) throw new EngineUnsupportedError('decode', 'No H.264 IDR frame before the cut start.');
    if (isIdr(key)) return key;
    at = key.timestamp - EPS;
  }
}

/**
 * The packets from `key` up to the next IDR (decode order), and that IDR. A stream whose IDRs are
 * far apart (open GOPs mark recovery points as keyframes, but a copied segment must start with an
 * IDR to switch parameter sets) would mean re-encoding too much: left to the fallback.
 */
async function readGop(sink: EncodedPacketSink, key: EncodedPacket, isIdr: (p: EncodedPacket) => boolean) {
  const packets: EncodedPacket[] = [];
  for await (const p of sink.packets(key)) {
    if (packets.length > 0 && isIdr(p)) return { packets, next: p };
    if (packets.length >= MAX_GOP_PACKETS) {
      throw new EngineUnsupportedError('codec', `The H.264 stream has no IDR frame for over ${MAX_GOP_PACKETS} frames.`);
    }
    packets.push(p);
  }
  return { packets, next: null };
}

/** Packets from `from` up to (not including) `to`, decode order. */
async function readRange(sink: EncodedPacketSink, from: EncodedPacket, to: EncodedPacket, onAt: (t: number) => void) {
  const packets: EncodedPacket[] = [];
  if (from.sequenceNumber >= to.sequenceNumber) return packets;
  for await (const p of sink.packets(from, to)) {
    packets.push(p);
    onAt(p.timestamp);
  }
  return packets;
}

/** Audio packets starting in [t0, tEnd), shifted to start at 0 with the video. */
async function readAudio(track: InputAudioTrack | null, t0: number, tEnd: number): Promise<EncodedPacket[]> {
  if (!track) return [];
  const sink = new EncodedPacketSink(track);
  const from = (await sink.getPacket(t0)) ?? (await sink.getFirstPacket());
  const packets: EncodedPacket[] = [];
  if (!from) return packets;
  for await (const p of sink.packets(from)) {
    if (p.timestamp >= tEnd - 1e-6) break;
    // A packet starting before t0 would play sound from before the cut.
    if (p.timestamp < t0 - 1e-6) continue;
    packets.push(p.clone({ timestamp: Math.max(0, p.timestamp - t0) }));
  }
  return packets;
}

function encodedSegment(run: ReencodedRun): Segment {
  return { packets: run.packets, avcC: run.avcC, config: run.config, lengthSize: 4, fromEncoder: true };
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: muxing the re-encoded head, the copied middle and the re-encoded tail in decode order with one clock
async function mux(
  segments: readonly Segment[],
  sourceConfig: VideoDecoderConfig,
  rotation: 0 | 90 | 180 | 270,
  timescale: number,
  audio: InputAudioTrack | null,
  audioPackets: readonly EncodedPacket[],
  t0: number,
): Promise<ArrayBuffer> {
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const videoSource = new EncodedVideoPacketSource('avc');
  // The muxer derives its timescale from `frameRate`: the source's own keeps every timestamp exact (29.97 fps…).
  output.addVideoTrack(videoSource, { rotation, ...(timescale > 0 && timescale <= 1e6 ? { frameRate: timescale } : {}) });
  const audioCodec = audio ? await audio.getCodec() : null;
  const audioSource = audioCodec && audioPackets.length > 0 ? new EncodedAudioPacketSource(audioCodec) : null;
  if (audioSource) output.addAudioTrack(audioSource);
  await output.start();

  const used = segments.filter((s) => s.packets.length > 0);
  if (!used[0]) throw new MediaError('The cut range holds no video frame.');
  const record = spliceAvcC(
    used[0].avcC,
    used.map((s) => s.config),
  );
  let videoMeta: EncodedVideoChunkMetadata | undefined = {
    decoderConfig: {
      codec: avc3CodecString(record),
      codedWidth: sourceConfig.codedWidth,
      codedHeight: sourceConfig.codedHeight,
      description: record,
      ...(sourceConfig.colorSpace ? { colorSpace: sourceConfig.colorSpace } : {}),
    },
  };
  for (const segment of segments) {
    for (const p of segment.packets) {
      const idr = segment.fromEncoder ? p.type === 'key' : p.type === 'key' && containsIdr(p.data, segment.lengthSize);
      const data = idr ? withParameterSets(p.data, segment.lengthSize, segment.config) : toLengthSize4(p.data, segment.lengthSize);
      await videoSource.add(p.clone({ data, type: idr ? 'key' : 'delta', timestamp: p.timestamp - t0 }), videoMeta);
      videoMeta = undefined;
    }
  }
  if (audio && audioSource) {
    let audioMeta: EncodedAudioChunkMetadata | undefined = { decoderConfig: (await audio.getDecoderConfig()) ?? undefined };
    for (const p of audioPackets) {
      await audioSource.add(p, audioMeta);
      audioMeta = undefined;
    }
  }
  await output.finalize();
  if (!target.buffer) throw new EngineUnsupportedError('mux', 'The MP4 muxer produced no data.');
  return target.buffer;
}

/** Codec strings to try for the head/tail encoder: the source's own first, then common ones. */
function encoderCodecs(source: AvcConfig): string[] {
  const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  const own = `avc1.${hex2(source.profile)}${hex2(source.compat)}${hex2(source.level)}`;
  return [own, 'avc1.640028', 'avc1.4D0028', 'avc1.42E028', 'avc1.640033', 'avc1.640034'];
}

/**
 * 1.5× the source GOP's bitrate, but no less than the default quality preset's bitrate for the
 * frame size (the software encoder is far less efficient than x264).
 */
function headBitrate(gop: readonly EncodedPacket[], width: number, height: number): number {
  const span = gopSpan(gop);
  const bytes = gop.reduce((sum, p) => sum + p.byteLength, 0);
  const local = span > 0 ? (bytes * 8) / span : 0;
  return Math.round(Math.max(local * 1.5, videoBitrate(qualityPreset(DEFAULT_QUALITY), width, height)));
}

function frameRate(gop: readonly EncodedPacket[]): number {
  const span = gopSpan(gop);
  return span > 0 ? gop.length / span : 30;
}

function gopSpan(gop: readonly EncodedPacket[]): number {
  const ts = gop.map((p) => p.timestamp + p.duration);
  return gop.length > 0 ? Math.max(...ts) - Math.min(...gop.map((p) => p.timestamp)) : 0;
}

interface Counter {
  add: () => void;
  /** A callback reporting progress as a position between two timestamps. */
  fraction: (from: number, to: number) => (t: number) => void;
}

/** Progress as weighted parts (counted units each), reported at most every 1 %. */
function progressReporter(onProgress: (ratio: number) => void) {
  const parts: { done: number; total: number; weight: number }[] = [];
  let lastSent = -1;
  const send = () => {
    const weight = parts.reduce((s, p) => s + (p.total > 0 ? p.weight : 0), 0);
    const ratio = parts.reduce((s, p) => s + (p.total > 0 ? (p.weight * Math.min(p.done, p.total)) / p.total : 0), 0);
    const r = weight > 0 ? (0.95 * ratio) / weight : 0;
    if (r - lastSent >= 0.01) {
      lastSent = r;
      onProgress(r);
    }
  };
  return {
    counter(total: number, weight: number): Counter {
      const part = { done: 0, total, weight };
      parts.push(part);
      return {
        add: () => {
          part.done++;
          send();
        },
        fraction: (from, to) => (t) => {
          part.done = to > from ? (t - from) / (to - from) : 1;
          send();
        },
      };
    },
  };
}

type Stopwatch = ReturnType<typeof stopwatch>;

/** Seconds per stage: `lap` adds the time since the previous lap, `mark` the time since the start. */
function stopwatch() {
  const t0 = performance.now();
  let prev = t0;
  const timings: Record<string, number> = {};
  const round = (ms: number) => Math.round(ms) / 1000;
  return {
    lap(label: string) {
      const now = performance.now();
      timings[label] = round((timings[label] ?? 0) * 1000 + now - prev);
      prev = now;
    },
    mark(label: string) {
      timings[`${label}At`] = round(performance.now() - t0);
    },
    done() {
      timings.total = round(performance.now() - t0);
      return timings;
    },
  };
}
