import { MAX_CLIP_SEC, type SelectionOptions } from '../../domain/events';

interface Props {
  value: SelectionOptions;
  onChange: (next: SelectionOptions) => void;
}

export function SelectionSettings({ value, onChange }: Props) {
  return (
    <fieldset class="settings">
      <legend>Selection</legend>
      <label>
        Clip length <output>{value.windowSec} s</output>
        <input
          type="range"
          min={5}
          max={MAX_CLIP_SEC}
          step={1}
          value={value.windowSec}
          aria-label="Clip length in seconds"
          onInput={(e) => onChange({ ...value, windowSec: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        Clips
        <input
          type="number"
          min={1}
          max={50}
          value={value.topN}
          aria-label="Number of clips"
          onChange={(e) => {
            const n = Math.round(Number(e.currentTarget.value));
            if (n >= 1 && n <= 50) onChange({ ...value, topN: n });
          }}
        />
      </label>
      <p class="muted small">
        Score = clicks ×{value.weights.click} + add-to-cart ×{value.weights.add_to_cart} + orders ×{value.weights.order}. One product
        per clip; clips never overlap.
      </p>
    </fieldset>
  );
}
