import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import type { useLoudness } from './useLoudness';

/** The pause finder's job, or why clip edges are not snapped to pauses (with a retry). */
export function PauseStatus({ audio }: { audio: ReturnType<typeof useLoudness> }) {
  return (
    <>
      {audio.job && <JobProgressBar job={audio.job} onCancel={audio.cancel} />}
      {audio.state.status === 'cancelled' && (
        <p class="note warn" role="status">
          Pause detection was cancelled: clip edges are not snapped to pauses.{' '}
          <button type="button" class="btn small" onClick={audio.retry}>
            Find pauses
          </button>
        </p>
      )}
      {audio.state.status === 'error' && <ErrorNote message={`Pauses could not be measured, so clip edges are not snapped: ${audio.state.message}`} />}
    </>
  );
}
