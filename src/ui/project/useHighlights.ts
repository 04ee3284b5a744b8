import type { StoredProject } from '../../app/stores/projectStore';
import { DEFAULT_SELECTION } from '../../domain/selection/model';
import { effectiveStreamStart } from '../../domain/recording/streamStart';
import { useMemo } from 'preact/hooks';
import { productHints } from '../../domain/speech/vocabulary';
import { useLoudness } from './useLoudness';
import { useRecordingTranscript } from './useRecordingTranscript';
import { useSelection } from './useSelection';
import { useSpokenLog } from './useSpokenLog';

type Ready = Extract<StoredProject, { status: 'ready' }>;

/**
 * An open project's pause finder, transcript, stream start and selection, from what is stored
 * (none while it loads). The selection reads the log with what the transcript says added (`log`):
 * a recording without a click log gets highlights once it is transcribed.
 */
export function useHighlights(id: string, data: Ready | undefined) {
  const project = data?.project;
  const meta = project?.recording.meta;
  const audio = useLoudness(id, data?.recording, project?.recording.name ?? '', meta);
  const hints = useMemo(() => productHints([...(data?.log?.products ?? []), ...(project?.productList?.products ?? [])]), [data?.log, project?.productList]);
  const transcript = useRecordingTranscript(id, data?.recording, project?.recording.name ?? '', meta?.hasAudio ?? false, meta?.durationSec ?? 0, hints);
  const { texts } = transcript.state;
  const offsetSec = project?.offsetSec ?? 0;
  const durationSec = meta?.durationSec ?? 0;
  const loudness = audio.state.status === 'ready' ? audio.state.loudness : undefined;
  // What the host said: read for highlights, and trim edges snap to its sentence ends.
  const said = useMemo(() => texts.flatMap((c) => c.segments), [texts]);
  const log = useSpokenLog(data?.log, project?.productList, said, durationSec, offsetSec, loudness);
  const streamStart = project
    ? effectiveStreamStart({
        chosenMs: project.streamStartMs,
        chosenFile: project.streamStartFile,
        logMs: log?.streamStartMs,
        creationTimeMs: meta?.creationTimeMs,
        recordingName: project.recording.name,
      })
    : undefined;
  const state = useSelection(id, log, durationSec, streamStart?.ms, offsetSec, project?.selection ?? DEFAULT_SELECTION, loudness);
  // No log of the seller's own: the highlights come from the transcript alone.
  const fromSpeech = !data?.log && log !== undefined;
  return { audio, transcript, said, log, fromSpeech, streamStart, state };
}
