import type { Clip } from '../domain/clip/override';
import type { ClipEdit } from '../domain/edit/model';
import type { OutputPresetId } from '../domain/edit/output';
import type { QualityId } from '../domain/edit/quality';
import { clipFileName } from '../domain/format';
import { messageOf } from '../domain/errors/messageOf';
import type { RenderResult } from '../media/engine';
import { storedOrAutoEdit } from './clipEdits';
import { withDefaultFollow } from './followHost';
import type { BatchOutcome, Job, JobContext, JobOutcome } from './jobRunner';
import { jobs } from './jobs';
import { keepShort } from './keepShort';
import { getLoudness, type ProjectRecord } from './projects';
import { type PreparedRender, prepareRender, type RenderInput, renderClip, renderPrepared, type Tightening } from './renderClip';
import { type SavedShort, saveShortPost } from './shorts';
import { perProject } from './perProject';
import { BatchStore } from './stores/batchStore';
import { RenderStore } from './stores/renderStore';

/** A finished render: kept as a short (its MP4 then read back from disk), or not, and why. */
export interface RenderedShort {
  render: RenderResult;
  /** From the start of the clip's preparation to the end of its encode. */
  seconds: number;
  short?: SavedShort;
  notKept?: string;
}

/** The phase after the encode, shown in place of the progress bar. */
export const KEEPING = 'Keeping it in Your shorts';

async function keep(projectId: string, pick: Clip, edit: ClipEdit, render: RenderResult, seconds: number, name: string): Promise<RenderedShort> {
  try {
    // Kept, the MP4 is read back from disk and the rendered copy in memory can go.
    const kept = await keepShort(projectId, pick, edit, render, seconds, name);
    return { render: { ...render, blob: kept.blob }, seconds, short: kept.short };
  } catch (e) {
    return { render, seconds, notKept: messageOf(e) };
  }
}

/** Render → keep as a saved short of `projectId`, as one job. */
export function renderThenKeep(projectId: string, input: RenderInput & { pick: Clip }, name: string): Job<JobOutcome<RenderedShort>> {
  const size = input.edit.output === 'hd' ? '1080×1920' : '720×1280';
  return jobs.submit(`Rendering #${input.pick.rank} ${input.pick.productName ?? input.pick.productId} (${size})`, async (job) => {
    const started = performance.now();
    const render = await renderClip(input, job);
    job.phase(KEEPING);
    return keep(projectId, input.pick, input.edit, render, (performance.now() - started) / 1000, name);
  });
}

interface AutoEditAll {
  project: ProjectRecord;
  recording: Blob;
  picks: readonly Clip[];
  size: OutputPresetId;
  quality: QualityId;
  /** Resume at this clip (the `next` of a cancelled or failed batch); the ones before are already made. */
  from?: number;
}

/** Auto-edits every clip one after another as one batch, each kept as a short; `onDone` hears of each as it is made. */
export function autoEditAll(
  { project, recording, picks, size, quality, from = 0 }: AutoEditAll,
  onDone: (pick: Clip, name: string, made: RenderedShort) => void,
): Job<BatchOutcome<void>> {
  const input = { recording, recordingName: project.recording.name };
  type Prepared = PreparedRender & { edit: ClipEdit };
  const prepared = new Map<number, Promise<Prepared>>();
  // Where the pauses are, read once for the batch: clips tightened by their edit or the project's setting cut them.
  let tightening: Promise<Tightening> | undefined;
  const pauses = () =>
    (tightening ??= getLoudness(project.id)
      .catch(() => undefined)
      .then((loudness) => ({ byDefault: project.tightenAll === true, ...(loudness && { loudness }) })));
  /** The clip's own adjustments when it has them, else its auto-edit following the host where that is the default (found here, while the clip before encodes). */
  const editOf = async (pick: Clip, job: JobContext): Promise<ClipEdit> => {
    const { edit, auto } = await storedOrAutoEdit(project, pick);
    if (!auto) return edit;
    try {
      return await withDefaultFollow(edit, recording, pick, project.recording.meta, job);
    } catch (e) {
      // A detector that can't run here leaves the auto-edit's reframe; only a cancel stops the batch.
      if (job.signal.aborted) throw e;
      return edit;
    }
  };
  const prepare = (i: number, pick: Clip, job: JobContext): Promise<Prepared> => {
    const known = prepared.get(i);
    if (known) return known;
    const made = (async () => {
      // Size and quality are the batch's.
      const edit: ClipEdit = { ...(await editOf(pick, job)), output: size, quality };
      return { edit, ...(await prepareRender({ meta: project.recording.meta, pick, edit, tightening: await pauses() })) };
    })();
    // Keep a failed preparation from going unhandled until its clip's turn awaits it.
    made.catch(() => undefined);
    prepared.set(i, made);
    return made;
  };
  const label = picks.length === 1 ? 'Auto-editing the clip' : `Auto-editing ${picks.length} clips`;
  const clipOf = (i: number) => `Clip ${i + 1} of ${picks.length}`;
  return jobs.submitBatch(
    label,
    picks,
    async (pick, batch, i) => {
      // Which clip, wherever the tray or the page shows the render's own steps.
      const job = { ...batch, phase: (name: string) => batch.phase(`${clipOf(i)}: ${name}`) };
      const started = performance.now();
      const ready = await prepare(i, pick, job);
      prepared.delete(i);
      // The next clip's host search, overlays and plan are made while this one encodes in the worker; quietly, this clip's progress shows.
      const following = picks[i + 1];
      if (following) void prepare(i + 1, following, { signal: batch.signal, onProgress: () => undefined, phase: () => undefined });
      const render = await renderPrepared(input, ready, job);
      const name = clipFileName(`${i + 1}-${pick.productName ?? pick.productId}-short`, pick.start, pick.end);
      onDone(pick, name, await keep(project.id, pick, ready.edit, render, (performance.now() - started) / 1000, name));
    },
    { from, itemLabel: (_, i) => clipOf(i) },
  );
}

/** What "Auto-edit all" makes shorts of. */
type AutoEditSource = Pick<AutoEditAll, 'project' | 'recording' | 'picks'>;

const batches = perProject(
  () =>
    new BatchStore<AutoEditSource>({
      start: (source, settings, from, onMade) =>
        autoEditAll({ ...source, ...settings, from }, (pick, name, made) =>
          onMade(pick, name, { blob: made.render.blob, engine: made.render.engine, ...(made.notKept && { notKept: made.notKept }) }),
        ),
      cancel: (id) => jobs.cancel(id),
    }),
);

/** The project's "Auto-edit all" batch: one per project for the tab's life, so it goes on (in the job tray) on other screens. */
export const batchStore = (projectId: string): BatchStore<AutoEditSource> => batches.get(projectId);

const renders = perProject(
  (projectId) =>
    new RenderStore<RenderInput & { pick: Clip }>({
      start: (input, name) => renderThenKeep(projectId, input, name),
      cancel: (id) => jobs.cancel(id),
      savePost: saveShortPost,
    }),
);

/** The project's renders from the editor, per clip: they go on (in the job tray) on other screens. */
export const renderStore = (projectId: string): RenderStore<RenderInput & { pick: Clip }> => renders.get(projectId);
