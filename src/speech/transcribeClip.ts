/**
 * Transcribing a clip: its audio as 16 kHz mono PCM from the media engine, cut into speech
 * segments at pauses, each segment transcribed in the speech worker, the text made into caption
 * cues timed to the segments (clip time).
 */
import type { Cue } from '../domain/edit/captions';
import { speechCues, type TranscribedSegment } from '../domain/speech/cues';
import { speechSegments } from '../domain/speech/segments';
import { syllableNuclei } from '../domain/speech/syllables';
import { type SpeechHints, spellWithVocabulary, type Vocabulary } from '../domain/speech/vocabulary';
import type { JobHooks, MediaEngine } from '../media/engine';
import type { SpeechClient } from './client';
import { DEFAULT_SPEECH_MODEL, type SpeechModelId } from '../domain/speech/models';
import { SPEECH_RATE, VAD_FRAME } from './model';

export interface ClipAudio {
  recording: Blob;
  fileName: string;
  /** The clip's range in the recording (s). */
  start: number;
  end: number;
  /** Product names and prices the captions spell as the seller does. */
  vocabulary?: Vocabulary;
  /** Words the recogniser is nudged towards (src/domain/speech/vocabulary.ts's productHints). */
  hints?: SpeechHints;
}

export interface Transcription {
  modelId: SpeechModelId;
  /** Clip time. */
  cues: Cue[];
  segments: TranscribedSegment[];
  /** Seconds spent loading the model (0 when it was loaded), and transcribing after that. */
  loadSec: number;
  transcribeSec: number;
  speechSec: number;
}

/** Share of the progress bar for decoding the audio and, when needed, loading the model. */
const DECODE_SHARE = 0.1;
const LOAD_SHARE = 0.15;

export async function transcribeClip(
  engine: MediaEngine,
  speech: SpeechClient,
  clip: ClipAudio,
  hooks: JobHooks = {},
  modelId: SpeechModelId = DEFAULT_SPEECH_MODEL,
): Promise<Transcription> {
  const report = (ratio: number) => hooks.onProgress?.({ ratio });
  // The model loads while ffmpeg decodes the audio.
  const loading = speech.load(modelId, hooks.signal);
  loading.catch(() => undefined);
  const pcm = await engine.speechPcm(clip.recording, clip.fileName, clip.start, clip.end, SPEECH_RATE, {
    ...(hooks.signal && { signal: hooks.signal }),
    onProgress: (p) => report(p.ratio * DECODE_SHARE),
  });
  const loadSec = await loading;
  const base = DECODE_SHARE + (loadSec > 0 ? LOAD_SHARE : 0);
  report(base);

  // Pauses from the speech detector: under music or noise, loudness finds none.
  const probs = await speech.speechProbabilities(pcm.slice(), hooks.signal);
  const segments = speechSegments(pcm, SPEECH_RATE, {}, { probs, frameSec: VAD_FRAME / SPEECH_RATE });
  const speechSec = segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  const t0 = performance.now();
  const transcribed: TranscribedSegment[] = [];
  let done = 0;
  for (const seg of segments) {
    // A copy: its buffer is transferred to the worker.
    const text = await speech.transcribe(pcm.slice(Math.round(seg.start * SPEECH_RATE), Math.round(seg.end * SPEECH_RATE)), hooks.signal, clip.hints);
    transcribed.push({
      ...seg,
      text: clip.vocabulary ? spellWithVocabulary(text, clip.vocabulary) : text,
      nuclei: syllableNuclei(pcm, SPEECH_RATE, seg.parts),
    });
    done += seg.end - seg.start;
    report(base + (1 - base) * (done / Math.max(speechSec, 1e-9)));
  }
  return {
    modelId,
    cues: speechCues(transcribed, clip.vocabulary),
    segments: transcribed,
    loadSec,
    transcribeSec: (performance.now() - t0) / 1000,
    speechSec,
  };
}
