import { useState } from 'preact/hooks';
import type { ProjectRecord } from '../../app/projects';
import { transcribeAll } from '../../app/transcribeAll';
import type { Clip } from '../../domain/clip/override';
import { detailsOf } from '../../domain/errors/mediaFailure';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS } from '../../domain/speech/models';
import { useJob } from '../common/useJob';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  picks: Clip[];
}

const model = SPEECH_MODELS[DEFAULT_SPEECH_MODEL];

/** "Transcribe all clips" (the `transcribeAll` job) and what it did. */
export function TranscribeAll({ project, recording, picks }: Props) {
  const { job, follow, cancel } = useJob();
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!project.recording.meta.hasAudio) return null;

  const transcribe = async () => {
    setError(null);
    setDone(null);
    const outcome = await follow(transcribeAll(project, recording, picks));
    if (outcome.status === 'failed') setError(outcome.error);
    const count = (what: string) => outcome.results.filter((r) => r === what).length;
    const [made, reused, kept] = [count('made'), count('reused'), count('kept')];
    const parts = [
      made > 0 && `${made} clip${made === 1 ? '' : 's'} transcribed`,
      reused > 0 && `${reused} clip${reused === 1 ? '' : 's'}’ lines taken from the recording’s transcript`,
      kept > 0 && `${kept} already had caption lines from the transcript or a transcription, kept`,
    ].filter(Boolean);
    if (parts.length > 0) setDone(`${parts.join('; ')}.`);
  };

  return (
    <section class="batch" aria-label="Transcribe all clips">
      <div class="batch-row">
        <button type="button" class="btn secondary" onClick={() => void transcribe()} disabled={job !== null}>
          {picks.length === 1 ? 'Transcribe the clip' : 'Transcribe all clips'}
        </button>
        <span class="muted small">
          Caption lines from what is said, made on this device ({model.label}: {model.languageName} only). Clips with lines from the transcript keep them; where
          the recording’s transcript covers a clip, its lines come from there.
        </span>
      </div>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {done && (
        <p class="muted small" role="status" data-testid="transcribe-all-result">
          {done}
        </p>
      )}
      {error && <ErrorNote message={`Transcription stopped: ${error.message}`} details={detailsOf(error)} onDismiss={() => setError(null)} />}
    </section>
  );
}
