/**
 * The whole recording's transcript (issue 19): the transcript store's engine and storage, and a
 * clip's caption lines taken from it when it covers the clip, instead of recognising again.
 */
import type { Cue } from '../domain/edit/captions';
import type { Chunk } from '../domain/speech/chunks';
import { coversRange, rangeCues } from '../domain/speech/recordingTranscript';
import type { Vocabulary } from '../domain/speech/vocabulary';
import { DEFAULT_SPEECH_MODEL, type SpeechModelId } from '../domain/speech/models';
import { transcribeClip } from '../speech/transcribeClip';
import { discardTranscript, getChunks, getTranscriptPlan, saveChunk, setTranscriptPaused, startTranscript } from '../storage/transcripts';
import { jobs } from './jobs';
import { perProject } from './perProject';
import { backgroundEngine, speechClient } from './services';
import { TranscriptStore, type TranscriptSource } from './stores/transcriptStore';

/**
 * One chunk's speech, recording time. Only the chunk's range is decoded (ffmpeg reads the mounted
 * file from the range's start): the recording is never read whole. The background engine, so
 * cuts and renders meanwhile are not queued behind an hour of audio.
 */
async function transcribeChunk(source: TranscriptSource, chunk: Chunk, hooks: { signal: AbortSignal; onProgress: (p: { ratio: number }) => void }) {
  const audio = { recording: source.recording, fileName: source.fileName, start: chunk.from, end: chunk.to, ...(source.hints && { hints: source.hints }) };
  const { segments } = await transcribeClip(backgroundEngine, speechClient(), audio, hooks);
  const shift = (t: number) => t + chunk.from;
  return segments.map((s) => ({
    ...s,
    start: shift(s.start),
    end: shift(s.end),
    parts: s.parts.map((p) => ({ start: shift(p.start), end: shift(p.end) })),
    ...(s.nuclei && { nuclei: s.nuclei.map(shift) }),
  }));
}

const stores = perProject(makeStore);

/**
 * The project's transcript store, on the app's runner and storage: one per project for the tab's
 * life, so a transcription goes on (in the job tray) while you work on other screens.
 */
export const transcriptStore = (projectId: string): TranscriptStore => stores.get(projectId);

function makeStore(projectId: string): TranscriptStore {
  return new TranscriptStore({
    modelId: DEFAULT_SPEECH_MODEL,
    plan: () => getTranscriptPlan(projectId),
    chunks: () => getChunks(projectId),
    start: (plan) => startTranscript({ ...plan, projectId, createdAt: Date.now() }),
    setPaused: (paused) => setTranscriptPaused(projectId, paused),
    save: (chunk) => saveChunk(projectId, chunk).then(() => undefined),
    discard: () => discardTranscript(projectId),
    loadModel: (signal) => speechClient().load(DEFAULT_SPEECH_MODEL, signal),
    transcribe: transcribeChunk,
    jobs,
  });
}

/** A clip's caption lines from the recording's transcript, when every chunk under the clip is done. */
export interface TranscriptLines {
  cues: Cue[];
  modelId: SpeechModelId;
}

export async function linesFromRecordingTranscript(
  projectId: string,
  range: { start: number; end: number },
  vocab?: Vocabulary,
): Promise<TranscriptLines | undefined> {
  const plan = await getTranscriptPlan(projectId);
  if (!plan) return undefined;
  const touched = plan.chunks.filter((c) => c.end > range.start && c.start < range.end);
  if (touched.length === 0) return undefined;
  const chunks = await getChunks(projectId, touched[0]!.index, touched.at(-1)!.index);
  if (!coversRange(plan.chunks, new Set(chunks.map((c) => c.index)), range)) return undefined;
  return { cues: rangeCues(chunks, range, vocab), modelId: plan.modelId };
}
