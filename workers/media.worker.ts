/// <reference lib="webworker" />
/**
 * Media worker: hosts the WebCodecs render, the smart cut, and mediabunny's probe, fast copy,
 * loudness envelope and audio mix off the main thread. One job at a time; the app terminates the worker to
 * cancel. Errors cross as values (mediaFailureOf).
 */
import { mixAudio } from '../src/media/mediabunny/audioMix';
import { copyCut } from '../src/media/mediabunny/copyCut';
import { measureLoudness } from '../src/media/mediabunny/loudness';
import { quickProbe } from '../src/media/mediabunny/probe';
import { composeRender } from '../src/media/webcodecs/compose';
import { joinSegments } from '../src/media/webcodecs/joinSegments';
import { outputFacts } from '../src/media/webcodecs/outputFacts';
import { type MediaNotes, type MediaRequests, type MediaResults, mediaFailureOf } from '../src/media/webcodecs/protocol';
import { smartCut } from '../src/media/webcodecs/smartCut';
import { type Envelope, type Reply, respond } from '../src/workers/rpc';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: Reply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);
const audioWaiters = new Map<number, (audio: Uint8Array | null) => void>();

async function run(req: Envelope<MediaRequests>): Promise<MediaResults[keyof MediaResults]> {
  // At most every half percent: a decoder hands over thousands of chunks a second, and each
  // message re-renders the page's progress.
  let posted = Number.NEGATIVE_INFINITY;
  const progress = (ratio: number) => {
    if (ratio < 1 && ratio - posted < 0.005) return;
    posted = ratio;
    post({ id: req.id, kind: 'progress', ratio });
  };
  if (req.kind === 'render') {
    const { recording, plan, overlays, segment } = req.payload;
    const pngs = new Map(overlays.map((o) => [o.id, o.png]));
    if (segment) return composeRender(recording, plan, pngs, progress, { frames: segment });
    const audio = new Promise<Uint8Array | null>((resolve) => audioWaiters.set(req.id, resolve));
    return composeRender(recording, plan, pngs, progress, { audio });
  }
  if (req.kind === 'join') return { data: await joinSegments(req.payload.plan, req.payload.segments, req.payload.audio) };
  if (req.kind === 'verify') return outputFacts(req.payload.file, req.payload.picture);
  if (req.kind === 'probe') return quickProbe(req.payload.recording);
  if (req.kind === 'copy') return { data: await copyCut(req.payload, progress) };
  if (req.kind === 'loudness') return measureLoudness(req.payload.recording, req.payload.stepSec, progress);
  if (req.kind === 'mix') {
    const data = await mixAudio(req.payload, progress);
    return data && { data };
  }
  const { data, method, timings } = await smartCut(req.payload.recording, req.payload.start, req.payload.end, progress);
  return { data, method, timings };
}

self.onmessage = (e: MessageEvent<Envelope<MediaRequests> | Envelope<MediaNotes>>) => {
  const msg = e.data;
  if (msg.kind === 'audio') audioWaiters.get(msg.id)?.(msg.payload.audio);
  else
    void respond(msg.id, () => run(msg), post, { transfer: (r) => (r && 'data' in r ? [r.data] : []), failure: mediaFailureOf }).finally(() =>
      audioWaiters.delete(msg.id),
    );
};
