import { useEffect, useRef, useState } from 'preact/hooks';
import { earliestAbsoluteMs, hasAbsoluteTimes } from '../../domain/clicklog/resolve';
import { applyOverrides, setOverride } from '../../domain/clip/override';
import { ErrorNote } from '../common/ErrorNote';
import { LogPanel } from './LogPanel';
import { ProjectDeleted } from '../common/ProjectDeleted';
import { ProjectNotice } from '../common/ProjectNotice';
import { RecordingSummary } from './RecordingSummary';
import { SelectionSettings } from './SelectionSettings';
import { ShortsSection } from '../shorts/ShortsSection';
import { ShortsLink } from '../shorts/ShortsLink';
import { StreamStart } from './StreamStart';
import { TimeBaseNote } from './TimeBaseNote';
import { Timeline } from './Timeline';
import { useHighlights } from './useHighlights';
import { ReplaceLogDialog } from './ReplaceLogDialog';
import { useLogReplace } from './useLogReplace';
import { shownAnalysis } from '../../app/stores/selectionStore';
import { HighlightsSection } from './HighlightsSection';
import { PauseStatus } from './PauseStatus';
import { RecordingTranscript } from './RecordingTranscript';
import { SelectedClip } from './SelectedClip';
import { revealStart } from './reveal';
import { rememberClip, rememberedClip } from './lastClip';
import { useStoredProject } from '../common/useStoredProject';
import type { StoredProject } from '../../app/stores/projectStore';

interface Props {
  id: string;
  initialWarnings: string[];
  back: () => void;
  /** Opened at Your shorts (#/p/<id>/shorts). */
  showShorts?: boolean;
}

export function ProjectView({ id, initialWarnings, back, showShorts = false }: Props) {
  const stored = useStoredProject(id);
  const data = stored.state.status === 'ready' ? stored.state : undefined;
  const [warnings, setWarnings] = useState(initialWarnings);
  const [selectedKey, setSelectedKey] = useState(() => rememberedClip(id));
  // A clip chosen in the list or chart brings its preview into view (on a phone it is below the list).
  const side = useRef<HTMLElement>(null);
  const [chosen, setChosen] = useState(0);
  const choose = (key: string | undefined) => {
    if (key === undefined) return;
    setSelectedKey(key);
    rememberClip(id, key);
    setChosen((n) => n + 1);
  };
  useEffect(() => {
    if (chosen > 0 && side.current) revealStart(side.current);
  }, [chosen]);

  const meta = data?.project.recording.meta;
  const { audio, transcript, said, log, fromSpeech, streamStart, state } = useHighlights(id, data);
  // Replacing the log is a job (its drop zone is disabled until it ends); a clearly wrong replacement asks first.
  const logReplace = useLogReplace({
    data,
    store: stored.replaceLog,
    storedLog: stored.storedLog,
    setStart: (ms, file) => void stored.save({ streamStartMs: ms, streamStartFile: file }),
    setProductList: (productList, listWarnings) => {
      void stored.save({ productList });
      setWarnings(listWarnings);
    },
    onReplaced: setWarnings,
  });

  if (!data || !meta) return <ProjectUnavailable state={stored.state} back={back} />;

  // `log` is the selection's: the imported log (if any) with what the transcript says added.
  const { project, recording, log: fileLog } = data;
  const { save } = stored;
  const result = shownAnalysis(state);
  // The user's trims and product links apply everywhere below: list, chart, preview, cut, render, export.
  const picks = applyOverrides(result?.picks ?? [], project.clipOverrides, log?.products ?? [], meta.durationSec);
  const clip = picks.find((p) => p.key === selectedKey) ?? picks[0];
  const chooseRank = (rank: number) => choose(picks.find((p) => p.rank === rank)?.key);

  // With a log, replacing it is a setting (below the highlights); without one, adding it is the next step.
  const logPanel = (
    <LogPanel
      log={fileLog}
      busy={logReplace.busy || logReplace.pending !== null}
      error={logReplace.error}
      warnings={warnings}
      onFile={(file) => void logReplace.replace(file)}
      onDismiss={logReplace.dismissError}
      productList={project.productList}
      onProductList={(productList) => void save({ productList })}
      fromSpeech={fromSpeech}
    />
  );

  // Without a click log, transcribing is how highlights are found: it comes right after the log panel.
  const transcriptSection = (
    <RecordingTranscript
      transcript={transcript}
      hasAudio={meta.hasAudio}
      durationSec={meta.durationSec}
      loudness={audio.state.status === 'ready' ? audio.state.loudness : undefined}
    />
  );

  const [transcriptAbove, transcriptBelow] = fileLog ? [null, transcriptSection] : [transcriptSection, null];

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
        <ShortsLink projectId={project.id} />
      </header>

      <ProjectNotice notice={stored.notice} onDismiss={stored.dismissNotice} />
      <PauseStatus audio={audio} />

      {!fileLog && logPanel}
      {transcriptAbove}
      {logReplace.pending && (
        <ReplaceLogDialog
          check={logReplace.pending.check}
          adding={logReplace.pending.adding}
          durationSec={meta.durationSec}
          onReplace={() => void logReplace.confirm()}
          onKeep={logReplace.keep}
        />
      )}

      {fileLog && hasAbsoluteTimes(fileLog) && (
        <StreamStart
          start={streamStart}
          firstEventMs={earliestAbsoluteMs(fileLog)}
          onChange={(ms) => void save({ streamStartMs: ms, streamStartFile: undefined })}
        />
      )}
      {state.status === 'error' && <ErrorNote message={state.message} />}

      {log && (
        // The highlights first, then the chosen clip, the chart, and the settings last (one column on a phone, in this order).
        <div class="workspace">
          <HighlightsSection
            state={state}
            picks={picks}
            project={project}
            recording={recording}
            selected={clip?.rank ?? null}
            onSelect={chooseRank}
            onShowMore={(topN) => void save({ selection: { ...project.selection, topN } })}
          />
          {clip && (
            <SelectedClip
              panelRef={side}
              clip={clip}
              project={project}
              recording={recording}
              log={log}
              timeBase={{ streamStartMs: streamStart?.ms, offsetSec: project.offsetSec ?? 0 }}
              loudness={audio.state.status === 'ready' ? audio.state.loudness : undefined}
              said={said}
              snapping={result?.snapping ?? false}
              onOverride={(o) => void save({ clipOverrides: setOverride(project.clipOverrides, clip.key, o) })}
            />
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
                onSelect={chooseRank}
              />
              <TimeBaseNote outside={result.outside} offsetSec={project.offsetSec ?? 0} onOffset={(offsetSec) => void save({ offsetSec })} />
            </section>
          )}
          <section class="settings-area" aria-label="Settings">
            <SelectionSettings value={project.selection} onChange={(selection) => void save({ selection })} />
            {fileLog && logPanel}
          </section>
        </div>
      )}
      {transcriptBelow}
      {log && <ShortsSection project={project} recording={recording} clips={result && picks} focus={showShorts} />}
    </main>
  );
}

/** A project that is still opening, was deleted in another tab, or cannot be read. */
function ProjectUnavailable({ state, back }: { state: StoredProject; back: () => void }) {
  if (state.status === 'deleted') return <ProjectDeleted />;
  if (state.status === 'missing') {
    return (
      <main class="project">
        <ErrorNote message={state.message} />
        <button type="button" class="btn" onClick={back}>
          Back to projects
        </button>
      </main>
    );
  }
  return (
    <main class="project loading" aria-busy="true">
      Opening project…
    </main>
  );
}
