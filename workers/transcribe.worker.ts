/// <reference lib="webworker" />
/**
 * Transcription worker: hosts one speech model (loaded on the first request, kept for the next
 * clips) and transcribes one utterance per request, in arrival order.
 */
import type { SpeechModelId } from '../src/domain/speech/models';
import type { SpeechModel } from '../src/speech/model';
import { MoonshineTiny } from '../src/speech/moonshine';
import { SileroVad } from '../src/speech/silero';
import { type Envelope, respond } from '../src/workers/rpc';
import type { SpeechRequests, SpeechResults } from './transcribeProtocol';

declare const self: DedicatedWorkerGlobalScope;

const MODELS: Record<SpeechModelId, (base: string) => SpeechModel> = {
  'moonshine-tiny': (base) => new MoonshineTiny(base),
};

let model: SpeechModel | undefined;
// Loaded on its first request, from the root the model was loaded from.
let vad: SileroVad | undefined;
let base: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

type SpeechRequest = Envelope<SpeechRequests>;

async function handle(msg: SpeechRequest): Promise<SpeechResults[SpeechRequest['kind']]> {
  if (msg.kind === 'load') {
    const t0 = performance.now();
    base = msg.payload.base;
    if (model?.id !== msg.payload.modelId) {
      const made = MODELS[msg.payload.modelId](msg.payload.base);
      await made.load();
      model = made;
    }
    return { loadSec: (performance.now() - t0) / 1000 };
  }
  if (!model || !base) throw new Error('No speech model is loaded.');
  if (msg.kind === 'vad') {
    vad ??= new SileroVad(base);
    const probs = await vad.probabilities(msg.payload.pcm);
    return { probs };
  }
  return { text: await model.transcribe(msg.payload.pcm, msg.payload.hints) };
}

self.onmessage = (e: MessageEvent<SpeechRequest>) => {
  const msg = e.data;
  queue = queue.then(() =>
    respond(
      msg.id,
      () => handle(msg),
      (reply) => self.postMessage(reply),
    ),
  );
};
