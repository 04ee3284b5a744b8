import { useMemo, useState } from 'preact/hooks';
import type { ProjectRecord } from '../../app/projects';
import { batchStore } from '../../app/renderJobs';
import { saveBlob } from '../../app/browser/fileSink';
import { wontFit } from '../../app/browser/storageInfo';
import type { OutputPresetId } from '../../domain/edit/output';
import { DEFAULT_QUALITY, QUALITY_PRESETS, type QualityId } from '../../domain/edit/quality';
import type { Clip } from '../../domain/clip/override';
import { detailsOf } from '../../domain/errors/mediaFailure';
import { estimateShortBytes } from '../../domain/shorts/size';
import { useJobs } from '../common/useJobs';
import { useStore } from '../common/useStore';
import { ENGINE_NAMES } from '../../domain/media/engineNames';
import { ErrorNote } from '../common/ErrorNote';
import { FitWarning } from '../common/FitWarning';
import { JobProgressBar } from '../common/JobProgress';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  picks: Clip[];
}

/**
 * Auto-edit every clip, one after another, with one overall progress bar. The batch lives in the
 * project's batch store: it goes on while you work on other screens (the job tray shows it), and
 * its shorts are listed here when you come back.
 */
export function BatchRender({ project, recording, picks }: Props) {
  const store = useMemo(() => batchStore(project.id), [project.id]);
  const { jobId, made: done, stopped, error, source } = useStore(store);
  const job = useJobs((all) => all.find((j) => j.id === jobId) ?? null);
  const [size, setSize] = useState<OutputPresetId>('hd');
  const [quality, setQuality] = useState<QualityId>(DEFAULT_QUALITY);
  const [room, setRoom] = useState<{ needed: number; free: number } | null>(null);
  const one = picks.length === 1;
  const ran = source?.picks ?? picks;

  const renderAll = async (anyway = false) => {
    store.dismissError();
    setRoom(null);
    const needed = picks.reduce((sum, p) => sum + estimateShortBytes(size, quality, p.end - p.start), 0);
    const free = anyway ? null : await wontFit(needed);
    if (free !== null) return setRoom({ needed, free });
    await store.run({ project, recording, picks }, { size, quality });
  };

  return (
    <section class="batch" aria-label="Auto-edit all clips">
      <div class="batch-row">
        <button type="button" class="btn secondary" onClick={() => void renderAll()} disabled={job !== null}>
          {one ? 'Auto-edit the clip' : `Auto-edit all ${picks.length} clips`}
        </button>
        <label class="field">
          <span>Size</span>
          <select value={size} onChange={(e) => setSize(e.currentTarget.value as OutputPresetId)} disabled={job !== null}>
            <option value="hd">1080×1920</option>
            <option value="fast">720×1280 (faster)</option>
          </select>
        </label>
        <label class="field">
          <span>Quality</span>
          <select value={quality} onChange={(e) => setQuality(e.currentTarget.value as QualityId)} disabled={job !== null}>
            {QUALITY_PRESETS.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {room && (
        <FitWarning needed={room.needed} free={room.free} what={one ? 'The short' : `These ${picks.length} shorts`} onAnyway={() => void renderAll(true)} />
      )}
      {job && <JobProgressBar job={job} onCancel={() => store.cancel()} showPhase />}
      {stopped && !job && (
        <p class="note" role="status">
          Stopped before #{ran[stopped.next]?.rank}: {ran.length - stopped.next} of {ran.length} clip{ran.length === 1 ? '' : 's'} not made yet.{' '}
          <button type="button" class="btn small" onClick={() => void store.resume()}>
            Resume
          </button>
        </p>
      )}
      {error && <ErrorNote message={`Auto-edit stopped: ${error.message}`} details={detailsOf(error)} onDismiss={() => store.dismissError()} />}
      {done.length > 0 && (
        <ul class="batch-results" data-testid="batch-results">
          {done.map((d) => (
            <li key={d.name}>
              <span>
                #{d.pick.rank} {d.pick.productName ?? d.pick.productId}
              </span>
              <span class="hint" data-engine={d.engine}>
                {ENGINE_NAMES[d.engine][0]}
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
