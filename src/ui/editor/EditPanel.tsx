import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { exportableImage } from '../../canvas/cleanImage';
import { messageOf } from '../../domain/errors/messageOf';
import { DraftInput } from '../common/DraftInput';
import {
  addSticker,
  chooseReframe,
  moveLayer,
  placeElement,
  removeSticker,
  type RunCommand,
  setCaptions,
  setIntro,
  setMusic,
  setVideo,
  slideMusicVolume,
  typePrice,
  typeProductName,
  updateSticker,
} from '../../domain/edit/commands';
import { findElement, freshKey, movedOrder, type ElementRef } from '../../domain/edit/elements';
import { DESIGN, type ClipEdit, type ElementLayout, type StickerEdit } from '../../domain/edit/model';
import { OUTPUT_PRESETS, type OutputPresetId } from '../../domain/edit/output';
import { QUALITY_PRESETS, qualityPreset } from '../../domain/edit/quality';
import { canPanCrop, reframeGeometry, type ReframeMode, type ReframeSource } from '../../domain/edit/reframe';
import { DEFAULT_FONT } from '../../domain/edit/textStyle';
import type { StickerInfo } from '../../app/browser/stickers';
import { CaptionsPanel, type CaptionsProject } from './CaptionsPanel';
import { CropControls } from './CropControls';
import { FilePickButton, ToggledFieldset } from './controls';
import { StylePicker } from './StylePicker';
import { TextPanel } from './TextPanel';
import { TimeRange } from './TimeRange';
import type { EditorTool } from './ToolBar';
import { EDIT_PANEL_ID } from './SkipLinks';

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
  /** Runs a named edit command (domain/edit/commands.ts). */
  run: RunCommand;
  captionsProject: CaptionsProject;
  /** On a phone, the one tool shown (the bottom bar's choice); wider screens show them all. */
  tool: EditorTool;
  /** "Follow the host": starts finding the faces; `status` is its progress and what it found. */
  followHost: { start: () => void; busy: boolean; status: ComponentChildren };
  /** The short's timing: its cut pauses (TightenControls) and the hook (HookControls). */
  timing: ComponentChildren;
}

/** Everything on the canvas, editable without a pointer too. */
export function EditPanel({ edit, clipSec, time, source, stickers, selected, onSelect, run, captionsProject, tool, followHost, timing }: Props) {
  const newSticker = (sticker: Omit<StickerEdit, 'key' | 'from' | 'to' | 'layout'>) => {
    const key = freshKey(edit, 'sticker');
    run(addSticker, { sticker, key, clipSec });
    onSelect({ kind: 'sticker', key });
  };
  // What checking an added image changed or refused, beside the button that added it.
  const [imageNote, setImageNote] = useState<{ at: 'intro' | 'sticker'; text: string; refused: boolean } | null>(null);
  const withImage = (at: 'intro' | 'sticker', use: (image: File) => void) => (picked: File) => {
    exportableImage(picked).then(
      ({ file, note }) => {
        use(file);
        setImageNote(note ? { at, text: note, refused: false } : null);
      },
      (e: unknown) => setImageNote({ at, text: messageOf(e), refused: true }),
    );
  };
  const noteAt = (at: 'intro' | 'sticker') =>
    imageNote?.at === at && (
      <p class={`note ${imageNote.refused ? 'error' : 'warn'}`} role={imageNote.refused ? 'alert' : 'status'} data-testid="image-note">
        {imageNote.text}
      </p>
    );
  const sel = selected?.kind === 'sticker' ? edit.stickers.find((s) => s.key === selected.key) : undefined;
  const target = findElement(edit, selected);
  const pannable = canPanCrop(reframeGeometry(source, DESIGN, 'crop'));

  return (
    <div class="edit-panel" data-tool={tool} id={EDIT_PANEL_ID} tabIndex={-1}>
      <div class="tool-section" data-tool="video">
        <fieldset>
          <legend>Video</legend>
          <div class="choice-row" role="radiogroup" aria-label="Output size">
            {OUTPUT_PRESETS.map((p) => (
              <label key={p.id} class="check">
                <input type="radio" name="output" checked={edit.output === p.id} onChange={() => run(setVideo, { output: p.id as OutputPresetId })} />
                {p.label}
              </label>
            ))}
          </div>
          <div class="choice-row" role="radiogroup" aria-label="Quality">
            <span class="muted">Quality</span>
            {QUALITY_PRESETS.map((q) => (
              <label key={q.id} class="check">
                <input type="radio" name="quality" checked={qualityPreset(edit.quality).id === q.id} onChange={() => run(setVideo, { quality: q.id })} />
                {q.label}
              </label>
            ))}
          </div>
          <div class="choice-row" role="radiogroup" aria-label="Reframe">
            {(
              [
                ['blur', 'Fit with blurred background', edit.reframe === 'blur'],
                ['crop', 'Centre crop', edit.reframe === 'crop' && !edit.followHost],
                ...(pannable ? [['follow', 'Follow the host', edit.reframe === 'crop' && edit.followHost === true] as const] : []),
              ] as Array<readonly [ReframeMode | 'follow', string, boolean]>
            ).map(([mode, label, checked]) => (
              <label key={mode} class="check">
                <input
                  type="radio"
                  name="reframe"
                  checked={checked}
                  disabled={followHost.busy}
                  onChange={() => (mode === 'follow' ? followHost.start() : run(chooseReframe, mode))}
                />
                {label}
              </label>
            ))}
          </div>
          {followHost.status}
          {edit.reframe === 'crop' && pannable && <CropControls edit={edit} time={time} run={run} />}
        </fieldset>
        {timing}
      </div>
      <div class="tool-section" data-tool="intro">
        <ToggledFieldset
          label={`Product intro card (first ${edit.intro.durationSec.toFixed(1)} s)`}
          on={edit.intro.enabled}
          onToggle={(enabled) => run(setIntro, { enabled })}
        >
          <label class="field wide">
            <span>Product name</span>
            <input id="edit-intro-name" type="text" value={edit.intro.name} onInput={(e) => run(typeProductName, e.currentTarget.value)} />
          </label>
          <label class="field wide">
            <span>Price</span>
            <input type="text" value={edit.intro.price} onInput={(e) => run(typePrice, e.currentTarget.value)} />
          </label>
          <StylePicker
            name="Intro"
            style={edit.intro.style ?? 'plate'}
            font={edit.intro.font ?? DEFAULT_FONT}
            onStyle={(style) => run(setIntro, { style })}
            onFont={(font) => run(setIntro, { font })}
          />
          <div class="choice-row">
            <FilePickButton
              label={edit.intro.image ? 'Change product image…' : 'Add product image…'}
              accept="image/png,image/jpeg,image/webp,image/svg+xml"
              onFile={withImage('intro', (image) => run(setIntro, { image }))}
            />
            {edit.intro.image && (
              <button type="button" class="btn ghost small" onClick={() => run(setIntro, { image: undefined })}>
                Remove image
              </button>
            )}
          </div>
          {noteAt('intro')}
        </ToggledFieldset>
      </div>
      <div class="tool-section" data-tool="captions">
        <CaptionsPanel
          captions={edit.captions}
          clipSec={clipSec}
          time={time}
          onChange={(captions, coalesce) => run(setCaptions, { captions, run: coalesce })}
          project={captionsProject}
        />
      </div>
      <div class="tool-section" data-tool="stickers">
        <fieldset>
          <legend>Stickers</legend>
          <div class="sticker-palette">
            {stickers.map((s) => (
              <button key={s.id} type="button" class="sticker-btn" onClick={() => newSticker({ stickerId: s.id })} aria-label={`Add sticker ${s.label}`}>
                <img src={`stickers/${s.file}`} alt="" width={40} height={40} />
              </button>
            ))}
            <FilePickButton label="Your image…" accept="image/png,image/svg+xml" onFile={withImage('sticker', (image) => newSticker({ image }))} />
          </div>
          {noteAt('sticker')}
          {sel && (
            <div class="sticker-time">
              <TimeRange from={sel.from} to={sel.to} clipSec={clipSec} onChange={(range) => run(updateSticker, { key: sel.key, patch: range })} />
              <button type="button" class="btn ghost small danger" onClick={() => run(removeSticker, sel.key)}>
                Remove sticker
              </button>
            </div>
          )}
        </fieldset>
      </div>
      <div class="tool-section" data-tool="text">
        <TextPanel edit={edit} clipSec={clipSec} selected={selected} run={run} onSelect={onSelect} />
      </div>
      {target && (
        <fieldset>
          <legend>Selected: position</legend>
          {/* biome-ignore lint/a11y/useSemanticElements: a named pair of buttons inside the fieldset, not a fieldset of its own. */}
          <div class="choice-row" role="group" aria-label="Layer order">
            <button type="button" class="btn small" disabled={!movedOrder(edit, target.ref, 1)} onClick={() => run(moveLayer, { ref: target.ref, dir: 1 })}>
              Bring forward
            </button>
            <button type="button" class="btn small" disabled={!movedOrder(edit, target.ref, -1)} onClick={() => run(moveLayer, { ref: target.ref, dir: -1 })}>
              Send backward
            </button>
          </div>
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
                <DraftInput
                  type="number"
                  step={k === 'scale' ? 0.05 : 1}
                  value={Math.round(target.layout[k] * 100) / 100}
                  aria-label={`Selected ${label}`}
                  onCommit={(text) => {
                    const n = Number(text);
                    if (text.trim() !== '' && Number.isFinite(n)) run(placeElement, { ref: target.ref, layout: { ...target.layout, [k]: n } });
                  }}
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div class="tool-section" data-tool="music">
        <ToggledFieldset
          label={`Background music ${edit.music.file ? `(${edit.music.fileName})` : '(bundled upbeat loop)'}`}
          on={edit.music.enabled}
          onToggle={(enabled) => run(setMusic, { enabled })}
        >
          <label class="field wide">
            <span>Music volume {Math.round(edit.music.volume * 100)}%</span>
            <input type="range" min={0} max={1} step={0.05} value={edit.music.volume} onInput={(e) => run(slideMusicVolume, Number(e.currentTarget.value))} />
          </label>
          <div class="choice-row">
            <FilePickButton
              label="Use your own audio…"
              accept="audio/*,.m4a,.mp3,.wav,.ogg"
              onFile={(f) => run(setMusic, { enabled: true, file: f, fileName: f.name })}
            />
          </div>
          <p class="muted small">Looped to the clip, faded in and out, and lowered while the host speaks.</p>
        </ToggledFieldset>
      </div>{' '}
    </div>
  );
}
