/**
 * The speech-recognition seam: a model turns 16 kHz mono speech into text. Models run in the
 * transcription worker (workers/transcribe.worker.ts); the app names them by id
 * (src/domain/speech/models.ts).
 */
import type { SpeechModelId } from '../domain/speech/models';
import type { SpeechHints } from '../domain/speech/vocabulary';

/** Sample rate every model is given. */
export const SPEECH_RATE = 16000;
/** Samples per answer of the speech detector (src/speech/silero.ts): 32 ms. */
export const VAD_FRAME = 512;

/** One loaded model. `transcribe` takes one short utterance (about 1–20 s). */
export interface SpeechModel {
  readonly id: SpeechModelId;
  readonly language: 'en';
  load(): Promise<void>;
  /** `hints`: words the speaker may say (product names), favoured where the audio allows. */
  transcribe(pcm16k: Float32Array, hints?: SpeechHints): Promise<string>;
}
