import { applyCaptionLook, setCaptions, typePost } from '../../domain/edit/commands';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { storedPick } from '../../app/picks';
import type { ProjectPatch, ProjectRecord } from '../../app/projects';
import { stickerCatalogue, type StickerInfo } from '../../app/browser/stickers';
import { clipOf } from '../../domain/clip/override';
import type { ElementRef } from '../../domain/edit/elements';
import type { ClickLog } from '../../domain/clicklog/model';
import type { Highlight } from '../../domain/selection/model';
import { clipFileName, formatClock } from '../../domain/format';
import type { CaptionLook } from '../../domain/edit/captionStyle';
import { DEFAULT_HASHTAGS } from '../../domain/edit/postText';
import { EditPanel } from './EditPanel';
import { useFollowHost } from './useFollowHost';
import { useTightening } from './useTightening';
import { HookControls } from './HookControls';
import { EditorStage } from './EditorStage';
import { ErrorNote } from '../common/ErrorNote';
import { ProjectDeleted } from '../common/ProjectDeleted';
import { ProjectNotice } from '../common/ProjectNotice';
import { RenderPanel } from './RenderPanel';
import { SkipLinks } from './SkipLinks';
import { ShortsLink } from '../shorts/ShortsLink';
import { TranscribePanel } from './TranscribePanel';
import { type EditorTool, ToolBar, toolOf } from './ToolBar';
import { clipKey, useClipEdit } from './useClipEdit';
import { useStoredProject } from '../common/useStoredProject';
import { messageOf } from '../../domain/errors/messageOf';
import { rememberClip } from '../project/lastClip';

interface Props {
  projectId: string;
  clip: string;
  back: () => void;
}

interface Loaded {
  project: ProjectRecord;
  recording: Blob;
  log: ClickLog;
  pick: Highlight;
  save: (patch: ProjectPatch) => void;
  saveCaptionLook: (look: CaptionLook) => void;
  gone: () => void;
}

const NOT_AMONG = 'This clip is no longer among the highlights (the selection changed). Go back and pick it again.';

export function EditorView({ projectId, clip, back }: Props) {
  const stored = useStoredProject(projectId);
  const [pick, setPick] = useState<Highlight | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  useEffect(() => {
    rememberClip(projectId, clip);
    storedPick(projectId, clip)
      .then((found) => {
        if (found) setPick(found);
        else setPickError(NOT_AMONG);
      })
      .catch((e: unknown) => setPickError(messageOf(e)));
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
  if (state.status !== 'ready' || !state.log || !pick)
    return (
      <main class="editor loading" aria-busy="true">
        Opening the editor…
      </main>
    );
  const notice = <ProjectNotice notice={stored.notice} onDismiss={stored.dismissNotice} />;
  return (
    <Editor
      project={state.project}
      recording={state.recording}
      log={state.log}
      pick={pick}
      save={stored.save}
      saveCaptionLook={stored.saveCaptionLook}
      gone={stored.gone}
      notice={notice}
      back={back}
    />
  );
}

function Editor({
  project,
  recording,
  log,
  pick: autoPick,
  save,
  saveCaptionLook,
  gone,
  notice,
  back,
}: Loaded & { notice: ComponentChildren; back: () => void }) {
  // The clip as the user trimmed and linked it: the canvas, the render and the file name use it.
  const pick = clipOf(autoPick, project.clipOverrides?.[clipKey(autoPick)], log.products, project.recording.meta.durationSec);
  const { edit, fresh, run, reset, saveError, notice: editNotice, dismissNotice, ...history } = useClipEdit(project, pick, gone);
  // The frame first shown: 0.5 s in, or the middle of a shorter clip (past its end there is no frame).
  const [time, setTime] = useState(() => Math.min(0.5, (pick.end - pick.start) / 2));
  const [selected, setSelected] = useState<ElementRef | null>(null);
  const [tool, setTool] = useState<EditorTool>('video');
  /** Selecting an overlay (on the canvas or the layer list) opens its tool's sheet on a phone. */
  const select = (ref: ElementRef | null) => {
    setSelected(ref);
    if (ref) setTool(toolOf(ref.kind));
  };
  const [stickers, setStickers] = useState<StickerInfo[]>([]);
  const [hashtags, setHashtags] = useState<string[]>(project.hashtags ?? [...DEFAULT_HASHTAGS]);
  useEffect(() => void stickerCatalogue().then(setStickers, () => setStickers([])), []);
  const clipSec = pick.end - pick.start;
  const followHost = useFollowHost(recording, pick, project.recording.meta, run, { edit, fresh });
  const tighten = useTightening(project, recording, pick, edit, run, save);
  if (!edit)
    return (
      <main class="editor loading" aria-busy="true">
        Preparing the auto-edit…
      </main>
    );

  return (
    <main class="editor">
      <SkipLinks />
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
        <ShortsLink projectId={project.id} />
        <button type="button" class="btn ghost small" onClick={() => void reset()}>
          Reset to auto
        </button>
      </header>
      {notice}
      <ProjectNotice notice={editNotice} onDismiss={dismissNotice} />
      {saveError && <ErrorNote message={`Your edits could not be saved: ${saveError}`} />}
      <div class="editor-grid">
        <EditorStage
          edit={edit}
          run={run}
          history={history}
          time={time}
          setTime={setTime}
          clipSec={clipSec}
          selected={selected}
          onSelect={select}
          recording={recording}
          clipStart={pick.start}
          meta={project.recording.meta}
          stickers={stickers}
          tightening={tighten.tightening}
          cuts={tighten.cuts}
        />
        <EditPanel
          edit={edit}
          clipSec={clipSec}
          time={time}
          source={project.recording.meta}
          stickers={stickers}
          selected={selected}
          onSelect={select}
          run={run}
          tool={tool}
          followHost={followHost}
          timing={
            <>
              {tighten.controls}
              <HookControls edit={edit} clip={pick} project={project} log={log} run={run} />
            </>
          }
          captionsProject={{
            fileName: (ext) => clipFileName(`${pick.productName ?? pick.productId}-captions`, pick.start, pick.end, ext),
            look: project.captionLook,
            inShort: tighten.inShort,
            transcribe: (
              <TranscribePanel
                projectId={project.id}
                recording={recording}
                recordingName={project.recording.name}
                hasAudio={project.recording.meta.hasAudio}
                clip={pick}
                products={[pick.product, edit.intro, ...(project.productList?.products ?? [])]}
                captions={edit.captions}
                onCaptions={(captions) => run(setCaptions, { captions })}
              />
            ),
            onUseForAll: (look) => {
              // The project's look: written into every clip's edit, this one's whole history too, and never undone here.
              run(applyCaptionLook, look);
              saveCaptionLook(look);
            },
          }}
        />
        <RenderPanel
          projectId={project.id}
          recording={recording}
          recordingName={project.recording.name}
          meta={project.recording.meta}
          pick={pick}
          edit={edit}
          tightening={tighten.tightening}
          onRender={followHost.settle}
          onPost={(post) => run(typePost, post)}
          hashtags={hashtags}
          dock={<ToolBar tool={tool} onTool={setTool} />}
          onHashtags={(tags) => {
            setHashtags(tags);
            save({ hashtags: tags });
          }}
        />
      </div>
    </main>
  );
}
