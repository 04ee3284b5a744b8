/**
 * The speech-recognition models the app knows, by id (the one bundled today is English only).
 * Where their files are and how they run: src/speech. To add one: its entry here, its files in
 * src/speech/assets.ts, its SpeechModel in src/speech and in workers/transcribe.worker.ts.
 */

export type SpeechModelId = 'moonshine-tiny';

export interface SpeechModelInfo {
  id: SpeechModelId;
  /** Shown in the UI. */
  label: string;
  /** BCP 47 language it understands, and its name for the UI. */
  language: 'en';
  languageName: string;
}

export const SPEECH_MODELS: Record<SpeechModelId, SpeechModelInfo> = {
  'moonshine-tiny': { id: 'moonshine-tiny', label: 'Moonshine tiny', language: 'en', languageName: 'English' },
};

export const DEFAULT_SPEECH_MODEL: SpeechModelId = 'moonshine-tiny';
