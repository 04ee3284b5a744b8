import { MAX_CLIP_SEC, type SelectionOptions, type Weights } from '../../domain/events';

interface Props {
  value: SelectionOptions;
  onChange: (next: SelectionOptions) => void;
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  unit?: string;
  onValue: (n: number) => void;
}

/** A labelled number input that only reports values inside its range. */
function NumberField({ label, value, min, max, unit, onValue }: NumberFieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <span class="field-input">
        <input
          type="number"
          min={min}
          max={max}
          step={1}
          value={value}
          onInput={(e) => {
            const n = Number(e.currentTarget.value);
            if (e.currentTarget.value !== '' && Number.isFinite(n) && n >= min && n <= max) onValue(n);
          }}
        />
        {unit && <span class="muted small">{unit}</span>}
      </span>
    </label>
  );
}

const WEIGHTS: Array<[keyof Weights, string]> = [
  ['click', 'Click'],
  ['add_to_cart', 'Add to cart'],
  ['order', 'Order'],
];

export function SelectionSettings({ value, onChange }: Props) {
  const set = (patch: Partial<SelectionOptions>) => onChange({ ...value, ...patch });
  return (
    <fieldset class="settings">
      <legend>Selection</legend>
      <div class="settings-row">
        <NumberField label="Min length" unit="s" value={value.minSec} min={1} max={value.maxSec} onValue={(minSec) => set({ minSec })} />
        <NumberField label="Max length" unit="s" value={value.maxSec} min={value.minSec} max={MAX_CLIP_SEC} onValue={(maxSec) => set({ maxSec })} />
        <NumberField label="Lead-in" unit="s" value={value.leadInSec} min={0} max={20} onValue={(leadInSec) => set({ leadInSec })} />
        <NumberField label="Clips" value={value.topN} min={1} max={100} onValue={(topN) => set({ topN })} />
      </div>
      <div class="settings-row">
        {WEIGHTS.map(([kind, label]) => (
          <NumberField
            key={kind}
            label={`${label} weight`}
            value={value.weights[kind]}
            min={0}
            max={100}
            onValue={(n) => set({ weights: { ...value.weights, [kind]: n } })}
          />
        ))}
        <label class="check">
          <input type="checkbox" checked={value.secondClip} onChange={(e) => set({ secondClip: e.currentTarget.checked })} />
          A clip for every pitch (products shown more than once)
        </label>
      </div>
      <p class="muted small">
        One product per clip, inside the time it was pinned (or where its clicks led). Each clip holds the moment its clicks rose
        above their usual level: it starts a few seconds before the rise (viewers click late), plus the lead-in, and ends after the
        clicks fall; edges move to a pause in the voice when one is within 3 s.
      </p>
    </fieldset>
  );
}
