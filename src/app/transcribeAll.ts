import type { Clip } from '../domain/clip/override';
import type { JobHooks } from '../media/engine';
import { transcribeClip, type Transcription } from '../speech/transcribeClip';
import { productHints, productVocabulary, type VocabularyProduct } from '../domain/speech/vocabulary';
import { currentEdit, keepTranscription } from './clipEdits';
import type { BatchOutcome, Job } from './jobRunner';
import { jobs } from './jobs';
import type { ProjectRecord } from './projects';
import { engine, speechClient } from './services';
import { linesFromRecordingTranscript } from './recordingTranscript';

export type { Transcription } from '../speech/transcribeClip';

/**
 * A range of the recording transcribed on this device (the speech model loads on first use), the
 * recogniser nudged towards the names of `products`, and the captions spelling their names and
 * prices as the seller does.
 */
export function transcribeRange(
  recording: Blob,
  fileName: string,
  range: { start: number; end: number },
  hooks: JobHooks,
  products: readonly VocabularyProduct[] = [],
): Promise<Transcription> {
  const clip = { recording, fileName, start: range.start, end: range.end, vocabulary: productVocabulary(products), hints: productHints(products) };
  return transcribeClip(engine, speechClient(), clip, hooks);
}

/** A clip's lines: from the recording's transcript when it covers the clip (nothing recognised again), else transcribed now. */
export async function clipTranscription(
  projectId: string,
  recording: Blob,
  fileName: string,
  range: { start: number; end: number },
  hooks: JobHooks,
  products: readonly VocabularyProduct[] = [],
): Promise<Transcription & { fromRecording: boolean }> {
  const stored = await linesFromRecordingTranscript(projectId, range, productVocabulary(products));
  if (stored) return { ...stored, segments: [], loadSec: 0, transcribeSec: 0, speechSec: 0, fromRecording: true };
  return { ...(await transcribeRange(recording, fileName, range, hooks, products)), fromRecording: false };
}

/** What became of one clip: transcribed, its lines taken from the recording's transcript, kept its caption lines, or no speech was found. */
export type Transcribed = 'made' | 'reused' | 'kept' | 'silent';

/**
 * Caption lines from speech for every clip that has neither lines from the imported transcript
 * (they win) nor a transcription already, stored with each clip's edit, as one batch weighted by
 * the clips' lengths. Where the recording's own transcript covers a clip, its lines are taken
 * from there.
 */
export function transcribeAll(project: ProjectRecord, recording: Blob, picks: readonly Clip[]): Job<BatchOutcome<Transcribed>> {
  const label = `Transcribing ${picks.length === 1 ? 'the clip' : `${picks.length} clips`}`;
  return jobs.submitBatch(
    label,
    picks,
    async (pick, job): Promise<Transcribed> => {
      const edit = await currentEdit(project, pick);
      if (edit.captions.fromTranscript) return 'kept';
      const result = await clipTranscription(project.id, recording, project.recording.name, pick, job, [
        pick.product,
        edit.intro,
        ...(project.productList?.products ?? []),
      ]);
      if (result.cues.length === 0) return 'silent';
      await keepTranscription(project, pick, edit, result);
      return result.fromRecording ? 'reused' : 'made';
    },
    { weight: (pick) => pick.end - pick.start },
  );
}
