import { FONTS, TEXT_STYLES, type FontId, type TextStyle } from '../../domain/edit/textStyle';

interface Props {
  /** What is styled, e.g. "Caption": names the radio group and the font list. */
  name: string;
  style: TextStyle;
  font: FontId;
  onStyle: (style: TextStyle) => void;
  onFont: (font: FontId) => void;
}

/** The text style (plate / bold outline / box) and font of captions, the intro card or a text. */
export function StylePicker({ name, style, font, onStyle, onFont }: Props) {
  const group = `${name.toLowerCase().replace(/\W+/g, '-')}-style`;
  return (
    <div class="style-picker">
      <div class="choice-row" role="radiogroup" aria-label={`${name} style`}>
        {TEXT_STYLES.map((s) => (
          <label key={s.id} class="check">
            <input type="radio" name={group} checked={style === s.id} onChange={() => onStyle(s.id)} />
            {s.label}
          </label>
        ))}
      </div>
      <label class="field">
        <span>Font</span>
        <select aria-label={`${name} font`} value={font} onChange={(e) => onFont(e.currentTarget.value as FontId)}>
          {FONTS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
