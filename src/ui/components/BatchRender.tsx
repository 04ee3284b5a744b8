import { useState } from 'preact/hooks';
import type { OutputPresetId } from '../../domain/edit/output';
import type { Pick, Product } from '../../domain/events';
import { clipFileName } from '../../domain/format';
import { estimate } from '../../domain/progress';
import { getEdit } from '../../storage/projects';
import type { ProjectRecord } from '../../storage/schema';
import { renderClip } from '../renderClip';
import { saveBlob } from '../services';
import { autoEditFor, clipKey } from '../useClipEdit';
import { useJob } from '../useJob';
import { ErrorNote } from './ErrorNote';
import { JobProgressBar } from './JobProgress';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  picks: Pick[];
  products: Product[];
}

interface Done {
  pick: Pick;
  blob: Blob;
  name: string;
}

/** Auto-edit every clip, one after another, with one overall progress bar. */
export function BatchRender({ project, recording, picks, products }: Props) {
  const { job, run, cancel } = useJob();
  const [size, setSize] = useState<OutputPresetId>('hd');
  const [done, setDone] = useState<Done[]>([]);
  const [error, setError] = useState<string | null>(null);

  const renderAll = async () => {
    setError(null);
    setDone([]);
    try {
      await run(`Auto-editing ${picks.length} clips`, async (hooks) => {
        const started = performance.now();
        for (const [i, pick] of picks.entries()) {
          const product = products[pick.productIndex] ?? { id: pick.productId };
          // The clip's own adjustments when it has them, the auto-edit otherwise; the size is the batch's.
          const edit = { ...((await getEdit(project.id, clipKey(pick))) ?? autoEditFor(project, pick, product)), output: size };
          const blob = await renderClip(
            { recording, recordingName: project.recording.name, meta: project.recording.meta, pick, edit },
            {
              ...(hooks.signal && { signal: hooks.signal }),
              onProgress: (p) => hooks.onProgress?.(estimate((i + p.ratio) / picks.length, (performance.now() - started) / 1000)),
            },
          );
          const name = clipFileName(`${i + 1}-${pick.productName ?? pick.productId}-short`, pick.start, pick.end);
          setDone((d) => [...d, { pick, blob, name }]);
        }
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section class="batch" aria-label="Auto-edit all clips">
      <div class="batch-row">
        <button type="button" class="btn secondary" onClick={renderAll} disabled={job !== null}>
          Auto-edit all {picks.length} clips
        </button>
        <label class="field">
          <span>Size</span>
          <select value={size} onChange={(e) => setSize(e.currentTarget.value as OutputPresetId)} disabled={job !== null}>
            <option value="hd">1080×1920</option>
            <option value="fast">720×1280 (faster)</option>
          </select>
        </label>
      </div>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {error && <ErrorNote message={`Auto-edit stopped: ${error}`} onDismiss={() => setError(null)} />}
      {done.length > 0 && (
        <ul class="batch-results" data-testid="batch-results">
          {done.map((d) => (
            <li key={d.name}>
              <span>
                #{d.pick.rank} {d.pick.productName ?? d.pick.productId}
              </span>
              <button type="button" class="btn ghost small" onClick={() => saveBlob(d.blob, d.name)}>
                Download
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
