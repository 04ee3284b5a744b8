import { useEffect, useMemo } from 'preact/hooks';
import type { SpeechHints } from '../../domain/speech/vocabulary';
import { transcriptStore } from '../../app/recordingTranscript';
import { useJobs } from '../common/useJobs';
import { useStore } from '../common/useStore';

/** The whole recording's transcript from its store (src/app/stores/transcriptStore.ts), with its job. */
export function useRecordingTranscript(
  projectId: string,
  recording: Blob | undefined,
  fileName: string,
  hasAudio: boolean,
  durationSec: number,
  hints: SpeechHints,
) {
  // The project's store outlives this view: leaving the page does not stop a transcription.
  const store = useMemo(() => transcriptStore(projectId), [projectId]);
  // Primitives, not the meta object: a reload of the same project must not restart it.
  useEffect(() => {
    store.open(recording && hasAudio && durationSec > 0 ? { recording, fileName, durationSec, hints } : undefined);
  }, [store, recording, fileName, hasAudio, durationSec, hints]);
  const state = useStore(store);
  const job = useJobs((all) => all.find((j) => j.id === state.jobId) ?? null);
  return { state, job, store };
}

export type RecordingTranscriptHandle = ReturnType<typeof useRecordingTranscript>;
