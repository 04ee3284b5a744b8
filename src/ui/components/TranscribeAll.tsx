import { asError } from '../../domain/messageOf';
import { useState } from 'preact/hooks';
import { currentEdit, keepTranscription } from '../../app/clipEdits';
import type { ProjectRecord } from '../../app/projects';
import { engine } from '../../app/services';
import type { Clip } from '../../domain/clipOverride';
import { detailsOf } from '../../domain/mediaErrors';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS } from '../../domain/speech/models';
import { speechClient } from '../../speech/client';
import { transcribeClip } from '../../speech/transcribeClip';
import { useJob } from '../useJob';
import { ErrorNote } from './ErrorNote';
import { JobProgressBar } from './JobProgress';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  picks: Clip[];
}

const model = SPEECH_MODELS[DEFAULT_SPEECH_MODEL];

/**
 * "Transcribe all clips": caption lines from speech for every clip that has neither lines from
 * the imported transcript (they win) nor a transcription already, stored with each clip's edit.
 */
export function TranscribeAll({ project, recording, picks }: Props) {
  const { job, run, cancel } = useJob();
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!project.recording.meta.hasAudio) return null;

  const transcribeAll = async () => {
    setError(null);
    setDone(null);
    let made = 0;
    let kept = 0;
    try {
      await run(`Transcribing ${picks.length === 1 ? 'the clip' : `${picks.length} clips`}`, async (hooks) => {
        const total = picks.reduce((sum, p) => sum + (p.end - p.start), 0);
        let before = 0;
        for (const pick of picks) {
          const sec = pick.end - pick.start;
          const edit = await currentEdit(project, pick);
          if (edit.captions.fromTranscript) kept++;
          else {
            const result = await transcribeClip(
              engine,
              speechClient(),
              { recording, fileName: project.recording.name, start: pick.start, end: pick.end },
              {
                ...(hooks.signal && { signal: hooks.signal }),
                onProgress: (p) => hooks.onProgress({ ratio: (before + p.ratio * sec) / total }),
              },
            );
            if (result.cues.length > 0) {
              await keepTranscription(project, pick, edit, result);
              made++;
            }
          }
          before += sec;
        }
      });
    } catch (e) {
      setError(asError(e));
    }
    if (made + kept > 0)
      setDone(
        `${made} clip${made === 1 ? '' : 's'} transcribed${kept > 0 ? `; ${kept} already had caption lines from the transcript or a transcription, kept` : ''}.`,
      );
  };

  return (
    <section class="batch" aria-label="Transcribe all clips">
      <div class="batch-row">
        <button type="button" class="btn secondary" onClick={() => void transcribeAll()} disabled={job !== null}>
          {picks.length === 1 ? 'Transcribe the clip' : 'Transcribe all clips'}
        </button>
        <span class="muted small">
          Caption lines from what is said, made on this device ({model.label}: {model.languageName} only). Clips with lines from the transcript keep them.
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
