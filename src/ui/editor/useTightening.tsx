import { useMemo } from 'preact/hooks';
import type { ProjectPatch, ProjectRecord } from '../../app/projects';
import type { Tightening } from '../../app/renderClip';
import type { RunCommand } from '../../domain/edit/commands';
import type { ClipEdit } from '../../domain/edit/model';
import { outputPreset } from '../../domain/edit/output';
import { clipCuts, playedSpans, tightens } from '../../domain/edit/tightenEdit';
import { clipRetimer, retimeCues, type Span } from '../../domain/edit/tighten';
import type { Cue } from '../../domain/edit/captions';
import { useLoudness } from '../project/useLoudness';
import { type PauseSource, TightenControls } from './TightenControls';

/**
 * "Tighten" in the editor: the recording's pauses (its loudness envelope, measured once per
 * project), the clip's cuts from them, what the render and the preview need, and the controls.
 */
export function useTightening(
  project: ProjectRecord,
  recording: Blob,
  clip: Span,
  edit: ClipEdit | null,
  run: RunCommand,
  save: (patch: ProjectPatch) => void,
) {
  const { meta } = project.recording;
  const { state } = useLoudness(project.id, recording, project.recording.name, meta);
  const loudness = state.status === 'ready' ? state.loudness : undefined;
  const byDefault = project.tightenAll === true;
  const tightening = useMemo<Tightening>(() => ({ byDefault, ...(loudness && { loudness }) }), [byDefault, loudness]);
  const fps = edit ? outputPreset(edit.output).fps : 30;
  const { start, end } = clip;
  const cuts = useMemo(() => (edit ? clipCuts(edit, { start, end }, fps, byDefault, tightening) : []), [edit, start, end, fps, byDefault, tightening]);
  const on = edit ? tightens(edit, byDefault) : false;
  const pauses: PauseSource = !meta.hasAudio ? 'no-audio' : loudness ? 'ready' : state.status === 'none' ? 'measuring' : 'failed';
  const controls = edit && (
    <TightenControls
      edit={edit}
      cuts={cuts}
      clipStart={clip.start}
      on={on}
      clipSec={clip.end - clip.start}
      run={run}
      project={{ byDefault, setByDefault: (all) => save({ tightenAll: all }), pauses }}
    />
  );
  const keep = useMemo(() => playedSpans({ start, end }, cuts), [start, end, cuts]);
  /** Clip-time lines as the short times them. */
  const inShort = (lines: readonly Cue[]): Cue[] => (keep ? retimeCues(lines, clipRetimer(start, keep)) : [...lines]);
  return { tightening, cuts, controls, inShort };
}
