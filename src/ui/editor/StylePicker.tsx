import { FONTS, TEXT_STYLES, type FontId, type TextStyle } from '../../domain/edit/textStyle';

interface Props<S extends string> {
  /** What is styled, e.g. "Caption": names the radio group and the font list. */
  name: string;
  /** The styles offered (default: the text styles; captions add the word highlight). */
  styles?: ReadonlyArray<{ id: S; label: string }>;
  style: S;
  font: FontId;
  onStyle: (style: S) => void;
  onFont: (font: FontId) => void;
}

/** The text style (plate / bold outline / box …) and font of captions, the intro card or a text. */
export function StylePicker<S extends string = TextStyle>({ name, styles, style, font, onStyle, onFont }: Props<S>) {
  const group = `${name.toLowerCase().replace(/\W+/g, '-')}-style`;
  // Without `styles`, S is TextStyle (the default type argument): the text styles are its choices.
  const choices = styles ?? (TEXT_STYLES as ReadonlyArray<{ id: S; label: string }>);
  return (
    <div class="style-picker">
      <div class="choice-row" role="radiogroup" aria-label={`${name} style`}>
        {choices.map((s) => (
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
