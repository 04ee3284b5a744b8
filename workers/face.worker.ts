/// <reference lib="webworker" />
/**
 * Face worker (issue 23): BlazeFace full-range in MediaPipe Tasks' wasm runtime, over frames of the
 * clip decoded by mediabunny, each looked at in squares as tall as the frame (frameTiles). The detector loads on the first request and
 * stays for later clips.
 */
import { FaceDetector } from '@mediapipe/tasks-vision';
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input, type InputVideoTrack, type VideoSample, VideoSampleSink } from 'mediabunny';
import { type FaceBox, type FaceSample, frameTiles, mergeFaces } from '../src/domain/edit/hostPath';
import { sideAt } from '../src/domain/edit/voiceSide';
import { FACE_LOADER, FACE_MODEL, FACE_WASM } from '../src/media/face/assets';
import { keyFrames } from '../src/media/mediabunny/keyFrames';
import { measureVoiceSides } from '../src/media/mediabunny/voiceSides';
import { type Envelope, respond } from '../src/workers/rpc';
import type { FaceNotes, FaceRequests, FaceResults } from './faceProtocol';

declare const self: DedicatedWorkerGlobalScope;

/** Each tile is drawn this big for the detector (it looks at 192×192): cheap to draw and copy. */
const TILE_PX = 256;
/** Keyframes this close together are looked at alone. */
const KEYFRAME_STEP_SEC = 1.05;
/** Faces below this score are not faces. */
const MIN_SCORE = 0.5;

let detector: Promise<FaceDetector> | undefined;

/** Requests told to hold (FaceNotes), each with what wakes it. */
const holds = new Map<number, { held: boolean; wake: () => void }>();
const holding = (id: number) => holds.get(id) ?? holds.set(id, { held: false, wake: () => undefined }).get(id)!;
/** Waits while request `id` is held. */
async function whileHeld(id: number): Promise<void> {
  const h = holding(id);
  while (h.held) await new Promise<void>((resolve) => (h.wake = resolve));
}

const load = (base: string) =>
  (detector ??= FaceDetector.createFromOptions(
    { wasmLoaderPath: new URL(FACE_LOADER, base).href, wasmBinaryPath: new URL(FACE_WASM, base).href },
    { baseOptions: { modelAssetPath: new URL(FACE_MODEL, base).href, delegate: 'CPU' }, runningMode: 'IMAGE', minDetectionConfidence: MIN_SCORE },
  ));

/**
 * When to look: at the clip's keyframes when they come at least every KEYFRAME_STEP_SEC (a keyframe
 * decodes alone: 60 s of 720p took 7 s to search this way against 17 s decoding 2.5 frames a
 * second in order), else every `stepSec`.
 */
async function searchTimes(track: InputVideoTrack, start: number, end: number, stepSec: number): Promise<{ times: number[]; keys: boolean }> {
  const packets = new EncodedPacketSink(track);
  const keys: number[] = [];
  const meta = { metadataOnly: true };
  for (let p = await packets.getKeyPacket(start, meta); p && p.timestamp < end; p = await packets.getNextKeyPacket(p, meta))
    if (p.timestamp >= start) keys.push(p.timestamp);
  const gaps = keys.map((t, i) => t - (keys[i - 1] ?? start));
  if (keys.length > 0 && Math.max(...gaps, end - keys[keys.length - 1]!) <= KEYFRAME_STEP_SEC) return { times: keys, keys: true };
  const times: number[] = [];
  for (let t = start; t < end; t += stepSec) times.push(t);
  return { times, keys: false };
}

/** The frames to look at, each with its time (null where there is none): keyframes decode ahead of the detector. */
async function* framesAt(
  track: InputVideoTrack,
  { times, keys }: { times: number[]; keys: boolean },
): AsyncGenerator<{ at: number; sample: VideoSample | null }> {
  if (keys) for await (const sample of keyFrames(track, times)) yield { at: sample.timestamp, sample };
  else {
    let k = 0;
    for await (const sample of new VideoSampleSink(track).samplesAtTimestamps(times)) yield { at: times[k++]!, sample };
  }
}

async function detect({ recording, start, end, stepSec, base }: FaceRequests['detect'], id: number): Promise<FaceResults['detect']> {
  const t0 = performance.now();
  const faces = await load(base);
  const loadSec = (performance.now() - t0) / 1000;
  await whileHeld(id);
  const input = new Input({ source: new BlobSource(recording), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('The recording has no video track this browser can read.');
    const { displayWidth: width, displayHeight: height } = track;
    const tiles = frameTiles(width, height);
    const canvas = new OffscreenCanvas(TILE_PX, TILE_PX);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas in this worker.');
    const search = await searchTimes(track, start, end, stepSec);
    const samples: FaceSample[] = [];
    const t1 = performance.now();
    let k = 0;
    let inferMs = 0;
    for await (const { at, sample } of framesAt(track, search)) {
      await whileHeld(id);
      const t = at - start;
      k++;
      const found: FaceBox[] = [];
      for (const tile of sample ? tiles : []) {
        // Each tile of the frame, alone on the canvas (the frame is drawn moved and scaled).
        const scale = TILE_PX / tile.size;
        sample!.draw(ctx, -tile.x * scale, -tile.y * scale, width * scale, height * scale);
        const i0 = performance.now();
        const { detections } = faces.detect(canvas.transferToImageBitmap());
        inferMs += performance.now() - i0;
        for (const { boundingBox: b, categories } of detections) {
          if (!b) continue;
          const x = tile.x + b.originX / scale;
          const y = tile.y + b.originY / scale;
          found.push({ x: x / width, y: y / height, width: b.width / scale / width, height: b.height / scale / height, score: categories[0]?.score ?? 0 });
        }
      }
      sample?.close();
      samples.push({ t, faces: mergeFaces(found) });
      self.postMessage({ id, kind: 'progress', ratio: k / search.times.length });
    }
    const detectSec = (performance.now() - t1) / 1000;
    // Only where two people are in one frame does it matter who speaks.
    const sides = samples.some((s) => s.faces.length > 1) ? await measureVoiceSides(input, start, end) : null;
    const voiced = sides ? samples.map((s) => ({ ...s, voice: sideAt(sides, s.t) })) : samples;
    return { samples: voiced, loadSec, detectSec, inferSec: inferMs / 1000 };
  } finally {
    input.dispose();
  }
}

self.onmessage = (e: MessageEvent<Envelope<FaceRequests> | Envelope<FaceNotes>>) => {
  const msg = e.data;
  if (msg.kind === 'hold') {
    const h = holding(msg.id);
    h.held = msg.payload.held;
    if (!h.held) h.wake();
    return;
  }
  void respond(
    msg.id,
    () => detect(msg.payload, msg.id),
    (reply) => self.postMessage(reply),
  ).finally(() => holds.delete(msg.id));
};
