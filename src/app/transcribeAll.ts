import type { Clip } from '../domain/clipOverride';
import { speechClient } from '../speech/client';
import { transcribeClip } from '../speech/transcribeClip';
import { currentEdit, keepTranscription } from './clipEdits';
import type { BatchOutcome, Job } from './jobRunner';
import { jobs } from './jobs';
import type { ProjectRecord } from './projects';
import { engine } from './services';

/** What became of one clip: transcribed, kept its caption lines, or no speech was found. */
export type Transcribed = 'made' | 'kept' | 'silent';

/**
 * Caption lines from speech for every clip that has neither lines from the imported transcript
 * (they win) nor a transcription already, stored with each clip's edit, as one batch weighted by
 * the clips' lengths.
 */
export function transcribeAll(project: ProjectRecord, recording: Blob, picks: readonly Clip[]): Job<BatchOutcome<Transcribed>> {
  const label = `Transcribing ${picks.length === 1 ? 'the clip' : `${picks.length} clips`}`;
  return jobs.submitBatch(
    label,
    picks,
    async (pick, job): Promise<Transcribed> => {
      const edit = await currentEdit(project, pick);
      if (edit.captions.fromTranscript) return 'kept';
      const result = await transcribeClip(engine, speechClient(), { recording, fileName: project.recording.name, start: pick.start, end: pick.end }, job);
      if (result.cues.length === 0) return 'silent';
      await keepTranscription(project, pick, edit, result);
      return 'made';
    },
    { weight: (pick) => pick.end - pick.start },
  );
}
