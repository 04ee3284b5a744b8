import { useState } from 'preact/hooks';
import { clipFileName } from '../../domain/format';
import type { Pick } from '../../domain/events';
import type { RecordingMeta } from '../../domain/recording';
import type { CutMethod } from '../../media/engine';
import { engine, saveBlob } from '../services';
import { useJob } from '../useJob';
import { ErrorNote } from './ErrorNote';
import { JobProgressBar } from './JobProgress';

interface Props {
  recording: Blob;
  recordingName: string;
  meta: RecordingMeta;
  clip: Pick;
}

const METHOD_NOTES: Record<CutMethod, string> = {
  copy: 'Last clip: copied without re-encoding.',
  smart: 'Last clip: exact, with only the partial keyframe intervals re-encoded.',
  reencode: 'Last clip: exact, re-encoded.',
};

/** Download one clip: stream copy by default (fast), or an exact re-encoded cut. */
export function ClipActions({ recording, recordingName, meta, clip }: Props) {
  const [exact, setExact] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [method, setMethod] = useState<CutMethod | null>(null);
  const { job, run, cancel } = useJob();

  const download = async () => {
    setError(null);
    try {
      const out = await run(exact ? 'Cutting (exact)' : 'Cutting (fast copy)', (hooks) =>
        engine.cut(recording, recordingName, { start: clip.start, end: clip.end, exact, codecs: meta }, hooks),
      );
      if (out) {
        setMethod(out.method);
        saveBlob(out.blob, clipFileName(clip.productName ?? clip.productId, clip.start, clip.end, out.ext));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div class="clip-actions">
      <label class="check">
        <input type="checkbox" checked={exact} onChange={(e) => setExact(e.currentTarget.checked)} disabled={job !== null} />
        Exact cut
      </label>
      <p class="muted small">
        {exact
          ? 'Starts and ends on the exact frame: only the first and last seconds are re-encoded, the rest is copied (a full re-encode where the browser cannot).'
          : 'Fast: copies the video without re-encoding, so it may start up to one keyframe interval (often 1–4 s) before the clip.'}
      </p>
      <button type="button" class="btn primary" onClick={download} disabled={job !== null}>
        Download clip
      </button>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {method && !job && (
        <p class="muted small" data-testid="cut-method" data-method={method}>
          {METHOD_NOTES[method]}
        </p>
      )}
      {error && <ErrorNote message={`The clip could not be cut: ${error}`} onDismiss={() => setError(null)} />}
    </div>
  );
}
