import { quietRuns, type Loudness } from '../../domain/recording/loudness';
import { formatClock } from '../../domain/format';
import type { TranscriptProgress } from '../../domain/speech/recordingTranscript';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS } from '../../domain/speech/models';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import type { RecordingTranscriptHandle } from './useRecordingTranscript';

interface Props {
  transcript: RecordingTranscriptHandle;
  hasAudio: boolean;
  durationSec: number;
  /** The recording's loudness when measured: chunks then end in pauses. */
  loudness: Loudness | undefined;
}

const model = SPEECH_MODELS[DEFAULT_SPEECH_MODEL];
const clock = (sec: number) => formatClock(sec, false);
const words = (n: number) => `${n.toLocaleString('en-US')} word${n === 1 ? '' : 's'}`;
const sofar = (p: TranscriptProgress) => `${clock(p.coveredSec)} of ${clock(p.durationSec)} transcribed, ${words(p.words)}`;

/**
 * "Transcribe the whole recording" (issue 19): once, on this device, in the background; its
 * progress with Cancel, a paused or stopped one to continue, and what it made.
 */
export function RecordingTranscript({ transcript, hasAudio, durationSec, loudness }: Props) {
  const { state, job, store } = transcript;
  if (!hasAudio || state.status === 'loading') return null;
  const p = state.progress;
  const start = () => store.start(loudness ? quietRuns(loudness, { minRunSec: 0.3 }) : []);

  return (
    <section class="recording-transcript" aria-labelledby="recording-transcript-title" data-testid="recording-transcript" data-status={state.status}>
      <h2 id="recording-transcript-title">Transcript of the recording</h2>
      <p class="muted small">
        Everything said in the recording, as text, made once on this device ({model.label}: {model.languageName} only; nothing is uploaded). Clip captions then
        come from it without recognising the speech again, and it shows where each product is pitched: no click log is needed (a product list or a log makes it
        surer). It runs in the background, cut at the host’s pauses; after a reload it goes on from the last finished part.
      </p>
      {state.status === 'none' && (
        <div class="batch-row">
          <button type="button" class="btn secondary" onClick={start}>
            Transcribe the whole recording
          </button>
          <span class="muted small">{clock(durationSec)} of audio</span>
        </div>
      )}
      {job && <JobProgressBar job={job} onCancel={() => store.cancel()} showPhase />}
      {state.status === 'running' && p && (
        <p class="muted small" data-testid="transcript-sofar">
          So far: {sofar(p)}.
        </p>
      )}
      {(state.status === 'paused' || state.status === 'stopped' || state.status === 'error') && p && (
        <div class="batch-row" role="status">
          <span>
            {state.status === 'paused' ? 'Transcription paused' : 'Transcription stopped'} at {clock(p.resumeAtSec)}: {sofar(p)}.
          </span>
          <button type="button" class="btn small" onClick={() => store.continue()}>
            Continue from {clock(p.resumeAtSec)}
          </button>
          <button type="button" class="btn ghost small" onClick={() => store.discard()}>
            Discard
          </button>
        </div>
      )}
      {state.status === 'error' && <ErrorNote message={`Transcription stopped: ${state.message ?? 'unknown error'}`} />}
      {state.status === 'done' && p && (
        <div class="batch-row">
          <p role="status" data-testid="transcript-result">
            Transcribed: {clock(p.coveredSec)} of recording, {words(p.words)}. Clip captions take their lines from it.
          </p>
          <button type="button" class="btn ghost small" onClick={() => store.discard()}>
            Discard the transcript
          </button>
        </div>
      )}
    </section>
  );
}
