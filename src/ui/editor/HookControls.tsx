import { useMemo } from 'preact/hooks';
import type { ProjectRecord } from '../../app/projects';
import type { Clip } from '../../domain/clip/override';
import { eventsPerSecond } from '../../domain/clip/trimTimeline';
import type { ClickLog } from '../../domain/clicklog/model';
import { type RunCommand, setHook } from '../../domain/edit/commands';
import { HOOK_SEC, hookMoment } from '../../domain/edit/hook';
import type { ClipEdit } from '../../domain/edit/model';
import { formatClock } from '../../domain/format';
import { effectiveStreamStart } from '../../domain/recording/streamStart';

interface Props {
  edit: ClipEdit;
  clip: Clip;
  project: ProjectRecord;
  log: ClickLog;
  run: RunCommand;
}

/**
 * "Open with a hook": the short starts with HOOK_SEC of the clip's peak (where the product's
 * clicks were busiest, less the viewers' click lag) under the product's name, then plays the clip
 * from its start. Off by default: the plain clip.
 */
export function HookControls({ edit, clip, project, log, run }: Props) {
  const moment = useMemo(() => {
    const streamStart = effectiveStreamStart({
      chosenMs: project.streamStartMs,
      chosenFile: project.streamStartFile,
      logMs: log.streamStartMs,
      creationTimeMs: project.recording.meta.creationTimeMs,
      recordingName: project.recording.name,
    });
    // The linked product's clicks when the log has it; a typed product has none: its selection's product's.
    const linked = log.products.findIndex((p) => p.id === clip.productId);
    const timeBase = { streamStartMs: streamStart?.ms, offsetSec: project.offsetSec ?? 0 };
    const perSecond = eventsPerSecond(log.events, linked >= 0 ? linked : clip.productIndex, project.selection.weights, timeBase, clip);
    return hookMoment(perSecond, clip, clip.why.lag.sec);
  }, [project, log, clip]);
  const on = edit.hook?.enabled === true;
  const at = on ? edit.hook!.at : moment?.start;
  return (
    <fieldset class="hook-controls">
      <legend>Hook</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          disabled={!moment}
          onChange={(e) => moment && run(setHook, { enabled: e.currentTarget.checked, at: on ? edit.hook!.at : moment.start })}
        />
        Open with a hook
      </label>
      <p class="muted small" data-testid="hook-note" data-at={at === undefined ? undefined : (at - clip.start).toFixed(3)}>
        {moment && at !== undefined
          ? `The short opens with ${HOOK_SEC} s of its busiest moment (${formatClock(at - clip.start)} into the clip) under the product's name, then plays the clip from its start.`
          : `The clip is too short for a hook: it needs ${2 * HOOK_SEC} s.`}
      </p>
    </fieldset>
  );
}
