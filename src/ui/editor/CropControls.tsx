import { pinCropAt, removeCropPin, type RunCommand, slideCropX } from '../../domain/edit/commands';
import { cropXAt, PIN_NEAR_SEC } from '../../domain/edit/cropPath';
import type { ClipEdit } from '../../domain/edit/model';
import { formatClock } from '../../domain/format';

interface Props {
  edit: ClipEdit;
  /** The frame shown, clip seconds: where a pin goes, and what the slider shows. */
  time: number;
  run: RunCommand;
}

const percent = (x: number) => `${Math.round(x * 100)}% from the left`;

/**
 * Where the centre crop's window sits across a wider picture: one position for the whole clip,
 * or pins at moments of it that the crop moves between (held, then panned to arrive on time).
 */
export function CropControls({ edit, time, run }: Props) {
  const pins = edit.cropPins ?? [];
  const x = cropXAt(edit.cropPins, edit.cropX, time);
  const at = formatClock(time);
  const pinnedHere = pins.some((p) => Math.abs(p.t - time) < PIN_NEAR_SEC);
  return (
    <div class="crop-controls" data-testid="crop-controls">
      <label class="field wide">
        <span>{pins.length > 0 ? `Crop at ${at} (or drag the picture on the canvas)` : 'Crop position (or drag the picture on the canvas)'}</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={x}
          aria-valuetext={percent(x)}
          onInput={(e) => run(slideCropX, { t: time, x: Number(e.currentTarget.value) })}
        />
      </label>
      <button type="button" class="btn secondary small" disabled={pinnedHere} onClick={() => run(pinCropAt, { t: time, x })}>
        {pinnedHere ? `Pinned at ${at}: the slider moves this pin` : `Pin the crop at ${at}`}
      </button>
      {pins.length > 0 ? (
        <>
          <p class="muted small">The crop holds still, then pans to each pin and arrives at its moment.</p>
          <ul class="crop-pins" aria-label="Crop pins">
            {pins.map((p) => (
              <li key={p.t}>
                <span>
                  {formatClock(p.t)} · {percent(p.x)}
                </span>
                <button type="button" class="btn ghost small" aria-label={`Remove the crop pin at ${formatClock(p.t)}`} onClick={() => run(removeCropPin, p.t)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted small">Pin the crop at moments of the clip to make it follow the action.</p>
      )}
    </div>
  );
}
