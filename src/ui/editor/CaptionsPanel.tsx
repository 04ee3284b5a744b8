import { DraftInput } from '../common/DraftInput';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Cue } from '../../domain/edit/captions';
import { addCue, removeCue, retimeCue, type CueResult } from '../../domain/edit/cueEdit';
import type { ClipEdit } from '../../domain/edit/model';
import type { CaptionLook } from '../../domain/edit/captionStyle';
import { CaptionDownloads } from './CaptionDownloads';
import { CaptionLookPicker } from './CaptionLookPicker';
import { ToggledFieldset } from './controls';

interface Props {
  captions: ClipEdit['captions'];
  clipSec: number;
  /** The frame shown: "Add caption" puts the new line there. */
  time: number;
  onChange: (captions: ClipEdit['captions'], coalesce?: string) => void;
  project: CaptionsProject;
}

/** What the captions panel needs from the project and clip around it. */
export interface CaptionsProject {
  /** Caption file name for an extension ('srt', 'vtt'). */
  fileName: (ext: string) => string;
  /** "Use this look for all clips". */
  onUseForAll: (look: CaptionLook) => void;
  /** The project's default look (absent: none chosen yet). */
  look: CaptionLook | undefined;
  /** "Transcribe" (TranscribePanel), above the lines. */
  transcribe?: ComponentChildren;
  /** The lines as the short times them: moved over its cut pauses where it is tightened. */
  inShort: (cues: readonly Cue[]) => Cue[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Caption lines: style and font, and each line's text and times (typed, or nudged with the arrow keys). */
export function CaptionsPanel({ captions, clipSec, time, onChange, project }: Props) {
  /** The last refused change, shown by the line it was for (or by the Add button: -1). */
  const [problem, setProblem] = useState<{ index: number; message: string } | null>(null);
  const setCues = (cues: Cue[], coalesce?: string) => onChange({ ...captions, cues }, coalesce);
  const apply = (result: CueResult, index: number, focus?: boolean) => {
    if ('error' in result) return setProblem({ index, message: result.error });
    setProblem(null);
    setCues(result.cues);
    // The new line's text, ready to type (after the list re-renders).
    if (focus) requestAnimationFrame(() => document.getElementById(`edit-caption-${result.index}`)?.focus());
  };

  return (
    <ToggledFieldset
      label={`Captions ${captions.speechModel ? '(transcribed on this device)' : captions.fromTranscript ? '(from the transcript)' : '(from the product)'}`}
      on={captions.enabled}
      onToggle={(enabled) => onChange({ ...captions, enabled })}
    >
      <CaptionLookPicker captions={captions} onChange={onChange} onUseForAll={project.onUseForAll} projectLook={project.look} />
      {project.transcribe}
      <ol class="cues">
        {captions.cues.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line is its place in the list; its fields are controlled by the cue.
          <li key={i}>
            <div class="cue-times">
              {(['start', 'end'] as const).map((edge) => (
                <label key={edge} class="field">
                  <span>{edge === 'start' ? 'Start' : 'End'} (s)</span>
                  <DraftInput
                    type="number"
                    min={0}
                    max={round(clipSec)}
                    step={0.1}
                    value={round(c[edge])}
                    aria-label={`Caption ${i + 1} ${edge}`}
                    onCommit={(text) => {
                      const v = Number(text);
                      // A refused time leaves the stored one in the field (the draft ends either way).
                      apply(retimeCue(captions.cues, i, edge === 'start' ? v : c.start, edge === 'end' ? v : c.end, clipSec), i);
                    }}
                  />
                </label>
              ))}
              <button
                type="button"
                class="btn ghost small danger"
                aria-label={`Delete caption ${i + 1}`}
                onClick={() => apply({ cues: removeCue(captions.cues, i), index: i }, i)}
              >
                Delete
              </button>
            </div>
            <textarea
              id={`edit-caption-${i}`}
              rows={2}
              aria-label={`Caption ${i + 1} text`}
              value={c.text}
              onInput={(e) => {
                const text = e.currentTarget.value;
                setCues(
                  captions.cues.map((x, j) => (j === i ? { ...x, text } : x)),
                  `caption-text-${i}`,
                );
              }}
            />
            {problem?.index === i && (
              <p class="field-error" role="alert">
                {problem.message}
              </p>
            )}
          </li>
        ))}
      </ol>
      <div class="choice-row">
        <button type="button" class="btn small" onClick={() => apply(addCue(captions.cues, time, clipSec, 'New caption'), -1, true)}>
          Add caption at {time.toFixed(1)} s
        </button>
      </div>
      {problem?.index === -1 && (
        <p class="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <CaptionDownloads cues={project.inShort(captions.cues)} fileName={project.fileName} />
    </ToggledFieldset>
  );
}
