import { useState } from 'preact/hooks';
import { currentEdit } from '../../app/clipEdits';
import { keepShort } from '../../app/keepShort';
import type { ProjectRecord } from '../../app/projects';
import { prepareRender, type PreparedRender, renderPrepared } from '../../app/renderClip';
import { saveBlob } from '../../app/services';
import { wontFit } from '../../app/storageInfo';
import type { OutputPresetId } from '../../domain/edit/output';
import { DEFAULT_QUALITY, QUALITY_PRESETS, type QualityId } from '../../domain/edit/quality';
import type { Clip } from '../../domain/clipOverride';
import type { ClipEdit } from '../../domain/edit/model';
import { clipFileName } from '../../domain/format';
import { detailsOf } from '../../domain/mediaErrors';
import { estimateShortBytes } from '../../domain/shorts/size';
import type { EngineId } from '../../media/engine';
import { useJob } from '../useJob';
import { ENGINE_NAMES } from './EngineNote';
import { ErrorNote } from './ErrorNote';
import { FitWarning } from './FitWarning';
import { JobProgressBar } from './JobProgress';
import { asError, messageOf } from '../../domain/messageOf';

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
  const { job, run, cancel } = useJob();
  const [size, setSize] = useState<OutputPresetId>('hd');
  const [quality, setQuality] = useState<QualityId>(DEFAULT_QUALITY);
  const [done, setDone] = useState<Done[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [room, setRoom] = useState<{ needed: number; free: number } | null>(null);
  const one = picks.length === 1;

  const renderAll = async (anyway = false) => {
    setError(null);
    setRoom(null);
    const needed = picks.reduce((sum, p) => sum + estimateShortBytes(size, quality, p.end - p.start), 0);
    const free = anyway ? null : await wontFit(needed);
    if (free !== null) return setRoom({ needed, free });
    setDone([]);
    try {
      await run(one ? 'Auto-editing the clip' : `Auto-editing ${picks.length} clips`, async (hooks) => {
        const input = { recording, recordingName: project.recording.name };
        const prepare = async (pick: Clip) => {
          // The clip's own adjustments when it has them, the auto-edit otherwise; size and quality are the batch's.
          const edit: ClipEdit = { ...(await currentEdit(project, pick)), output: size, quality };
          return { edit, ...(await prepareRender({ meta: project.recording.meta, pick, edit })) };
        };
        type Prepared = PreparedRender & { edit: ClipEdit };
        // The next clip's overlays and plan are made on the main thread while this one encodes in the worker.
        let next: Promise<Prepared> | undefined = picks[0] && prepare(picks[0]);
        for (const [i, pick] of picks.entries()) {
          const clipStarted = performance.now();
          const prepared: Prepared | undefined = await next;
          if (!prepared) break;
          const following = picks[i + 1];
          next = following && prepare(following);
          // Keep a failed preparation from going unhandled while this clip renders; it is awaited next turn.
          next?.catch(() => undefined);
          const render = await renderPrepared(input, prepared, {
            ...(hooks.signal && { signal: hooks.signal }),
            onProgress: (p) => hooks.onProgress({ ratio: (i + p.ratio) / picks.length }),
          });
          const name = clipFileName(`${i + 1}-${pick.productName ?? pick.productId}-short`, pick.start, pick.end);
          // Kept in Your shorts, the MP4 is read back from disk: the batch holds no rendered copy in memory.
          const blob = await keepShort(project.id, pick, prepared.edit, render, (performance.now() - clipStarted) / 1000, name).then(
            (kept) => kept.blob,
            (e: unknown) => {
              setError(new Error(`#${pick.rank} was rendered but not kept in Your shorts (${messageOf(e)}); download it below.`));
              return render.blob;
            },
          );
          setDone((d) => [...d, { pick, blob, name, engine: render.engine }]);
        }
      });
    } catch (e) {
      setError(asError(e));
    }
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
