import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ElementRef } from '../../canvas/scene';
import type { ClipEdit, ElementLayout } from '../../domain/edit/model';
import type { ClickLog, Pick } from '../../domain/events';
import { formatClock } from '../../domain/format';
import { DEFAULT_HASHTAGS } from '../../domain/edit/postText';
import { getPicks } from '../../storage/projects';
import type { ProjectRecord } from '../../storage/schema';
import type { ProjectPatch } from '../../storage/versions';
import { EditPanel } from '../components/EditPanel';
import { EditorCanvas } from '../components/EditorCanvas';
import { ErrorNote } from '../components/ErrorNote';
import { ProjectDeleted } from '../components/ProjectDeleted';
import { ProjectNotice } from '../components/ProjectNotice';
import { RenderPanel } from '../components/RenderPanel';
import { stickerCatalogue, type StickerInfo } from '../stickers';
import { clipKey, useClipEdit } from '../useClipEdit';
import { useStoredProject } from '../useStoredProject';

interface Props {
  projectId: string;
  clip: string;
  back: () => void;
}

interface Loaded {
  project: ProjectRecord;
  recording: Blob;
  log: ClickLog;
  pick: Pick;
  save: (patch: ProjectPatch) => void;
  gone: () => void;
}

const NOT_AMONG = 'This clip is no longer among the highlights (the selection changed). Go back and pick it again.';

export function EditorView({ projectId, clip, back }: Props) {
  const stored = useStoredProject(projectId);
  const [pick, setPick] = useState<Pick | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  useEffect(() => {
    getPicks(projectId)
      .then((picks) => {
        const found = picks?.find((p) => clipKey(p) === clip);
        if (found) setPick(found);
        else setPickError(NOT_AMONG);
      })
      .catch((e: unknown) => setPickError(e instanceof Error ? e.message : String(e)));
  }, [projectId, clip]);

  const { state } = stored;
  if (state.status === 'deleted') return <ProjectDeleted />;
  const error = state.status === 'missing' ? state.message : state.status === 'ready' && !state.log ? NOT_AMONG : pickError;
  if (error) {
    return (
      <main class="editor">
        <ErrorNote message={error} />
        <button type="button" class="btn" onClick={back}>
          Back to the highlights
        </button>
      </main>
    );
  }
  if (state.status !== 'ready' || !state.log || !pick) return <main class="editor loading" aria-busy="true">Opening the editor…</main>;
  const notice = <ProjectNotice notice={stored.notice} onDismiss={stored.dismissNotice} />;
  return <Editor project={state.project} recording={state.recording} log={state.log} pick={pick} save={stored.save} gone={stored.gone} notice={notice} back={back} />;
}

function Editor({ project, recording, log, pick, save, gone, notice, back }: Loaded & { notice: ComponentChildren; back: () => void }) {
  const product = log.products[pick.productIndex] ?? { id: pick.productId };
  const { edit, update, reset, saveError } = useClipEdit(project, pick, product, gone);
  // The frame first shown: 0.5 s in, or the middle of a shorter clip (past its end there is no frame).
  const [time, setTime] = useState(() => Math.min(0.5, (pick.end - pick.start) / 2));
  const [selected, setSelected] = useState<ElementRef | null>(null);
  const [stickers, setStickers] = useState<StickerInfo[]>([]);
  const [hashtags, setHashtags] = useState<string[]>(project.hashtags ?? [...DEFAULT_HASHTAGS]);
  useEffect(() => void stickerCatalogue().then(setStickers, () => setStickers([])), []);
  const clipSec = pick.end - pick.start;
  // Hundredths for clips under 2 s, so a short clip still has frames to scrub to.
  const fine = clipSec < 2;
  if (!edit) return <main class="editor loading" aria-busy="true">Preparing the auto-edit…</main>;

  const setLayout = (ref: ElementRef, layout: ElementLayout) => {
    const next: ClipEdit =
      ref.kind === 'intro'
        ? { ...edit, intro: { ...edit.intro, layout } }
        : ref.kind === 'caption'
          ? { ...edit, captions: { ...edit.captions, layout } }
          : { ...edit, stickers: edit.stickers.map((s) => (s.key === ref.key ? { ...s, layout } : s)) };
    update(next);
  };

  return (
    <main class="editor">
      <header class="project-head">
        <button type="button" class="btn ghost small" onClick={back}>
          ← Highlights
        </button>
        <div>
          <h1>
            Auto-edit #{pick.rank} {pick.productName ?? pick.productId}
          </h1>
          <p class="muted small">
            {formatClock(pick.start)}–{formatClock(pick.end)} · {clipSec.toFixed(1)} s · edits are saved as you go
          </p>
        </div>
        <button type="button" class="btn ghost small" onClick={() => void reset()}>
          Reset to auto
        </button>
      </header>
      {notice}
      {saveError && <ErrorNote message={`Your edits could not be saved: ${saveError}`} />}
      <div class="editor-grid">
        <div class="stage">
          <EditorCanvas
            edit={edit}
            time={time}
            recording={recording}
            clipStart={pick.start}
            meta={project.recording.meta}
            selected={selected}
            onSelect={setSelected}
            onLayout={setLayout}
            onEditText={(ref) => {
              const cue = edit.captions.cues.findIndex((c) => time >= c.start && time < c.end);
              const id = ref.kind === 'intro' ? 'edit-intro-name' : `edit-caption-${Math.max(0, cue)}`;
              document.getElementById(id)?.focus();
            }}
          />
          <label class="field wide">
            <span>
              Frame at {time.toFixed(fine ? 2 : 1)} s of {clipSec.toFixed(fine ? 2 : 1)} s
            </span>
            <input type="range" min={0} max={Math.max(0, clipSec - 0.05)} step={fine ? 0.01 : 0.1} value={time} aria-label="Scrub the clip" onInput={(e) => setTime(Number(e.currentTarget.value))} />
          </label>
        </div>
        <EditPanel edit={edit} clipSec={clipSec} stickers={stickers} selected={selected} onChange={update} />
        <RenderPanel
          recording={recording}
          recordingName={project.recording.name}
          meta={project.recording.meta}
          pick={pick}
          edit={edit}
          onPost={(post) => update({ ...edit, post })}
          hashtags={hashtags}
          onHashtags={(tags) => {
            setHashtags(tags);
            save({ hashtags: tags });
          }}
        />
      </div>
    </main>
  );
}
