/**
 * Requests from the app (src/speech/client.ts) to the transcription worker, over the shared
 * worker messages (src/workers/rpc.ts). One request at a time; cancelling terminates the worker.
 */
import type { SpeechModelId } from '../src/domain/speech/models';
import type { SpeechHints } from '../src/domain/speech/vocabulary';

export interface SpeechRequests {
  /** Loads the model (once per worker); `base` is the app's root URL, where its files are. */
  load: { modelId: SpeechModelId; base: string };
  /** One utterance, 16 kHz mono (transferred); `hints`: words the speaker may say (product names). */
  transcribe: { pcm: Float32Array; hints?: SpeechHints };
  /** Speech probability per 32 ms of 16 kHz mono audio (transferred), from the speech detector. */
  vad: { pcm: Float32Array };
}

export interface SpeechResults {
  load: { loadSec: number };
  transcribe: { text: string };
  vad: { probs: Float32Array };
}
