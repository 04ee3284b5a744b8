import { useState } from 'preact/hooks';
import type { ProjectRecord } from '../../app/projects';
import { autoEditAll } from '../../app/renderJobs';
import { saveBlob } from '../../app/browser/fileSink';
import { wontFit } from '../../app/browser/storageInfo';
import type { OutputPresetId } from '../../domain/edit/output';
import { DEFAULT_QUALITY, QUALITY_PRESETS, type QualityId } from '../../domain/edit/quality';
import type { Clip } from '../../domain/clip/override';
import { detailsOf } from '../../domain/errors/mediaFailure';
import { estimateShortBytes } from '../../domain/shorts/size';
import type { EngineId } from '../../media/engine';
import { useJob } from '../common/useJob';
import { ENGINE_NAMES } from '../common/EngineNote';
import { ErrorNote } from '../common/ErrorNote';
import { FitWarning } from '../common/FitWarning';
import { JobProgressBar } from '../common/JobProgress';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  picks: Clip[];
}

interface Done {
  pick: Clip;
  blob: Blob;
  name: string;
  engine: EngineId;
}

/** Auto-edit every clip, one after another, with one overall progress bar. */
export function BatchRender({ project, recording, picks }: Props) {
  const { job, follow, cancel } = useJob();
  const [size, setSize] = useState<OutputPresetId>('hd');
  const [quality, setQuality] = useState<QualityId>(DEFAULT_QUALITY);
  const [done, setDone] = useState<Done[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [room, setRoom] = useState<{ needed: number; free: number } | null>(null);
  /** Where a cancelled or failed batch stopped, with its settings: Resume goes on from there. */
  const [stopped, setStopped] = useState<{ next: number; size: OutputPresetId; quality: QualityId } | null>(null);
  const one = picks.length === 1;

  const run = async (from: number, settings: { size: OutputPresetId; quality: QualityId }) => {
    setStopped(null);
    if (from === 0) setDone([]);
    const outcome = await follow(
      autoEditAll({ project, recording, picks, ...settings, from }, (pick, name, made) => {
        if (made.notKept) setError(new Error(`#${pick.rank} was rendered but not kept in Your shorts (${made.notKept}); download it below.`));
        setDone((d) => [...d, { pick, blob: made.render.blob, name, engine: made.render.engine }]);
      }),
    );
    if (outcome.status === 'failed') setError(outcome.error);
    if (outcome.status !== 'done' && outcome.next < picks.length) setStopped({ next: outcome.next, ...settings });
  };

  const renderAll = async (anyway = false) => {
    setError(null);
    setRoom(null);
    const needed = picks.reduce((sum, p) => sum + estimateShortBytes(size, quality, p.end - p.start), 0);
    const free = anyway ? null : await wontFit(needed);
    if (free !== null) return setRoom({ needed, free });
    await run(0, { size, quality });
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
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {stopped && !job && (
        <p class="note" role="status">
          Stopped before #{picks[stopped.next]?.rank}: {picks.length - stopped.next} of {picks.length} clip{picks.length === 1 ? '' : 's'} not made yet.{' '}
          <button
            type="button"
            class="btn small"
            onClick={() => {
              setError(null);
              void run(stopped.next, { size: stopped.size, quality: stopped.quality });
            }}
          >
            Resume
          </button>
        </p>
      )}
      {error && <ErrorNote message={`Auto-edit stopped: ${error.message}`} details={detailsOf(error)} onDismiss={() => setError(null)} />}
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
