import { useEffect, useId, useState } from 'preact/hooks';
import { MAX_CLIP_SEC, type SelectionOptions, type Weights } from '../../domain/selection/model';

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
  /** Told whether the field now holds a value it refused (so a collapsed section can show it). */
  onInvalid?: (invalid: boolean) => void;
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
function NumberField({ label, value, min, max, unit, why, onValue, onInvalid }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const error = draft === null ? null : rangeError(draft, min, max, unit, why);
  const id = useId();
  const invalid = error !== null;
  useEffect(() => onInvalid?.(invalid), [invalid, onInvalid]);
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
            // A string, as the DOM holds it: Preact writes a number again on every render (15 !== "15"),
            // and in Firefox that write drops a selection the user just made (the pauses landing mid-edit).
            value={draft ?? String(value)}
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

const POINTS: Array<[keyof Weights, string]> = [
  ['click', 'Points per click'],
  ['add_to_cart', 'Points per add-to-cart'],
  ['order', 'Points per order'],
];

/**
 * How highlights are chosen: the clip count up front; lengths and points under "Advanced",
 * which stays open while one of its fields holds a refused value, so the message stays in view.
 */
export function SelectionSettings({ value, onChange }: Props) {
  const set = (patch: Partial<SelectionOptions>) => onChange({ ...value, ...patch });
  const [expanded, setExpanded] = useState(false);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const track = (label: string) => (bad: boolean) =>
    setInvalid((s) => (s.has(label) === bad ? s : new Set(bad ? [...s, label] : [...s].filter((l) => l !== label))));
  const open = expanded || invalid.size > 0;
  const panel = useId();
  return (
    <fieldset class="settings">
      <legend>Clip settings</legend>
      <div class="settings-row">
        <NumberField label="Clips" value={value.topN} min={1} max={100} onValue={(topN) => set({ topN })} />
        <label class="check">
          <input type="checkbox" checked={value.secondClip} onChange={(e) => set({ secondClip: e.currentTarget.checked })} />A clip for every time a product was
          shown
        </label>
      </div>
      <p class="muted small">
        One product per clip, from the moment its clicks picked up until they calmed down, starting a few seconds early because viewers click after they see it.
        Clips begin and end at a pause in the host’s voice when there is one close by.
      </p>
      <div class="settings-advanced">
        <div class="settings-advanced-head">
          <button type="button" class="btn ghost small disclosure" aria-expanded={open} aria-controls={panel} onClick={() => setExpanded(!open)}>
            Advanced
          </button>
          <span class="muted small">
            Clips {value.minSec}–{value.maxSec} s, starting {value.leadInSec} s early
          </span>
        </div>
        <div id={panel} class="settings-panel" hidden={!open}>
          <div class="settings-row">
            <NumberField
              label="Min length"
              unit="s"
              value={value.minSec}
              min={1}
              max={value.maxSec}
              why="no longer than the max length"
              onValue={(minSec) => set({ minSec })}
              onInvalid={track('min')}
            />
            <NumberField
              label="Max length"
              unit="s"
              value={value.maxSec}
              min={value.minSec}
              max={MAX_CLIP_SEC}
              why={`at least the min length, and a clip is at most ${MAX_CLIP_SEC} s`}
              onValue={(maxSec) => set({ maxSec })}
              onInvalid={track('max')}
            />
            <NumberField
              label="Lead-in"
              unit="s"
              value={value.leadInSec}
              min={0}
              max={20}
              onValue={(leadInSec) => set({ leadInSec })}
              onInvalid={track('lead')}
            />
          </div>
          <p class="muted small">Lead-in: extra seconds before the rise in clicks, so the clip catches the host introducing the product.</p>
          <div class="settings-row">
            {POINTS.map(([kind, label]) => (
              <NumberField
                key={kind}
                label={label}
                value={value.weights[kind]}
                min={0}
                max={100}
                onValue={(n) => set({ weights: { ...value.weights, [kind]: n } })}
                onInvalid={track(kind)}
              />
            ))}
          </div>
          <p class="muted small">Points rank the clips: a clip’s score adds up the points of what viewers did in it.</p>
        </div>
      </div>
    </fieldset>
  );
}
