import { useId, useState } from 'preact/hooks';
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
  /** Why the range is what it is, shown with an out-of-range value ("no longer than the longest clip"). */
  why?: string;
  onValue: (n: number) => void;
}

/** The message for a typed value outside [min, max], or null when it can be used. */
export function rangeError(text: string, min: number, max: number, unit = '', why?: string): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return `Enter a number from ${min} to ${max}${unit && ` ${unit}`}.`;
  if (n < min || n > max) return `Use ${min}–${max}${unit && ` ${unit}`}${why ? `: ${why}` : ''}. Not applied.`;
  return null;
}

/**
 * A labelled number input: a value inside its range applies at once; anything else stays
 * typed, with a message saying what is allowed, and changes nothing.
 */
function NumberField({ label, value, min, max, unit, why, onValue }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const error = draft === null ? null : rangeError(draft, min, max, unit, why);
  const id = useId();
  return (
    <div class="field-block">
      <label class="field">
      <span>{label}</span>
      <span class="field-input">
        <input
          type="number"
          min={min}
          max={max}
          step={1}
          value={draft ?? value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? id : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            if (rangeError(text, min, max) === null) {
              setDraft(null);
              onValue(Number(text));
            } else setDraft(text);
          }}
          onBlur={() => error === null && setDraft(null)}
        />
        {unit && <span class="muted small">{unit}</span>}
      </span>
      </label>
      {error && (
        <p id={id} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
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
        <NumberField
          label="Min length"
          unit="s"
          value={value.minSec}
          min={1}
          max={value.maxSec}
          why="no longer than the max length"
          onValue={(minSec) => set({ minSec })}
        />
        <NumberField
          label="Max length"
          unit="s"
          value={value.maxSec}
          min={value.minSec}
          max={MAX_CLIP_SEC}
          why={`at least the min length, and a clip is at most ${MAX_CLIP_SEC} s`}
          onValue={(maxSec) => set({ maxSec })}
        />
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
