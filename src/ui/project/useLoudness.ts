import { useEffect, useMemo } from 'preact/hooks';
import type { RecordingMeta } from '../../domain/recording/meta';
import { jobs } from '../../app/jobs';
import { getLoudness, saveLoudness } from '../../app/projects';
import { backgroundEngine } from '../../app/services';
import { LoudnessStore } from '../../app/stores/loudnessStore';
import { useJobs } from '../common/useJobs';
import { useStore } from '../common/useStore';

/** The recording's loudness from its store (src/app/stores/loudnessStore.ts), with the measuring job. */
export function useLoudness(projectId: string, recording: Blob | undefined, fileName: string, meta: RecordingMeta | undefined) {
  const store = useMemo(
    () =>
      new LoudnessStore({
        stored: () => getLoudness(projectId),
        measure: (s, job) => backgroundEngine.loudness(s.recording, s.fileName, s.durationSec, job),
        save: (l) => saveLoudness(projectId, l),
        jobs,
      }),
    [projectId],
  );
  useEffect(() => () => store.dispose(), [store]);
  // Primitives, not the meta object: a reload of the same project must not restart the measurement.
  const hasAudio = meta?.hasAudio ?? false;
  const durationSec = meta?.durationSec ?? 0;
  useEffect(() => {
    store.open(recording && hasAudio ? { recording, fileName, durationSec } : undefined);
  }, [store, recording, fileName, hasAudio, durationSec]);
  const { state, jobId } = useStore(store);
  const job = useJobs((all) => all.find((j) => j.id === jobId) ?? null);
  return { state, job, cancel: () => store.cancel(), retry: () => store.retry() };
}
