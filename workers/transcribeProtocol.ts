/**
 * Messages between the app (src/speech/client.ts) and the transcription worker. One request at
 * a time, each answered once with its id; errors cross as data. Cancelling terminates the worker.
 */
import type { SpeechModelId } from '../src/domain/speech/models';

export interface SpeechRequests {
  /** Loads the model (once per worker); `base` is the app's root URL, where its files are. */
  load: { modelId: SpeechModelId; base: string };
  /** One utterance, 16 kHz mono (transferred). */
  transcribe: { pcm: Float32Array };
}

export interface SpeechResults {
  load: { loadSec: number };
  transcribe: { text: string };
}

export type SpeechRequestType = keyof SpeechRequests;

/** Distributed over the types, so checking `type` narrows `body`. */
export type SpeechEnvelope<K extends SpeechRequestType = SpeechRequestType> = { [T in K]: { id: number; type: T; body: SpeechRequests[T] } }[K];

export type SpeechReply = { id: number; ok: true; result: SpeechResults[SpeechRequestType] } | { id: number; ok: false; error: string };
