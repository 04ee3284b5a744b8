import { useState } from 'preact/hooks';
import { useObjectUrl } from '../useObjectUrl';
import type { ClipEdit } from '../../domain/edit/model';
import { suggestPost } from '../../domain/edit/postText';
import type { Pick } from '../../domain/events';
import { clipFileName } from '../../domain/format';
import type { RecordingMeta } from '../../domain/recording';
import { renderClip } from '../renderClip';
import { saveBlob } from '../services';
import { useJob } from '../useJob';
import type { RenderResult } from '../../media/engine';
import { EngineNote } from './EngineNote';
import { EngineSetting } from './EngineSetting';
import { ErrorNote } from './ErrorNote';
import { JobProgressBar } from './JobProgress';

interface Props {
  recording: Blob;
  recordingName: string;
  meta: RecordingMeta;
  pick: Pick;
  edit: ClipEdit;
  onPost: (text: string) => void;
  hashtags: string[];
  onHashtags: (tags: string[]) => void;
}

const parseTags = (text: string) => text.split(/[\s,]+/).map((t) => t.replace(/^#/, '')).filter(Boolean);

/** Render → preview → download, plus the post text to go with it. */
export function RenderPanel({ recording, recordingName, meta, pick, edit, onPost, hashtags, onHashtags }: Props) {
  const { job, run, cancel } = useJob();
  const [result, setResult] = useState<{ render: RenderResult; seconds: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const url = useObjectUrl(result?.render.blob ?? null);
  const name = clipFileName(`${pick.productName ?? pick.productId}-short`, pick.start, pick.end);

  const render = async () => {
    setError(null);
    setResult(null);
    try {
      const t0 = performance.now();
      const render = await run(`Rendering ${edit.output === 'hd' ? '1080×1920' : '720×1280'}`, (hooks) =>
        renderClip({ recording, recordingName, meta, pick, edit }, hooks),
      );
      if (render) setResult({ render, seconds: (performance.now() - t0) / 1000 });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section class="render-panel" aria-label="Render">
      <button type="button" class="btn primary" onClick={render} disabled={job !== null}>
        Render video
      </button>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {error && <ErrorNote message={`The video could not be rendered: ${error}`} onDismiss={() => setError(null)} />}
      {url && (
        <div class="result">
          <video src={url} controls playsInline data-testid="render-result" aria-label="Rendered video" />
          {result && <EngineNote result={result.render} seconds={result.seconds} />}
          <button type="button" class="btn primary" onClick={() => result && saveBlob(result.render.blob, name)}>
            Download video
          </button>
        </div>
      )}
      <label class="field wide">
        <span>Post text</span>
        <textarea rows={5} value={edit.post} onInput={(e) => onPost(e.currentTarget.value)} aria-label="Post text" />
      </label>
      <label class="field wide">
        <span>Your default hashtags (all clips)</span>
        <input type="text" value={hashtags.map((t) => `#${t}`).join(' ')} onChange={(e) => onHashtags(parseTags(e.currentTarget.value))} />
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
