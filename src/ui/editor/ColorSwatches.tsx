import { TEXT_COLORS } from '../../domain/edit/textStyle';

interface Props {
  /** Names the radio group, e.g. "Text colour". */
  label: string;
  value: string;
  onChange: (color: string) => void;
}

/** The text colours as round swatches, one radio group. */
export function ColorSwatches({ label, value, onChange }: Props) {
  const group = label.toLowerCase().replace(/\W+/g, '-');
  return (
    <div class="swatches" role="radiogroup" aria-label={label}>
      {TEXT_COLORS.map((c) => (
        <label key={c.value} class="swatch" title={c.label}>
          <input type="radio" name={group} checked={value === c.value} aria-label={c.label} onChange={() => onChange(c.value)} />
          <span class="swatch-chip" style={{ background: c.value }} />
        </label>
      ))}
    </div>
  );
}
