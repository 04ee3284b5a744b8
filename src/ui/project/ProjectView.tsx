import { useEffect, useRef, useState } from 'preact/hooks';
import { earliestAbsoluteMs, hasAbsoluteTimes } from '../../domain/clicklog/resolve';
import { applyOverrides, setOverride } from '../../domain/clip/override';
import { DEFAULT_SELECTION } from '../../domain/selection/model';
import { effectiveStreamStart } from '../../domain/recording/streamStart';
import { BatchRender } from './BatchRender';
import { ClipActions } from './ClipActions';
import { ClipList, clipLength } from './ClipList';
import { ClipReview } from './ClipReview';
import { ClipWhy } from './ClipWhy';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import { LogPanel } from './LogPanel';
import { PicksExport } from './PicksExport';
import { ProjectDeleted } from '../common/ProjectDeleted';
import { ProjectNotice } from '../common/ProjectNotice';
import { RecordingSummary } from './RecordingSummary';
import { SelectionSettings } from './SelectionSettings';
import { ShortsSection } from '../shorts/ShortsSection';
import { StreamStart } from './StreamStart';
import { TimeBaseNote } from './TimeBaseNote';
import { Timeline } from './Timeline';
import { TranscribeAll } from './TranscribeAll';
import { ImportError, parseLogFile, readStartFile } from '../../app/importFlow';
import { useAnalysis } from './useAnalysis';
import { useJob } from '../common/useJob';
import { revealStart } from './reveal';
import { useLoudness } from './useLoudness';
import { useStoredProject } from '../common/useStoredProject';

interface Props {
  id: string;
  initialWarnings: string[];
  back: () => void;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the project screen's wiring (selection, loudness, shorts, log replacement, warnings); the next step is to move its state into the analysis store (issue 18 notes)
export function ProjectView({ id, initialWarnings, back }: Props) {
  const stored = useStoredProject(id);
  const data = stored.state.status === 'ready' ? stored.state : undefined;
  const [logError, setLogError] = useState<ImportError | null>(null);
  const [warnings, setWarnings] = useState(initialWarnings);
  // Replacing the log is a job: its drop zone is disabled until it ends.
  const logJob = useJob();
  const [selected, setSelected] = useState<number | null>(1);
  // A clip chosen in the list or chart brings its preview into view (on a phone it is below the list).
  const side = useRef<HTMLElement>(null);
  const [chosen, setChosen] = useState(0);
  const choose = (rank: number) => {
    setSelected(rank);
    setChosen((n) => n + 1);
  };
  useEffect(() => {
    if (chosen > 0 && side.current) revealStart(side.current);
  }, [chosen]);

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

  if (stored.state.status === 'deleted') return <ProjectDeleted />;
  if (stored.state.status === 'missing') {
    return (
      <main class="project">
        <ErrorNote message={stored.state.message} />
        <button type="button" class="btn" onClick={back}>
          Back to projects
        </button>
      </main>
    );
  }
  if (!data || !meta)
    return (
      <main class="project loading" aria-busy="true">
        Opening project…
      </main>
    );

  const { project, recording, log } = data;
  const { save } = stored;
  const replaceLog = async (file: File) => {
    // A date file dropped here sets the stream start rather than failing as a log.
    const startMs = await readStartFile(file);
    if (startMs !== undefined) return void save({ streamStartMs: startMs, streamStartFile: file.name });
    setLogError(null);
    try {
      const replaced = await logJob.run('Replacing the click log', async () => {
        const parsed = await parseLogFile(file);
        return (await stored.replaceLog(parsed.log)) ? parsed : undefined;
      });
      if (replaced) setWarnings(replaced.warnings);
    } catch (e) {
      setLogError(e instanceof ImportError ? e : new ImportError(`${file.name}: ${(e as Error).message}`));
    }
  };

  const result = state.status === 'done' ? state.result : state.status === 'running' ? state.last : undefined;
  // The user's trims and product links apply everywhere below: list, chart, preview, cut, render, export.
  const picks = applyOverrides(result?.picks ?? [], project.clipOverrides, log?.products ?? [], meta.durationSec);
  const clip = picks.find((p) => p.rank === selected) ?? picks[0];

  // With a log, replacing it is a setting (below the highlights); without one, adding it is the next step.
  const logPanel = (
    <LogPanel log={log} busy={logJob.job !== null} error={logError} warnings={warnings} onFile={replaceLog} onDismiss={() => setLogError(null)} />
  );

  return (
    <main class="project">
      <header class="project-head">
        <button type="button" class="btn ghost small" onClick={back}>
          ← Projects
        </button>
        <div>
          <h1>{project.name}</h1>
          <RecordingSummary recording={recording} meta={meta} bytes={project.recording.size} />
        </div>
      </header>

      <ProjectNotice notice={stored.notice} onDismiss={stored.dismissNotice} />
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

      {!log && logPanel}

      {log && hasAbsoluteTimes(log) && (
        <StreamStart
          start={streamStart}
          firstEventMs={earliestAbsoluteMs(log)}
          onChange={(ms) => void save({ streamStartMs: ms, streamStartFile: undefined })}
        />
      )}
      {state.status === 'error' && <ErrorNote message={state.message} />}

      {log && (
        // The highlights first, then the chosen clip, the chart, and the settings last (one column on a phone, in this order).
        <div class="workspace">
          <section class="highlights" aria-label="Highlights">
            {result && (
              <>
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
                      onClick={() => void save({ selection: { ...project.selection, topN: project.selection.topN + result.hiddenProducts } })}
                    >
                      Show {result.hiddenProducts === 1 ? 'it' : 'them'}
                    </button>
                  </p>
                )}
                {picks.length > 0 ? (
                  <>
                    <ClipList recording={recording} picks={picks} selected={clip?.rank ?? null} onSelect={choose} />
                    <BatchRender project={project} recording={recording} picks={picks} />
                    <TranscribeAll project={project} recording={recording} picks={picks} />
                  </>
                ) : (
                  <p class="empty">No product has a rise in clicks that fits the clip lengths: try a shorter Min length under Advanced.</p>
                )}
              </>
            )}
            {!result && state.status === 'running' && (
              <p class="muted" aria-busy="true">
                Finding highlights…
              </p>
            )}
          </section>
          {clip && (
            <aside class="side-col" aria-label="Selected clip" ref={side}>
              <h2>
                #{clip.rank} {clip.productName ?? clip.productId}
              </h2>
              <ClipReview
                recording={recording}
                clip={clip}
                durationSec={meta.durationSec}
                log={log}
                timeBase={{ streamStartMs: streamStart?.ms, offsetSec: project.offsetSec ?? 0 }}
                weights={project.selection.weights}
                loudness={audio.state.status === 'ready' ? audio.state.loudness : undefined}
                onOverride={(o) => void save({ clipOverrides: setOverride(project.clipOverrides, clip.key, o) })}
              />
              <ClipWhy clip={clip} snapping={result?.snapping ?? false} />
              {/* The page's next step, kept in view at the bottom of the screen. */}
              <div class="action-bar">
                <p class="action-bar-what">
                  <strong>
                    #{clip.rank} {clip.productName ?? clip.productId}
                  </strong>{' '}
                  <span class="muted">{clipLength(clip)}</span>
                </p>
                <a class="btn primary" href={`#/p/${project.id}/edit/${encodeURIComponent(clip.key)}`}>
                  Auto-edit<span class="wide-only"> (9:16 short)</span>
                </a>
              </div>
              <ClipActions project={project} recording={recording} recordingName={project.recording.name} meta={meta} clip={clip} />
            </aside>
          )}
          {result && (
            <section class="chart" aria-label="Click timeline">
              <Timeline
                timeline={result.timeline}
                durationSec={meta.durationSec}
                picks={picks}
                windows={result.windows}
                products={log.products}
                selected={clip?.rank ?? null}
                onSelect={choose}
              />
              <TimeBaseNote outside={result.outside} offsetSec={project.offsetSec ?? 0} onOffset={(offsetSec) => void save({ offsetSec })} />
            </section>
          )}
          <section class="settings-area" aria-label="Settings">
            <SelectionSettings value={project.selection} onChange={(selection) => void save({ selection })} />
            {logPanel}
          </section>
        </div>
      )}
      {log && <ShortsSection project={project} recording={recording} clips={result && picks} />}
    </main>
  );
}
