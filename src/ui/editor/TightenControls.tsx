import { restoreCut, type RunCommand, setTighten, slidePauseThreshold } from '../../domain/edit/commands';
import type { ClipEdit } from '../../domain/edit/model';
import { MIN_PAUSE_RANGE, MIN_PAUSE_SEC, type Span } from '../../domain/edit/tighten';
import type { ClipCut } from '../../domain/edit/tightenEdit';
import { formatClock } from '../../domain/format';

/** Where the pauses come from, as the editor knows it now. */
export type PauseSource = 'ready' | 'measuring' | 'no-audio' | 'failed';

export interface TightenProject {
  /** "Tighten every clip": the project's setting. */
  byDefault: boolean;
  setByDefault: (on: boolean) => void;
  pauses: PauseSource;
}

interface Props {
  edit: ClipEdit;
  /** This clip's cuts, recording time (restored ones included). */
  cuts: readonly ClipCut[];
  clipStart: number;
  on: boolean;
  clipSec: number;
  run: RunCommand;
  project: TightenProject;
}

const seconds = (s: number) => `${s.toFixed(1)} s`;

const PAUSE_NOTES: Record<Exclude<PauseSource, 'ready'>, string> = {
  measuring: 'Finding the pauses in the audio…',
  'no-audio': 'This recording has no sound: there are no pauses to cut.',
  failed: "The pauses couldn't be measured in this recording's audio: nothing is cut.",
};

/**
 * "Tighten": the clip's pauses longer than a threshold cut out, each listed (and shaded on the
 * scrub bar) with a button that keeps it. Off by default; the project's setting turns it on for
 * every clip whose own choice does not say otherwise.
 */
export function TightenControls({ edit, cuts, clipStart, on, clipSec, run, project }: Props) {
  const spanOf = (c: Span) => `${formatClock(c.start - clipStart)}–${formatClock(c.end - clipStart)}`;
  const minPause = edit.tighten?.minPauseSec ?? MIN_PAUSE_SEC;
  const cut = cuts.filter((c) => !c.restored);
  const saved = cut.reduce((sum, c) => sum + c.end - c.start, 0);
  return (
    <fieldset class="tighten" data-testid="tighten">
      <legend>Tighten</legend>
      <label class="check">
        <input type="checkbox" checked={on} onChange={(e) => run(setTighten, { enabled: e.currentTarget.checked })} />
        Cut the pauses
      </label>
      <label class="field wide">
        <span>Pauses longer than {seconds(minPause)} (0.15 s of each is kept)</span>
        <input
          type="range"
          min={MIN_PAUSE_RANGE.min}
          max={MIN_PAUSE_RANGE.max}
          step={MIN_PAUSE_RANGE.step}
          value={minPause}
          disabled={!on}
          aria-valuetext={seconds(minPause)}
          onInput={(e) => run(slidePauseThreshold, { enabled: on, minPauseSec: Number(e.currentTarget.value) })}
        />
      </label>
      <label class="check">
        <input type="checkbox" checked={project.byDefault} onChange={(e) => project.setByDefault(e.currentTarget.checked)} />
        Tighten every clip of this project
      </label>
      {on && project.pauses !== 'ready' && (
        <p class="muted small" role="status">
          {PAUSE_NOTES[project.pauses]}
        </p>
      )}
      {on && project.pauses === 'ready' && (
        <>
          <p class="small" role="status" data-testid="tighten-summary">
            {cut.length === 0
              ? `No pause longer than ${seconds(minPause)} to cut.`
              : `${cut.length} ${cut.length === 1 ? 'pause' : 'pauses'} cut: the short is ${seconds(saved)} shorter (${seconds(clipSec - saved)}).`}
          </p>
          {cuts.length > 0 && (
            <ul class="cut-list" aria-label="Cut pauses">
              {cuts.map((c) => (
                <li
                  key={c.start}
                  class={c.restored ? 'restored' : undefined}
                  data-start={(c.start - clipStart).toFixed(3)}
                  data-end={(c.end - clipStart).toFixed(3)}
                >
                  <span>
                    {spanOf(c)} · {seconds(c.end - c.start)}
                    {c.restored && ' · kept'}
                  </span>
                  <button
                    type="button"
                    class="btn ghost small"
                    aria-label={`${c.restored ? 'Cut again' : 'Restore'} the pause at ${spanOf(c)}`}
                    onClick={() => run(restoreCut, { cut: c, restore: !c.restored })}
                  >
                    {c.restored ? 'Cut again' : 'Restore'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}
