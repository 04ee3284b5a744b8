import type { ComponentChildren } from 'preact';
import { DraftInput } from '../common/DraftInput';
import { useMemo, useState } from 'preact/hooks';
import { KEEPING, renderStore } from '../../app/renderJobs';
import { saveBlob } from '../../app/browser/fileSink';
import { wontFit } from '../../app/browser/storageInfo';
import { useObjectUrl } from '../common/useObjectUrl';
import type { Clip } from '../../domain/clip/override';
import type { ClipEdit } from '../../domain/edit/model';
import { suggestPost } from '../../domain/edit/postText';
import { clipFileName } from '../../domain/format';
import type { RecordingMeta } from '../../domain/recording/meta';
import { estimateShortBytes } from '../../domain/shorts/size';
import { useJobs } from '../common/useJobs';
import { useStore } from '../common/useStore';
import { EngineNote } from '../common/EngineNote';
import { EngineSetting } from './EngineSetting';
import { ErrorNote } from '../common/ErrorNote';
import { FitWarning } from '../common/FitWarning';
import { JobProgressBar } from '../common/JobProgress';
import { RENDER_BUTTON_ID } from './SkipLinks';
import { UploadDialog } from '../common/UploadDialog';
import { detailsOf } from '../../domain/errors/mediaFailure';
import type { Tightening } from '../../app/renderClip';

interface Props {
  /** Renders are kept as this project's shorts. */
  projectId: string;
  recording: Blob;
  recordingName: string;
  meta: RecordingMeta;
  pick: Clip;
  edit: ClipEdit;
  /** Where the pauses are, for a tightened clip. */
  tightening: Tightening;
  onPost: (text: string) => void;
  hashtags: string[];
  /** Heads the bottom bar on a phone (the editor's tools). */
  dock?: ComponentChildren;
  onHashtags: (tags: string[]) => void;
  /** A render starts: it makes the edit as shown. */
  onRender?: () => void;
}

const parseTags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, ''))
    .filter(Boolean);

/**
 * Render → keep as a saved short → preview, download or upload, plus the post text to go with it.
 * The render lives in the project's render store: it goes on while you are on other screens (the
 * job tray shows it), and its short is here when you come back to the clip.
 */
export function RenderPanel({ projectId, recording, recordingName, meta, pick, edit, tightening, onPost, hashtags, onHashtags, dock, onRender }: Props) {
  const store = useMemo(() => renderStore(projectId), [projectId]);
  useStore(store);
  const { jobId, result, error, keepError } = store.of(pick.key);
  const job = useJobs((all) => all.find((j) => j.id === jobId) ?? null);
  const [room, setRoom] = useState<{ needed: number; free: number } | null>(null);
  const [upload, setUpload] = useState<File | null>(null);
  const [copied, setCopied] = useState(false);
  const url = useObjectUrl(result?.render.blob ?? null);
  const name = clipFileName(`${pick.productName ?? pick.productId}-short`, pick.start, pick.end);

  const render = async (anyway = false) => {
    onRender?.();
    store.dismiss(pick.key, 'error');
    store.dismiss(pick.key, 'keepError');
    setRoom(null);
    const needed = estimateShortBytes(edit.output, edit.quality, pick.end - pick.start);
    const free = anyway ? null : await wontFit(needed);
    if (free !== null) return setRoom({ needed, free });
    await store.render(pick.key, { recording, recordingName, meta, pick, edit, tightening }, name);
  };
  const keeping = job?.phase?.name === KEEPING;

  return (
    <section class="render-panel" aria-label="Render">
      {/* The editor's main actions: on a phone, a bar kept at the bottom of the screen. */}
      <div class="action-bar">
        {dock}
        <button type="button" id={RENDER_BUTTON_ID} class={`btn ${url ? '' : 'primary'}`} onClick={() => void render()} disabled={job !== null}>
          Render video
        </button>
        {url && (
          <button type="button" class="btn primary" onClick={() => result && saveBlob(result.render.blob, name)}>
            Download video
          </button>
        )}
        {job && !keeping && <JobProgressBar job={job} onCancel={() => store.cancel(pick.key)} />}
        {keeping && (
          <p class="muted small" role="status">
            {KEEPING}…
          </p>
        )}
      </div>
      {room && <FitWarning needed={room.needed} free={room.free} what="This short" onAnyway={() => void render(true)} />}
      {error && (
        <ErrorNote
          message={`The video could not be rendered: ${error.message}`}
          details={detailsOf(error)}
          onDismiss={() => store.dismiss(pick.key, 'error')}
        />
      )}
      {keepError && (
        <ErrorNote
          message={`The video was rendered but not kept in Your shorts: ${keepError} Download it to keep it.`}
          onDismiss={() => store.dismiss(pick.key, 'keepError')}
        />
      )}
      {url && (
        <div class="result">
          {/* biome-ignore lint/a11y/useMediaCaption: the short's captions are burned into its picture. */}
          <video src={url} controls playsInline data-testid="render-result" aria-label="Rendered video" />
          {result && <EngineNote result={result.render} seconds={result.seconds} />}
          {result?.short && (
            <p class="muted small" data-testid="render-kept">
              Kept in <a href={`#/p/${projectId}/shorts`}>Your shorts</a> on the project page.
            </p>
          )}
          <button type="button" class="btn secondary" onClick={() => result && setUpload(new File([result.render.blob], name, { type: 'video/mp4' }))}>
            Upload to TikTok
          </button>
        </div>
      )}
      {upload && result && (
        <UploadDialog
          file={upload}
          postText={result.short?.postText ?? edit.post}
          onPostText={(text) => void store.setPostText(pick.key, text)}
          product={pick.product}
          onClose={() => setUpload(null)}
        />
      )}
      <label class="field wide">
        <span>Post text</span>
        <textarea rows={5} value={edit.post} onInput={(e) => onPost(e.currentTarget.value)} aria-label="Post text" />
      </label>
      <label class="field wide">
        <span>Your default hashtags (all clips)</span>
        <DraftInput type="text" value={hashtags.map((t) => `#${t}`).join(' ')} onCommit={(text) => onHashtags(parseTags(text))} />
      </label>
      <button
        type="button"
        class="btn ghost small"
        onClick={() => onPost(suggestPost({ productName: edit.intro.name, ...(edit.intro.price && { price: edit.intro.price }), defaults: hashtags }).text)}
      >
        Suggest post text again
      </button>
      <button
        type="button"
        class="btn ghost small"
        onClick={() =>
          navigator.clipboard.writeText(edit.post).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy post text'}
      </button>
      <EngineSetting />
    </section>
  );
}
