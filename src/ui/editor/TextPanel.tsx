import { addText, removeText, type RunCommand, updateText } from '../../domain/edit/commands';
import { freshKey, type ElementRef } from '../../domain/edit/elements';
import { DESIGN, type ClipEdit, type TextEdit } from '../../domain/edit/model';
import { safeArea } from '../../domain/edit/safeArea';
import { DEFAULT_FONT, TEXT_SIZE } from '../../domain/edit/textStyle';
import { ColorSwatches } from './ColorSwatches';
import { StylePicker } from './StylePicker';
import { TimeRange } from './TimeRange';

interface Props {
  edit: ClipEdit;
  clipSec: number;
  selected: ElementRef | null;
  /** Runs a named edit command (domain/edit/commands.ts). */
  run: RunCommand;
  onSelect: (ref: ElementRef) => void;
}

const SAFE = safeArea(DESIGN.width, DESIGN.height);

/** The user's own text overlays: add one, then edit the selected one's words, size, colour, style and time. */
export function TextPanel({ edit, clipSec, selected, run: runCommand, onSelect }: Props) {
  const texts = edit.texts ?? [];
  const sel = selected?.kind === 'text' ? texts.find((t) => t.key === selected.key) : undefined;
  const setText = (key: string, patch: Partial<TextEdit>, run?: string) => runCommand(updateText, { key, patch, ...(run && { run }) });
  const add = () => {
    const key = freshKey(edit, 'text');
    const text: TextEdit = {
      key,
      text: 'Your text',
      size: TEXT_SIZE.initial,
      color: '#ffffff',
      font: DEFAULT_FONT,
      style: 'outline',
      from: 0,
      to: clipSec,
      layout: { x: SAFE.x + SAFE.width / 2, y: SAFE.y + SAFE.height / 2, scale: 1, angle: 0 },
    };
    runCommand(addText, text);
    onSelect({ kind: 'text', key });
    // Its words selected, ready to type over (after the panel re-renders).
    requestAnimationFrame(() => {
      const field = document.getElementById('edit-text-words');
      if (field instanceof HTMLTextAreaElement) field.select();
    });
  };

  return (
    <fieldset>
      <legend>Text</legend>
      <div class="choice-row">
        <button type="button" class="btn small" onClick={add}>
          Add text
        </button>
      </div>
      {sel && (
        <div class="text-edit">
          <label class="field wide">
            <span>Words</span>
            <textarea id="edit-text-words" rows={2} value={sel.text} onInput={(e) => setText(sel.key, { text: e.currentTarget.value }, 'words')} />
          </label>
          <label class="field wide">
            <span>Size {sel.size} px</span>
            <input
              type="range"
              min={TEXT_SIZE.min}
              max={TEXT_SIZE.max}
              step={4}
              value={sel.size}
              onInput={(e) => setText(sel.key, { size: Number(e.currentTarget.value) }, 'size')}
            />
          </label>
          <ColorSwatches label="Text colour" value={sel.color} onChange={(color) => setText(sel.key, { color })} />
          <StylePicker
            name="Text"
            style={sel.style}
            font={sel.font}
            onStyle={(style) => setText(sel.key, { style })}
            onFont={(font) => setText(sel.key, { font })}
          />
          <div class="sticker-time">
            <TimeRange from={sel.from} to={sel.to} clipSec={clipSec} onChange={(range) => setText(sel.key, range)} />
            <button type="button" class="btn ghost small danger" onClick={() => runCommand(removeText, sel.key)}>
              Remove text
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
