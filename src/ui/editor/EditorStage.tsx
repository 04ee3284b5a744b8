import { useCallback, useRef, useState } from 'preact/hooks';
import { placeElement, removeElement, setCropX, type RunCommand } from '../../domain/edit/commands';
import { elementsOf, findElement, refId, sameRef, shownAt, type ElementRef } from '../../domain/edit/elements';
import type { LayoutWarning } from '../../domain/edit/layoutWarnings';
import type { ClipEdit } from '../../domain/edit/model';
import { nudged, nudgeStep } from '../../domain/edit/nudge';
import { outputPreset } from '../../domain/edit/output';
import type { RecordingMeta } from '../../domain/recording/meta';
import { elementLabel } from './elementLabel';
import type { StickerInfo } from '../../app/browser/stickers';
import { useEditorKeys } from './useEditorKeys';
import { EditorCanvas } from './EditorCanvas';
import { LAYERS_ID, LayerList } from './LayerList';
import { LayoutNote } from './LayoutNote';
import { LivePreview, type PreviewControls } from './LivePreview';
import type { Tightening } from '../../app/renderClip';
import type { ClipCut } from '../../domain/edit/tightenEdit';
import { lastFrameTime, stepFrame } from '../../domain/edit/playhead';

interface Props {
  edit: ClipEdit;
  /** `coalesce` names a run of changes that undoes as one step. */
  /** Runs a named edit command (domain/edit/commands.ts). */
  run: RunCommand;
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };
  time: number;
  setTime: (t: number) => void;
  clipSec: number;
  selected: ElementRef | null;
  onSelect: (ref: ElementRef | null) => void;
  recording: Blob;
  clipStart: number;
  meta: RecordingMeta;
  stickers: readonly StickerInfo[];
  /** "Tighten": what the preview needs to play the short with its pauses cut, and the cuts to mark. */
  tightening: Tightening;
  cuts: readonly ClipCut[];
}

/** The canvas with what works on it: undo / redo, the live preview and its playhead, the layer list, layout warnings, the keyboard. */
export function EditorStage({ edit, run, history, time, setTime, clipSec, selected, onSelect, recording, clipStart, meta, stickers, tightening, cuts }: Props) {
  const [warnings, setWarnings] = useState<LayoutWarning[]>([]);
  const label = (ref: ElementRef) => elementLabel(ref, edit, stickers);
  const lastFrame = lastFrameTime(clipSec, outputPreset(edit.output).fps);
  const preview = useRef<PreviewControls | null>(null);
  const setPreview = useCallback((controls: PreviewControls) => {
    preview.current = controls;
  }, []);

  /** Selecting a layer that is hidden at this moment scrubs to where it shows. */
  const select = (ref: ElementRef | null) => {
    const element = ref && findElement(edit, ref);
    const first = element?.spans[0];
    if (element && first && !shownAt(element, time)) setTime(Math.min(lastFrame, Math.max(0, first[0])));
    onSelect(ref);
  };

  useEditorKeys({
    togglePlay: () => preview.current?.toggle(),
    step: (dir) => setTime(stepFrame(preview.current?.stop() ?? time, dir, clipSec, outputPreset(edit.output).fps)),
    cycle: (dir) => {
      const shown = elementsOf(edit).filter((e) => shownAt(e, time));
      const at = shown.findIndex((e) => sameRef(e.ref, selected));
      const next = shown[(at < 0 ? (dir > 0 ? 0 : shown.length - 1) : at + dir + shown.length) % Math.max(1, shown.length)];
      if (next) onSelect(next.ref);
    },
    undo: history.undo,
    redo: history.redo,
    remove: () => {
      if (!selected || !findElement(edit, selected)) return false;
      const fromLayers = document.activeElement?.closest(`#${LAYERS_ID}`);
      run(removeElement, selected);
      onSelect(null);
      // Its button is gone: keep the keyboard user in the layer list rather than at the page's start.
      if (fromLayers) document.getElementById(LAYERS_ID)?.focus();
      return true;
    },
    nudge: (dx, dy, big) => {
      const element = findElement(edit, selected);
      if (!element) return false;
      const step = nudgeStep(outputPreset(edit.output).width, big);
      run(placeElement, { ref: element.ref, layout: nudged(element.layout, dx * step, dy * step), run: `nudge-${refId(element.ref)}` });
      return true;
    },
    deselect: () => {
      if (!selected) return false;
      onSelect(null);
      return true;
    },
  });

  return (
    <div class="stage">
      {/* Pinned at the top of a phone's screen while the tools' sheets scroll under it. */}
      <div class="stage-pin">
        {/* biome-ignore lint/a11y/useSemanticElements: as in LayerList: a named group without a fieldset's layout. */}
        <div class="editor-tools" role="group" aria-label="Edit history">
          <button type="button" class="btn small" onClick={history.undo} disabled={!history.canUndo} aria-keyshortcuts="Control+Z Meta+Z">
            <span aria-hidden="true">↶ </span>Undo
          </button>
          <button type="button" class="btn small" onClick={history.redo} disabled={!history.canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">
            <span aria-hidden="true">↷ </span>Redo
          </button>
        </div>
        <LivePreview
          edit={edit}
          recording={recording}
          meta={meta}
          clipStart={clipStart}
          clipSec={clipSec}
          time={time}
          setTime={setTime}
          controls={setPreview}
          tightening={tightening}
          cuts={cuts}
        >
          <EditorCanvas
            edit={edit}
            time={time}
            recording={recording}
            clipStart={clipStart}
            meta={meta}
            selected={selected}
            onSelect={onSelect}
            onLayout={(ref, layout) => run(placeElement, { ref, layout })}
            onCrop={(x) => run(setCropX, { t: time, x })}
            onWarnings={setWarnings}
            onEditText={(ref) => {
              const cue = edit.captions.cues.findIndex((c) => time >= c.start && time < c.end);
              const id = ref.kind === 'intro' ? 'edit-intro-name' : ref.kind === 'text' ? 'edit-text-words' : `edit-caption-${Math.max(0, cue)}`;
              document.getElementById(id)?.focus();
            }}
          />
        </LivePreview>
      </div>
      <LayoutNote warnings={warnings} label={label} />
      <LayerList edit={edit} label={label} selected={selected} onSelect={select} warnings={warnings} />
    </div>
  );
}
