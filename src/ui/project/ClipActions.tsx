import { useState } from 'preact/hooks';
import { clipPostText } from '../../app/clipEdits';
import type { ProjectRecord } from '../../app/projects';
import { engine } from '../../app/services';
import { saveBlob } from '../../app/browser/fileSink';
import type { Clip } from '../../domain/clip/override';
import { clipFileName } from '../../domain/format';
import type { RecordingMeta } from '../../domain/recording/meta';
import type { CutMethod, CutResult } from '../../media/engine';
import { useJob } from '../common/useJob';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import { UploadDialog } from '../common/UploadDialog';
import { asError } from '../../domain/errors/messageOf';
import { detailsOf } from '../../domain/errors/mediaFailure';

interface Props {
  /** For the clip's post text (its edit's, or the auto-edit's). */
  project: ProjectRecord;
  recording: Blob;
  recordingName: string;
  meta: RecordingMeta;
  clip: Clip;
}

const METHOD_NOTES: Record<CutMethod, string> = {
  copy: 'Last clip: fast copy.',
  smart: 'Last clip: exact to the frame (only its first and last seconds re-made).',
  reencode: 'Last clip: exact to the frame (all of it re-made).',
};

/** Download one clip, or hand it to TikTok: stream copy by default (fast), or an exact re-encoded cut. */
export function ClipActions({ project, recording, recordingName, meta, clip }: Props) {
  const [exact, setExact] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [method, setMethod] = useState<Pick<CutResult, 'method' | 'engine' | 'fallbackReason'> | null>(null);
  const [upload, setUpload] = useState<{ file: File; text: string } | null>(null);
  const { job, run, cancel } = useJob();
  const fileName = (out: CutResult) => clipFileName(clip.productName ?? clip.productId, clip.start, clip.end, out.ext);

  /** Cuts the clip, then hands the result on; errors are shown, a cancel is silent. */
  const cutThen = async (label: string, use: (out: CutResult) => Promise<void> | void) => {
    setError(null);
    try {
      const out = await run(`${label} (${exact ? 'exact' : 'fast copy'})`, (hooks) =>
        engine.cut(recording, recordingName, { start: clip.start, end: clip.end, exact, codecs: meta }, hooks),
      );
      if (out) {
        setMethod({ method: out.method, engine: out.engine, ...(out.fallbackReason && { fallbackReason: out.fallbackReason }) });
        await use(out);
      }
    } catch (e) {
      setError(asError(e));
    }
  };
  const download = () => cutThen('Cutting', (out) => saveBlob(out.blob, fileName(out)));
  // Cut first: the dialog's button then shares or saves with the click's own user activation.
  const toTikTok = () =>
    cutThen('Cutting for TikTok', async (out) =>
      setUpload({ file: new File([out.blob], fileName(out), { type: out.blob.type }), text: await clipPostText(project, clip) }),
    );

  return (
    <div class="clip-actions">
      <label class="check">
        <input type="checkbox" checked={exact} onChange={(e) => setExact(e.currentTarget.checked)} disabled={job !== null} />
        Exact cut
      </label>
      <p class="muted small">
        {exact ? 'Starts and ends on the exact frame; takes a little longer.' : 'Fast: ready in seconds, but may start a second or a few early.'}
      </p>
      <button type="button" class="btn primary" onClick={download} disabled={job !== null}>
        Download clip
      </button>
      <button type="button" class="btn secondary" onClick={toTikTok} disabled={job !== null}>
        Upload to TikTok
      </button>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {method && !job && (
        <div class="muted small" data-testid="cut-method" data-method={method.method} data-engine={method.engine}>
          <p>
            {METHOD_NOTES[method.method]}
            {method.fallbackReason && ' The fast copy came out broken, so the clip was cut exactly instead.'}
          </p>
          {method.fallbackReason && (
            <details class="advanced small">
              <summary>Details</summary>
              <p>{method.fallbackReason}</p>
            </details>
          )}
        </div>
      )}
      {error && <ErrorNote message={`The clip could not be cut: ${error.message}`} details={detailsOf(error)} onDismiss={() => setError(null)} />}
      {upload && (
        <UploadDialog
          file={upload.file}
          postText={upload.text}
          product={clip.product}
          onClose={() => setUpload(null)}
          about={
            <p class="note" data-testid="upload-raw-note">
              This is the clip as recorded{meta.width > meta.height ? ` (${meta.width}×${meta.height}, landscape)` : ''}, without the intro card or captions.{' '}
              <a href={`#/p/${project.id}/edit/${encodeURIComponent(clip.key)}`}>Make the 9:16 short instead</a>.
            </p>
          }
        />
      )}
    </div>
  );
}
