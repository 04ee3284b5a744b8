import { useEffect, useState } from 'preact/hooks';
import type { ElementRef } from '../../canvas/scene';
import type { ClipEdit, ElementLayout } from '../../domain/edit/model';
import type { ClickLog, Pick } from '../../domain/events';
import { formatClock } from '../../domain/format';
import { DEFAULT_HASHTAGS } from '../../domain/edit/postText';
import { getLog, getPicks, getProject, getRecording, updateProject } from '../../storage/projects';
import type { ProjectRecord } from '../../storage/schema';
import { EditPanel } from '../components/EditPanel';
import { EditorCanvas } from '../components/EditorCanvas';
import { ErrorNote } from '../components/ErrorNote';
import { RenderPanel } from '../components/RenderPanel';
import { stickerCatalogue, type StickerInfo } from '../stickers';
import { clipKey, useClipEdit } from '../useClipEdit';

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
}

export function EditorView({ projectId, clip, back }: Props) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([getProject(projectId), getRecording(projectId), getLog(projectId), getPicks(projectId)])
      .then(([project, recording, log, picks]) => {
        const pick = picks?.find((p) => clipKey(p) === clip);
        if (!log || !pick) throw new Error('This clip is no longer among the highlights (the selection changed). Go back and pick it again.');
        setData({ project, recording, log, pick });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [projectId, clip]);

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
  if (!data) return <main class="editor loading" aria-busy="true">Opening the editor…</main>;
  return <Editor {...data} back={back} />;
}

function Editor({ project, recording, log, pick, back }: Loaded & { back: () => void }) {
  const product = log.products[pick.productIndex] ?? { id: pick.productId };
  const { edit, update, reset, saveError } = useClipEdit(project, pick, product);
  const [time, setTime] = useState(0.5);
  const [selected, setSelected] = useState<ElementRef | null>(null);
  const [stickers, setStickers] = useState<StickerInfo[]>([]);
  const [hashtags, setHashtags] = useState<string[]>(project.hashtags ?? [...DEFAULT_HASHTAGS]);
  useEffect(() => void stickerCatalogue().then(setStickers, () => setStickers([])), []);
  const clipSec = pick.end - pick.start;
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
              Frame at {time.toFixed(1)} s of {clipSec.toFixed(1)} s
            </span>
            <input type="range" min={0} max={Math.max(0, clipSec - 0.05)} step={0.1} value={time} aria-label="Scrub the clip" onInput={(e) => setTime(Number(e.currentTarget.value))} />
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
            void updateProject({ ...project, hashtags: tags });
          }}
        />
      </div>
    </main>
  );
}
