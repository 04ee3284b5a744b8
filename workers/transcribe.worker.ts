/// <reference lib="webworker" />
/**
 * Transcription worker: hosts one speech model (loaded on the first request, kept for the next
 * clips) and transcribes one utterance per request, in arrival order.
 */
import { messageOf } from '../src/domain/messageOf';
import type { SpeechModelId } from '../src/domain/speech/models';
import type { SpeechModel } from '../src/speech/model';
import { MoonshineTiny } from '../src/speech/moonshine';
import type { SpeechEnvelope, SpeechReply, SpeechResults } from './transcribeProtocol';

declare const self: DedicatedWorkerGlobalScope;

const MODELS: Record<SpeechModelId, (base: string) => SpeechModel> = {
  'moonshine-tiny': (base) => new MoonshineTiny(base),
};

let model: SpeechModel | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function handle(msg: SpeechEnvelope): Promise<SpeechResults[SpeechEnvelope['type']]> {
  if (msg.type === 'load') {
    const t0 = performance.now();
    if (model?.id !== msg.body.modelId) {
      const made = MODELS[msg.body.modelId](msg.body.base);
      await made.load();
      model = made;
    }
    return { loadSec: (performance.now() - t0) / 1000 };
  }
  if (!model) throw new Error('No speech model is loaded.');
  return { text: await model.transcribe(msg.body.pcm) };
}

self.onmessage = (e: MessageEvent<SpeechEnvelope>) => {
  const msg = e.data;
  queue = queue.then(() =>
    handle(msg).then(
      (result) => self.postMessage({ id: msg.id, ok: true, result } satisfies SpeechReply),
      (err: unknown) => self.postMessage({ id: msg.id, ok: false, error: messageOf(err) } satisfies SpeechReply),
    ),
  );
};
