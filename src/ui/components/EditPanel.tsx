import { findElement, freshKey, withLayout, type ElementRef } from '../../domain/edit/elements';
import { DESIGN, type ClipEdit, type ElementLayout, type StickerEdit } from '../../domain/edit/model';
import { OUTPUT_PRESETS, type OutputPresetId } from '../../domain/edit/output';
import { QUALITY_PRESETS, qualityPreset } from '../../domain/edit/quality';
import { canPanCrop, clampCropX, reframeGeometry, type ReframeMode, type ReframeSource } from '../../domain/edit/reframe';
import { DEFAULT_FONT } from '../../domain/edit/textStyle';
import type { StickerInfo } from '../../app/stickers';
import { CaptionsPanel, type CaptionsProject } from './CaptionsPanel';
import { FilePickButton, ToggledFieldset } from './controls';
import { StylePicker } from './StylePicker';
import { TextPanel } from './TextPanel';
import { TimeRange } from './TimeRange';

interface Props {
  edit: ClipEdit;
  clipSec: number;
  /** The frame shown (new captions go there). */
  time: number;
  /** The recording's size: whether the crop window can slide across it. */
  source: ReframeSource;
  stickers: StickerInfo[];
  selected: ElementRef | null;
  onSelect: (ref: ElementRef) => void;
  /** `coalesce` names a run of changes (typing, a slider) that undoes as one step. */
  onChange: (next: ClipEdit, coalesce?: string) => void;
  captionsProject: CaptionsProject;
}

/** Everything on the canvas, editable without a pointer too. */
export function EditPanel({ edit, clipSec, time, source, stickers, selected, onSelect, onChange, captionsProject }: Props) {
  const set = (patch: Partial<ClipEdit>, coalesce?: string) => onChange({ ...edit, ...patch }, coalesce);
  const setSticker = (key: string, patch: Partial<StickerEdit>) => set({ stickers: edit.stickers.map((s) => (s.key === key ? { ...s, ...patch } : s)) });
  const addSticker = (s: Omit<StickerEdit, 'key' | 'from' | 'to' | 'layout'>) => {
    const key = freshKey(edit, 'sticker');
    set({ stickers: [...edit.stickers, { ...s, key, from: 0, to: clipSec, layout: { x: 540, y: 760, scale: 1, angle: 0 } }] });
    onSelect({ kind: 'sticker', key });
  };
  const sel = selected?.kind === 'sticker' ? edit.stickers.find((s) => s.key === selected.key) : undefined;
  const target = findElement(edit, selected);
  const pannable = canPanCrop(reframeGeometry(source, DESIGN, 'crop'));

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
        {edit.reframe === 'crop' && pannable && (
          <label class="field wide">
            <span>Crop position (or drag the picture on the canvas)</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={clampCropX(edit.cropX)}
              aria-valuetext={`${Math.round(clampCropX(edit.cropX) * 100)}% from the left`}
              onInput={(e) => set({ cropX: Number(e.currentTarget.value) }, 'crop')}
            />
          </label>
        )}
      </fieldset>

      <ToggledFieldset
        label={`Product intro card (first ${edit.intro.durationSec.toFixed(1)} s)`}
        on={edit.intro.enabled}
        onToggle={(enabled) => set({ intro: { ...edit.intro, enabled } })}
      >
        <label class="field wide">
          <span>Product name</span>
          <input
            id="edit-intro-name"
            type="text"
            value={edit.intro.name}
            onInput={(e) => set({ intro: { ...edit.intro, name: e.currentTarget.value } }, 'intro-name')}
          />
        </label>
        <label class="field wide">
          <span>Price</span>
          <input type="text" value={edit.intro.price} onInput={(e) => set({ intro: { ...edit.intro, price: e.currentTarget.value } }, 'intro-price')} />
        </label>
        <StylePicker
          name="Intro"
          style={edit.intro.style ?? 'plate'}
          font={edit.intro.font ?? DEFAULT_FONT}
          onStyle={(style) => set({ intro: { ...edit.intro, style } })}
          onFont={(font) => set({ intro: { ...edit.intro, font } })}
        />
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

      <CaptionsPanel
        captions={edit.captions}
        clipSec={clipSec}
        time={time}
        onChange={(captions, coalesce) => set({ captions }, coalesce)}
        project={captionsProject}
      />

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
            <TimeRange from={sel.from} to={sel.to} clipSec={clipSec} onChange={(range) => setSticker(sel.key, range)} />
            <button type="button" class="btn ghost small danger" onClick={() => set({ stickers: edit.stickers.filter((s) => s.key !== sel.key) })}>
              Remove sticker
            </button>
          </div>
        )}
      </fieldset>

      <TextPanel edit={edit} clipSec={clipSec} selected={selected} onChange={onChange} onSelect={onSelect} />

      {target && (
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
                  value={Math.round(target.layout[k] * 100) / 100}
                  aria-label={`Selected ${label}`}
                  onChange={(e) => {
                    const n = Number(e.currentTarget.value);
                    if (Number.isFinite(n)) onChange(withLayout(edit, target.ref, { ...target.layout, [k]: n }));
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
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={edit.music.volume}
            onInput={(e) => set({ music: { ...edit.music, volume: Number(e.currentTarget.value) } }, 'music-volume')}
          />
        </label>
        <div class="choice-row">
          <FilePickButton
            label="Use your own audio…"
            accept="audio/*,.m4a,.mp3,.wav,.ogg"
            onFile={(f) => set({ music: { ...edit.music, enabled: true, file: f, fileName: f.name } })}
          />
        </div>
        <p class="muted small">Looped to the clip, faded in and out, and lowered while the host speaks.</p>
      </ToggledFieldset>
    </div>
  );
}
