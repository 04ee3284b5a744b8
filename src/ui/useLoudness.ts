import { useEffect, useState } from 'preact/hooks';
import type { Loudness } from '../domain/loudness';
import type { RecordingMeta } from '../domain/recording';
import { getLoudness, saveLoudness } from '../storage/projects';
import { backgroundEngine } from './services';
import { useJob } from './useJob';

export type LoudnessState = { status: 'none' } | { status: 'ready'; loudness: Loudness } | { status: 'cancelled' } | { status: 'error'; message: string };

/**
 * The recording's loudness envelope: read from storage, or measured once (a cancellable job)
 * and stored, so clip edges can snap to pauses in the host's voice.
 */
export function useLoudness(projectId: string, recording: Blob | undefined, fileName: string, meta: RecordingMeta | undefined) {
  const [state, setState] = useState<LoudnessState>({ status: 'none' });
  const { job, run, cancel } = useJob();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!recording || !meta?.hasAudio) return;
    let live = true;
    void (async () => {
      try {
        const stored = await getLoudness(projectId);
        if (stored) {
          if (live) setState({ status: 'ready', loudness: stored });
          return;
        }
        const measured = await run('Finding pauses in the audio', (hooks) => backgroundEngine.loudness(recording, fileName, meta.durationSec, hooks));
        if (!live) return;
        if (!measured) {
          setState({ status: 'cancelled' });
          return;
        }
        await saveLoudness(projectId, measured);
        setState({ status: 'ready', loudness: measured });
      } catch (e) {
        if (live) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [projectId, recording, meta, attempt]);

  return { state, job, cancel, retry: () => setAttempt((n) => n + 1) };
}
