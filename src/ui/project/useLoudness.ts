import { useEffect, useState } from 'preact/hooks';
import type { Loudness } from '../../domain/recording/loudness';
import type { RecordingMeta } from '../../domain/recording/meta';
import { getLoudness, saveLoudness } from '../../app/projects';
import { backgroundEngine } from '../../app/services';
import { useJob } from '../common/useJob';
import { messageOf } from '../../domain/errors/messageOf';

export type LoudnessState = { status: 'none' } | { status: 'ready'; loudness: Loudness } | { status: 'cancelled' } | { status: 'error'; message: string };

/**
 * The recording's loudness envelope: read from storage, or measured once (a cancellable job)
 * and stored, so clip edges can snap to pauses in the host's voice. Without a recording (the
 * view closed, the project deleted) the measurement stops: it holds the recording's file.
 */
export function useLoudness(projectId: string, recording: Blob | undefined, fileName: string, meta: RecordingMeta | undefined) {
  const [state, setState] = useState<LoudnessState>({ status: 'none' });
  const { job, run, cancel } = useJob();
  const [attempt, setAttempt] = useState(0);
  // Primitives, not the meta object: a reload of the same project must not restart the measurement.
  const hasAudio = meta?.hasAudio ?? false;
  const durationSec = meta?.durationSec ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: run/cancel are stable (useJob), the file name belongs to the recording, and `attempt` is the Retry button.
  useEffect(() => {
    if (!recording || !hasAudio) return;
    let live = true;
    void (async () => {
      try {
        const stored = await getLoudness(projectId);
        if (!live) return;
        if (stored) return setState({ status: 'ready', loudness: stored });
        const measured = await run('Finding pauses in the audio', (hooks) => backgroundEngine.loudness(recording, fileName, durationSec, hooks));
        // A measurement that finished is kept even if the view has closed meanwhile; storage refuses it if the project is gone.
        if (measured) await saveLoudness(projectId, measured);
        if (live) setState(measured ? { status: 'ready', loudness: measured } : { status: 'cancelled' });
      } catch (e) {
        if (live) setState({ status: 'error', message: messageOf(e) });
      }
    })();
    return () => {
      live = false;
      cancel();
    };
  }, [projectId, recording, hasAudio, durationSec, attempt]);

  return { state, job, cancel, retry: () => setAttempt((n) => n + 1) };
}
