import type { ElementRef } from '../../canvas/scene';
import type { ClipEdit, ElementLayout, StickerEdit } from '../../domain/edit/model';
import { OUTPUT_PRESETS, type OutputPresetId } from '../../domain/edit/output';
import { QUALITY_PRESETS, qualityPreset } from '../../domain/edit/quality';
import type { ReframeMode } from '../../domain/edit/reframe';
import { formatClock } from '../../domain/format';
import type { StickerInfo } from '../stickers';
import { FilePickButton, ToggledFieldset } from './controls';

interface Props {
  edit: ClipEdit;
  clipSec: number;
  stickers: StickerInfo[];
  selected: ElementRef | null;
  onChange: (next: ClipEdit) => void;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Everything on the canvas, editable without a pointer too. */
export function EditPanel({ edit, clipSec, stickers, selected, onChange }: Props) {
  const set = (patch: Partial<ClipEdit>) => onChange({ ...edit, ...patch });
  const setSticker = (key: string, patch: Partial<StickerEdit>) =>
    set({ stickers: edit.stickers.map((s) => (s.key === key ? { ...s, ...patch } : s)) });
  const nextKey = () => `sticker-${Date.now().toString(36)}`;
  const addSticker = (s: Omit<StickerEdit, 'key' | 'from' | 'to' | 'layout'>) =>
    set({ stickers: [...edit.stickers, { ...s, key: nextKey(), from: 0, to: clipSec, layout: { x: 540, y: 760, scale: 1, angle: 0 } }] });
  const sel = selected?.kind === 'sticker' ? edit.stickers.find((s) => s.key === selected.key) : undefined;
  const layoutTarget: { layout: ElementLayout; apply: (l: ElementLayout) => void } | undefined =
    selected?.kind === 'intro'
      ? { layout: edit.intro.layout, apply: (layout) => set({ intro: { ...edit.intro, layout } }) }
      : selected?.kind === 'caption'
        ? { layout: edit.captions.layout, apply: (layout) => set({ captions: { ...edit.captions, layout } }) }
        : sel
          ? { layout: sel.layout, apply: (layout) => setSticker(sel.key, { layout }) }
          : undefined;

  return (
    <div class="edit-panel">
      <fieldset>
        <legend>Video</legend>
        <div class="choice-row" role="radiogroup" aria-label="Output size">
          {OUTPUT_PRESETS.map((p) => (
            <label key={p.id} class="check">
              <input type="radio" name="output" checked={edit.output === p.id} onChange={() => set({ output: p.id as OutputPresetId })} />
              {p.label}
            </label>
          ))}
        </div>
        <div class="choice-row" role="radiogroup" aria-label="Quality">
          <span class="muted">Quality</span>
          {QUALITY_PRESETS.map((q) => (
            <label key={q.id} class="check">
              <input type="radio" name="quality" checked={qualityPreset(edit.quality).id === q.id} onChange={() => set({ quality: q.id })} />
              {q.label}
            </label>
          ))}
        </div>
        <div class="choice-row" role="radiogroup" aria-label="Reframe">
          {(
            [
              ['blur', 'Fit with blurred background'],
              ['crop', 'Centre crop'],
            ] as Array<[ReframeMode, string]>
          ).map(([mode, label]) => (
            <label key={mode} class="check">
              <input type="radio" name="reframe" checked={edit.reframe === mode} onChange={() => set({ reframe: mode })} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <ToggledFieldset
        label={`Product intro card (first ${edit.intro.durationSec.toFixed(1)} s)`}
        on={edit.intro.enabled}
        onToggle={(enabled) => set({ intro: { ...edit.intro, enabled } })}
      >
        <label class="field wide">
          <span>Product name</span>
          <input id="edit-intro-name" type="text" value={edit.intro.name} onInput={(e) => set({ intro: { ...edit.intro, name: e.currentTarget.value } })} />
        </label>
        <label class="field wide">
          <span>Price</span>
          <input type="text" value={edit.intro.price} onInput={(e) => set({ intro: { ...edit.intro, price: e.currentTarget.value } })} />
        </label>
        <div class="choice-row">
          <FilePickButton
            label={edit.intro.image ? 'Change product image…' : 'Add product image…'}
            accept="image/png,image/jpeg,image/webp,image/svg+xml"
            onFile={(image) => set({ intro: { ...edit.intro, image } })}
          />
          {edit.intro.image && (
            <button type="button" class="btn ghost small" onClick={() => set({ intro: { ...edit.intro, image: undefined } })}>
              Remove image
            </button>
          )}
        </div>
      </ToggledFieldset>

      <ToggledFieldset
        label={`Captions ${edit.captions.fromTranscript ? '(from the transcript)' : '(from the product)'}`}
        on={edit.captions.enabled}
        onToggle={(enabled) => set({ captions: { ...edit.captions, enabled } })}
      >
        <ol class="cues">
          {edit.captions.cues.map((c, i) => (
            <li key={i}>
              <span class="muted small">
                {formatClock(c.start)}–{formatClock(c.end)}
              </span>
              <textarea
                id={`edit-caption-${i}`}
                rows={2}
                aria-label={`Caption ${i + 1} text`}
                value={c.text}
                onInput={(e) => {
                  const cues = edit.captions.cues.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x));
                  set({ captions: { ...edit.captions, cues } });
                }}
              />
            </li>
          ))}
        </ol>
      </ToggledFieldset>

      <fieldset>
        <legend>Stickers</legend>
        <div class="sticker-palette">
          {stickers.map((s) => (
            <button key={s.id} type="button" class="sticker-btn" onClick={() => addSticker({ stickerId: s.id })} aria-label={`Add sticker ${s.label}`}>
              <img src={`stickers/${s.file}`} alt="" width={40} height={40} />
            </button>
          ))}
          <FilePickButton label="Your image…" accept="image/png,image/svg+xml" onFile={(image) => addSticker({ image })} />
        </div>
        {sel && (
          <div class="sticker-time">
            <label class="field">
              <span>From (s)</span>
              <input type="number" min={0} max={clipSec} step={0.1} value={round(sel.from)} onChange={(e) => setSticker(sel.key, { from: Number(e.currentTarget.value) })} />
            </label>
            <label class="field">
              <span>To (s)</span>
              <input type="number" min={0} max={clipSec} step={0.1} value={round(sel.to)} onChange={(e) => setSticker(sel.key, { to: Number(e.currentTarget.value) })} />
            </label>
            <button type="button" class="btn ghost small danger" onClick={() => set({ stickers: edit.stickers.filter((s) => s.key !== sel.key) })}>
              Remove sticker
            </button>
          </div>
        )}
      </fieldset>

      {layoutTarget && (
        <fieldset>
          <legend>Selected: position</legend>
          <div class="settings-row">
            {(
              [
                ['x', 'X'],
                ['y', 'Y'],
                ['scale', 'Scale'],
                ['angle', 'Angle'],
              ] as Array<[keyof ElementLayout, string]>
            ).map(([k, label]) => (
              <label key={k} class="field">
                <span>{label}</span>
                <input
                  type="number"
                  step={k === 'scale' ? 0.05 : 1}
                  value={Math.round(layoutTarget.layout[k] * 100) / 100}
                  aria-label={`Selected ${label}`}
                  onChange={(e) => {
                    const n = Number(e.currentTarget.value);
                    if (Number.isFinite(n)) layoutTarget.apply({ ...layoutTarget.layout, [k]: n });
                  }}
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <ToggledFieldset
        label={`Background music ${edit.music.file ? `(${edit.music.fileName})` : '(bundled upbeat loop)'}`}
        on={edit.music.enabled}
        onToggle={(enabled) => set({ music: { ...edit.music, enabled } })}
      >
        <label class="field wide">
          <span>Music volume {Math.round(edit.music.volume * 100)}%</span>
          <input type="range" min={0} max={1} step={0.05} value={edit.music.volume} onInput={(e) => set({ music: { ...edit.music, volume: Number(e.currentTarget.value) } })} />
        </label>
        <FilePickButton
          label="Use your own audio…"
          accept="audio/*,.m4a,.mp3,.wav,.ogg"
          onFile={(f) => set({ music: { ...edit.music, enabled: true, file: f, fileName: f.name } })}
        />
        <p class="muted small">Looped to the clip, faded in and out, and lowered while the host speaks.</p>
      </ToggledFieldset>
    </div>
  );
}
