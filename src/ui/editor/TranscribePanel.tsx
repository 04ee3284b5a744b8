import { asError } from '../../domain/errors/messageOf';
import { useRef, useState } from 'preact/hooks';
import type { ClipEdit } from '../../domain/edit/model';
import { detailsOf } from '../../domain/errors/mediaFailure';
import { formatSpeed } from '../../domain/format';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS } from '../../domain/speech/models';
import type { VocabularyProduct } from '../../domain/speech/vocabulary';
import { clipTranscription, type Transcription } from '../../app/transcribeAll';
import { useJob } from '../common/useJob';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';

interface Props {
  projectId: string;
  recording: Blob;
  recordingName: string;
  hasAudio: boolean;
  /** The clip's range in the recording. */
  clip: { start: number; end: number };
  /** Names and prices the captions spell as the seller does: the clip's product, its intro card and the shop's product list. */
  products: VocabularyProduct[];
  captions: ClipEdit['captions'];
  onCaptions: (captions: ClipEdit['captions']) => void;
}

const model = SPEECH_MODELS[DEFAULT_SPEECH_MODEL];

/** What a transcription did, in a line: lines made, speech heard, speed. */
export function transcriptionSummary(t: Transcription & { fromRecording?: boolean }): string {
  if (t.fromRecording) return `${t.cues.length} caption line${t.cues.length === 1 ? '' : 's'} from the recording’s transcript (nothing recognised again).`;
  const speed = t.transcribeSec > 0 ? ` at ${formatSpeed(t.speechSec / t.transcribeSec)} real time` : '';
  return `${t.cues.length} caption line${t.cues.length === 1 ? '' : 's'} from ${t.speechSec.toFixed(1)} s of speech${speed}.`;
}

/**
 * "Transcribe": the clip's speech as caption lines, made on this device. Lines from an imported
 * transcript win: transcribing then is an explicit replace, said so on the button.
 */
export function TranscribePanel({ projectId, recording, recordingName, hasAudio, clip, products, captions, onCaptions }: Props) {
  const { job, run, cancel } = useJob();
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<{ message: string; timings?: Record<string, number>; fromRecording?: boolean } | null>(null);
  // The edit may change while the job runs: the result goes into the latest one.
  const latest = useRef({ captions, onCaptions });
  latest.current = { captions, onCaptions };
  const imported = captions.fromTranscript && !captions.speechModel;

  const transcribe = async () => {
    setError(null);
    setDone(null);
    try {
      const result = await run('Transcribing the clip', (hooks) => clipTranscription(projectId, recording, recordingName, clip, hooks, products));
      if (!result) return;
      if (result.cues.length === 0) return setDone({ message: 'No speech was found in this clip: the caption lines are unchanged.' });
      const now = latest.current;
      now.onCaptions({ ...now.captions, enabled: true, fromTranscript: true, speechModel: result.modelId, cues: result.cues });
      const { loadSec, transcribeSec, speechSec, fromRecording } = result;
      setDone({
        message: transcriptionSummary(result),
        ...(!fromRecording && { timings: { loadSec, transcribeSec, speechSec, clipSec: clip.end - clip.start } }),
        fromRecording,
      });
    } catch (e) {
      setError(asError(e));
    }
  };

  const label = imported ? 'Transcribe (replaces the transcript’s lines)' : captions.speechModel ? 'Transcribe again' : 'Transcribe speech';
  return (
    <div class="transcribe" data-testid="transcribe">
      <div class="choice-row">
        <button type="button" class="btn small" onClick={() => void transcribe()} disabled={job !== null || !hasAudio}>
          {label}
        </button>
      </div>
      <p class="muted small">
        {hasAudio
          ? `Makes the caption lines from what is said, on this device (${model.label}: understands ${model.languageName} only): from the recording’s transcript when the whole recording was transcribed on the project page, else by recognising the clip’s speech. Undo puts the previous lines back.`
          : 'This recording has no sound to transcribe.'}
      </p>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {done && (
        <p
          class="muted small"
          role="status"
          data-testid="transcribe-result"
          data-timings={done.timings && JSON.stringify(done.timings)}
          data-source={done.fromRecording ? 'recording-transcript' : 'clip'}
        >
          {done.message}
        </p>
      )}
      {error && <ErrorNote message={`Transcription stopped: ${error.message}`} details={detailsOf(error)} onDismiss={() => setError(null)} />}
    </div>
  );
}
