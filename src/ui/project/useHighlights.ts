import type { StoredProject } from '../../app/stores/projectStore';
import { DEFAULT_SELECTION } from '../../domain/selection/model';
import { effectiveStreamStart } from '../../domain/recording/streamStart';
import { useLoudness } from './useLoudness';
import { useSelection } from './useSelection';

type Ready = Extract<StoredProject, { status: 'ready' }>;

/** An open project's pause finder, stream start and selection, from what is stored (none while it loads). */
export function useHighlights(id: string, data: Ready | undefined) {
  const project = data?.project;
  const meta = project?.recording.meta;
  const audio = useLoudness(id, data?.recording, project?.recording.name ?? '', meta);
  const streamStart = project
    ? effectiveStreamStart({
        chosenMs: project.streamStartMs,
        chosenFile: project.streamStartFile,
        logMs: data?.log?.streamStartMs,
        creationTimeMs: meta?.creationTimeMs,
        recordingName: project.recording.name,
      })
    : undefined;
  const state = useSelection(
    id,
    data?.log,
    meta?.durationSec ?? 0,
    streamStart?.ms,
    project?.offsetSec ?? 0,
    project?.selection ?? DEFAULT_SELECTION,
    audio.state.status === 'ready' ? audio.state.loudness : undefined,
  );
  return { audio, streamStart, state };
}
