/**
 * The WebCodecs render (runs in the media worker): mediabunny demuxes and decodes the clip, each
 * output frame is drawn on an OffscreenCanvas (reframe + overlays), converted to I420 in the output
 * colour (i420.ts), WebCodecs encodes H.264, and mediabunny muxes it with the audio mix (made in
 * another worker) into an MP4 with the moov first. A render split over workers renders each part
 * here as a video-only segment (joinSegments.ts joins them).
 *
 * Timing: output frame k shows the latest source frame at or before the recording's time at
 * (k + ½)/fps (framePicker.ts), the rounding ffmpeg's fps filter uses, so VFR sources come out at
 * a constant rate and both engines pick the same frames; past a cut pause, the same spans. Back-pressure: VideoSampleSource.add waits while the encoder queue
 * is full, and the sink decodes only a few frames ahead.
 */
import {
  ALL_FORMATS,
  BlobSource,
  BufferSource,
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  Input,
  Mp4OutputFormat,
  Output,
  VideoSampleSink,
  VideoSampleSource,
} from 'mediabunny';
import { clipDuration, cropWindows, frameCount, frameRuns, type RenderPlan, sourceTimeAt } from '../../domain/edit/plan';
import type { FrameRange } from '../../domain/edit/segments';
import { drawOverlays, overlayBitmaps } from '../../canvas/overlayLayer';
import { qualityPreset, videoBitrate } from '../../domain/edit/quality';
import { reframeGeometry } from '../../domain/edit/reframe';
import { messageOf } from '../../domain/errors/messageOf';
import { EngineUnsupportedError } from '../engine';
import { context2d, type DrawableFrame, FramePainter } from '../../canvas/framePainter';
import { CanvasToI420 } from './i420';
import type { RenderDone } from './protocol';
import { RgbStage } from './rgbStage';
import { FramePicker } from './framePicker';
import { bytesOf, repairAvcC } from './avc';

/** H.264 High, level 4.0: the lowest level that takes 1080×1920 at 30 fps. */
const H264_HIGH = 'avc1.640028';
const KEYFRAME_SEC = 2;

async function checkEncoderSupport({ width, height, fps }: RenderPlan['output'], bitrate: number): Promise<void> {
  if (typeof VideoEncoder === 'undefined') throw new EngineUnsupportedError('no-webcodecs', 'This browser has no WebCodecs video encoder.');
  const support = await VideoEncoder.isConfigSupported({ codec: H264_HIGH, width, height, framerate: fps, bitrate });
  if (!support.supported) throw new EngineUnsupportedError('encode', `This browser cannot encode H.264 at ${width}×${height}.`);
}

/**
 * Renders the plan's output frames `frames` (all by default) into an MP4. With `audio` (the mix,
 * AAC in MP4, or null when none could be made) it is the short; without, a video-only segment that
 * joinSegments.ts puts together with the others and the sound.
 */
export async function composeRender(
  recording: Blob,
  plan: RenderPlan,
  overlayPngs: ReadonlyMap<string, Uint8Array>,
  onProgress: (ratio: number) => void,
  { audio, frames = { from: 0, to: frameCount(plan) } }: { audio?: Promise<Uint8Array | null>; frames?: FrameRange } = {},
): Promise<RenderDone> {
  const t0 = performance.now();
  const bitrate = videoBitrate(qualityPreset(plan.quality), plan.output.width, plan.output.height);
  await checkEncoderSupport(plan.output, bitrate);
  const input = new Input({ source: new BlobSource(recording), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new EngineUnsupportedError('demux', 'No video track could be read by the fast engine.');
    if (!(await track.canDecode())) throw new EngineUnsupportedError('decode', `This browser cannot decode ${track.codec ?? 'this'} video.`);

    const { width: W, height: H, fps } = plan.output;
    const ctx = context2d(new OffscreenCanvas(W, H));
    const painter = new FramePainter(ctx, reframeGeometry(plan.source, plan.output, plan.reframe, plan.cropX));
    const cropAt = cropWindows(plan);
    const stage = new RgbStage();
    const overlays = await overlayBitmaps(plan, overlayPngs);

    const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
    let encoderError: unknown;
    const toYuv = new CanvasToI420(ctx);
    const video = new VideoSampleSource({
      codec: 'avc',
      fullCodecString: H264_HIGH,
      bitrate,
      keyFrameInterval: KEYFRAME_SEC,
      latencyMode: 'quality',
      // The muxer is handed this same metadata next: a malformed avcC (Firefox's) is repaired
      // before it reaches the file, or the render fails (and the other engine makes it).
      onEncodedPacket: (_packet, meta) => {
        const config = meta?.decoderConfig;
        if (config?.description) config.description = repairAvcC(bytesOf(config.description));
      },
    });
    output.addVideoTrack(video, { frameRate: fps });
    const audioSource = audio && new EncodedAudioPacketSource('aac');
    if (audioSource) output.addAudioTrack(audioSource);
    await output.start();

    const timings: Record<string, number> = { setupSec: (performance.now() - t0) / 1000 };
    const tVideo = performance.now();
    let drawMs = 0;
    // Output frame k shows the recording at pick(k): past a cut pause, the frames in it are
    // skipped; a teaser played first is read on its own, then the clip from its start.
    const pick = (k: number) => sourceTimeAt(plan, (k + 0.5) / fps) - 1e-6;
    let encodeMs = 0;
    let yuvMs = 0;
    let decodeMs = 0;
    const drawFrame = async (k: number, frame: DrawableFrame) => {
      const t = k / fps;
      const d0 = performance.now();
      painter.paint(frame, cropAt(t));
      drawOverlays(ctx, overlays, t);
      const y0 = performance.now();
      drawMs += y0 - d0;
      const sample = await toYuv.sample(t, 1 / fps);
      // Waits while the encoder's queue is full: decode, draw and encode stay in step.
      const e0 = performance.now();
      yuvMs += e0 - y0;
      await video
        .add(sample)
        .catch((err: unknown) => {
          encoderError = err;
          throw err;
        })
        .finally(() => sample.close());
      encodeMs += performance.now() - e0;
      if (k % 15 === 0) onProgress((0.95 * (k + 1 - frames.from)) / (frames.to - frames.from));
    };
    try {
      for (const run of frameRuns(plan, frames)) {
        const samples = new VideoSampleSink(track)
          .samples(sourceTimeAt(plan, run.from / fps), Math.min(plan.source.end, pick(run.to - 1)) + 1 / fps)
          [Symbol.asyncIterator]();
        const picker = await FramePicker.open(samples, stage, pick, fps, run.from);
        try {
          for (let k = run.from; k < run.to; k++) await drawFrame(k, await picker.frame(k));
        } finally {
          decodeMs += picker.decodeMs;
          await picker.close();
        }
      }
    } catch (err) {
      if (err === encoderError) throw new EngineUnsupportedError('encode', `The browser's H.264 encoder failed: ${messageOf(err)}`);
      throw err;
    } finally {
      for (const { bitmap } of overlays) bitmap.close();
    }
    video.close();
    timings.videoSec = (performance.now() - tVideo) / 1000;
    timings.drawSec = drawMs / 1000;
    timings.yuvSec = yuvMs / 1000;
    timings.decodeWaitSec = decodeMs / 1000;
    timings.encodeWaitSec = encodeMs / 1000;

    if (audio && audioSource) {
      const tAudio = performance.now();
      const aac = await audio;
      timings.audioWaitSec = (performance.now() - tAudio) / 1000;
      if (aac) await addAudio(audioSource, aac, clipDuration(plan));
      audioSource.close();
    }
    const tMux = performance.now();
    await output.finalize();
    const data = output.target.buffer;
    if (!data) throw new EngineUnsupportedError('mux', 'The MP4 could not be written.');
    timings.muxSec = (performance.now() - tMux) / 1000;
    timings.totalSec = (performance.now() - t0) / 1000;
    onProgress(1);
    return { data, timings };
  } finally {
    input.dispose();
  }
}

/** Copies the AAC packets of an MP4 (the mix) into the output, up to the clip length. */
export async function addAudio(target: EncodedAudioPacketSource, m4a: Uint8Array, durationSec: number): Promise<void> {
  const input = new Input({ source: new BufferSource(m4a), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new EngineUnsupportedError('mux', 'The audio mix has no audio track.');
    const decoderConfig = await track.getDecoderConfig();
    if (!decoderConfig) throw new EngineUnsupportedError('mux', 'The audio mix has no decoder configuration.');
    let first = true;
    for await (const packet of new EncodedPacketSink(track).packets()) {
      if (packet.timestamp >= durationSec) break;
      await target.add(packet, first ? { decoderConfig } : undefined);
      first = false;
    }
  } finally {
    input.dispose();
  }
}
