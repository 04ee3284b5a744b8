import { useEffect, useState } from 'preact/hooks';
import { earliestAbsoluteMs, hasAbsoluteTimes } from '../../domain/clicklog/resolve';
import { DEFAULT_SELECTION, type ClickLog } from '../../domain/events';
import { formatBytes, formatClock } from '../../domain/format';
import { effectiveStreamStart } from '../../domain/streamStart';
import { getLog, getProject, getRecording, saveLog, updateProject } from '../../storage/projects';
import type { ProjectRecord } from '../../storage/schema';
import { BatchRender } from '../components/BatchRender';
import { ClipActions } from '../components/ClipActions';
import { ClipList } from '../components/ClipList';
import { ClipPreview } from '../components/ClipPreview';
import { ClipWhy } from '../components/ClipWhy';
import { ErrorNote } from '../components/ErrorNote';
import { JobProgressBar } from '../components/JobProgress';
import { LogPanel } from '../components/LogPanel';
import { PicksExport } from '../components/PicksExport';
import { SelectionSettings } from '../components/SelectionSettings';
import { StreamStart } from '../components/StreamStart';
import { TimeBaseNote } from '../components/TimeBaseNote';
import { Timeline } from '../components/Timeline';
import { ImportError, parseLogFile, readStartFile } from '../importFlow';
import { useAnalysis } from '../useAnalysis';
import { clipKey } from '../useClipEdit';
import { useLoudness } from '../useLoudness';

interface Props {
  id: string;
  initialWarnings: string[];
  back: () => void;
}

interface Loaded {
  project: ProjectRecord;
  recording: Blob;
  log: ClickLog | undefined;
}

export function ProjectView({ id, initialWarnings, back }: Props) {
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [logError, setLogError] = useState<ImportError | null>(null);
  const [warnings, setWarnings] = useState(initialWarnings);
  const [parsing, setParsing] = useState(false);
  const [selected, setSelected] = useState<number | null>(1);

  useEffect(() => {
    Promise.all([getProject(id), getRecording(id), getLog(id)])
      .then(([project, recording, log]) => setData({ project, recording, log }))
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [id]);

  const meta = data?.project.recording.meta;
  const audio = useLoudness(id, data?.recording, data?.project.recording.name ?? '', meta);
  const streamStart = data
    ? effectiveStreamStart({
        chosenMs: data.project.streamStartMs,
        chosenFile: data.project.streamStartFile,
        logMs: data.log?.streamStartMs,
        creationTimeMs: meta?.creationTimeMs,
        recordingName: data.project.recording.name,
      })
    : undefined;
  const state = useAnalysis(
    id,
    data?.log,
    meta?.durationSec ?? 0,
    streamStart?.ms,
    data?.project.offsetSec ?? 0,
    data?.project.selection ?? DEFAULT_SELECTION,
    audio.state.status === 'ready' ? audio.state.loudness : undefined,
  );

  if (loadError) {
    return (
      <main class="project">
        <ErrorNote message={loadError} />
        <button type="button" class="btn" onClick={back}>
          Back to projects
        </button>
      </main>
    );
  }
  if (!data || !meta) return <main class="project loading" aria-busy="true">Opening project…</main>;

  const { project, recording, log } = data;
  const setProject = (next: ProjectRecord) => {
    setData({ ...data, project: next });
    void updateProject(next).catch((e: unknown) => setLoadError((e as Error).message));
  };
  const replaceLog = async (file: File) => {
    // A date file dropped here sets the stream start rather than failing as a log.
    const startMs = await readStartFile(file);
    if (startMs !== undefined) return setProject({ ...project, streamStartMs: startMs, streamStartFile: file.name });
    setParsing(true);
    setLogError(null);
    try {
      const parsed = await parseLogFile(file);
      const next = await saveLog(project, parsed.log);
      setData({ project: next, recording, log: parsed.log });
      setWarnings(parsed.warnings);
    } catch (e) {
      setLogError(e instanceof ImportError ? e : new ImportError(`${file.name}: ${(e as Error).message}`));
    } finally {
      setParsing(false);
    }
  };

  const result = state.status === 'done' ? state.result : state.status === 'running' ? state.last : undefined;
  const picks = result?.picks ?? [];
  const clip = picks.find((p) => p.rank === selected) ?? picks[0];

  return (
    <main class="project">
      <header class="project-head">
        <button type="button" class="btn ghost small" onClick={back}>
          ← Projects
        </button>
        <div>
          <h1>{project.name}</h1>
          <p class="muted small" data-testid="recording-meta">
            {formatClock(meta.durationSec, false)} · {meta.width}×{meta.height} · {meta.fps || '?'} fps · {meta.videoCodec}
            {meta.hasAudio ? ` + ${meta.audioCodec}` : ' · no audio'} · {formatBytes(project.recording.size)}
          </p>
        </div>
      </header>

      {audio.job && <JobProgressBar job={audio.job} onCancel={audio.cancel} />}
      {audio.state.status === 'cancelled' && (
        <p class="note warn" role="status">
          Pause detection was cancelled: clip edges are not snapped to pauses.{' '}
          <button type="button" class="btn small" onClick={audio.retry}>
            Find pauses
          </button>
        </p>
      )}
      {audio.state.status === 'error' && <ErrorNote message={`Pauses could not be measured, so clip edges are not snapped: ${audio.state.message}`} />}

      <LogPanel log={log} busy={parsing} error={logError} warnings={warnings} onFile={replaceLog} onDismiss={() => setLogError(null)} />

      {log && hasAbsoluteTimes(log) && (
        <StreamStart
          start={streamStart}
          firstEventMs={earliestAbsoluteMs(log)}
          onChange={(ms) => setProject({ ...project, streamStartMs: ms, streamStartFile: undefined })}
        />
      )}
      {state.status === 'error' && <ErrorNote message={state.message} />}

      {log && (
        <div class="workspace">
          <div class="main-col">
            <SelectionSettings value={project.selection} onChange={(selection) => setProject({ ...project, selection })} />
            {result && (
              <>
                <Timeline
                  timeline={result.timeline}
                  durationSec={meta.durationSec}
                  picks={picks}
                  windows={result.windows}
                  products={log.products}
                  selected={clip?.rank ?? null}
                  onSelect={setSelected}
                />
                <TimeBaseNote outside={result.outside} offsetSec={project.offsetSec ?? 0} onOffset={(offsetSec) => setProject({ ...project, offsetSec })} />
                <div class="list-head">
                  <h2>
                    {picks.length} highlight{picks.length === 1 ? '' : 's'}
                    {state.status === 'running' && <span class="muted small"> · updating…</span>}
                  </h2>
                  {picks.length > 0 && <PicksExport picks={picks} projectName={project.name} />}
                </div>
                {result.hiddenProducts > 0 && (
                  <p class="note" role="status" data-testid="hidden-products">
                    {result.hiddenProducts} more product{result.hiddenProducts === 1 ? ' has' : 's have'} a highlight.{' '}
                    <button
                      type="button"
                      class="btn small"
                      onClick={() => setProject({ ...project, selection: { ...project.selection, topN: project.selection.topN + result.hiddenProducts } })}
                    >
                      Show {result.hiddenProducts === 1 ? 'it' : 'them'}
                    </button>
                  </p>
                )}
                {picks.length > 0 ? (
                  <>
                    <ClipList picks={picks} selected={clip?.rank ?? null} onSelect={setSelected} />
                    <BatchRender project={project} recording={recording} picks={picks} products={log.products} />
                  </>
                ) : (
                  <p class="empty">
                    No product has a click peak that fits the limits (a clip needs a score of at least 5 inside a window at least the minimum length).
                  </p>
                )}
              </>
            )}
            {!result && state.status === 'running' && <p class="muted" aria-busy="true">Finding highlights…</p>}
          </div>
          {clip && (
            <aside class="side-col" aria-label="Selected clip">
              <h2>
                #{clip.rank} {clip.productName ?? clip.productId}
              </h2>
              <ClipPreview recording={recording} clip={clip} />
              <ClipWhy clip={clip} snapping={result?.snapping ?? false} />
              <a class="btn primary block" href={`#/p/${project.id}/edit/${encodeURIComponent(clipKey(clip))}`}>
                Auto-edit (9:16 short)
              </a>
              <ClipActions recording={recording} recordingName={project.recording.name} meta={meta} clip={clip} />
            </aside>
          )}
        </div>
      )}
    </main>
  );
}
