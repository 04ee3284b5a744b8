import { useEffect, useRef, useState } from 'preact/hooks';
import { type Dropped, ImportError, importProject, splitDropped } from '../../app/importFlow';
import { keptOrFetched, SAMPLE_VIDEO } from '../../app/offline/onDemand';
import { offline } from '../../app/services';
import { megabytes } from '../../domain/offline';
import { messageOf } from '../../domain/errors/messageOf';
import { listProjects, onProjectChange, type ProjectRecord, removeProject } from '../../app/projects';
import { LOG_ACCEPT, RECORDING_ACCEPT, TRANSCRIPT_ACCEPT } from '../../domain/fileKinds';
import { DropZone } from '../common/DropZone';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import { LogFormatHelp } from '../common/LogFormatHelp';
import { BrowserSupport } from '../common/BrowserSupport';
import { ProjectList } from './ProjectList';
import { StorageLine } from '../common/StorageLine';
import { useJob } from '../common/useJob';
import { useStorageSummary } from '../common/useStorageSummary';
import { detailsOf } from '../../domain/errors/mediaFailure';

interface Props {
  open: (id: string, warnings?: string[]) => void;
}

const SAMPLE = { video: SAMPLE_VIDEO, log: 'samples/sample-clicks.csv', transcript: 'samples/sample.srt' };

async function fetchAsFile(path: string): Promise<File> {
  const res = await keptOrFetched(path);
  if (!res.ok) throw new ImportError(`The sample could not be loaded (${res.status} for ${path}).`);
  const blob = await res.blob();
  return new File([blob], path.split('/').pop() ?? path, { type: blob.type });
}

export function HomeView({ open }: Props) {
  const [projects, setProjects] = useState<ProjectRecord[] | null>(null);
  const [error, setError] = useState<ImportError | Error | null>(null);
  const { job, run, cancel } = useJob();
  const storage = useStorageSummary();

  const reads = useRef(0);
  const refresh = () => {
    // Signals can come in bursts: only the latest read is shown.
    const read = ++reads.current;
    return listProjects()
      .then((list) => read === reads.current && setProjects(list))
      .catch((e: unknown) => {
        setProjects([]);
        setError(e as Error);
      });
  };
  // Projects made, changed or deleted in other tabs show here without a reload (and when a tab that slept is shown again).
  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribed once; `refresh` only reads a ref and setters.
  useEffect(() => {
    void refresh();
    const unsubscribe = onProjectChange(() => void refresh());
    const onShown = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onShown);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onShown);
    };
  }, []);

  const start = async (dropped: Dropped & { recording: File }) => {
    setError(null);
    try {
      const done = await run(`Reading ${dropped.recording.name}`, (hooks) => importProject(dropped, hooks));
      if (done) open(done.project.id, done.warnings);
    } catch (e) {
      setError(e as Error);
    }
  };

  const onFiles = (files: File[]) => {
    const dropped = splitDropped(files);
    const { recording, log, spreadsheet, ignored } = dropped;
    if (!recording) {
      const others = [...(spreadsheet ? [spreadsheet] : []), ...ignored].map((f) => f.name).join(', ');
      const what = log ? `${log.name} is a click log` : `${others} is not a recording`;
      setError(new ImportError(`${what}. Drop the recording (MP4, MOV, WebM or MKV), with its click log or on its own.`));
      return;
    }
    void start({ ...dropped, recording });
  };

  const trySample = async () => {
    setError(null);
    try {
      // The sample video is kept on first use (with the others on demand), not on the first visit.
      await offline.ensure('sample').catch((e: unknown) => {
        const size = megabytes(offline.groups.find((g) => g.id === 'sample')?.bytes ?? 0);
        throw new ImportError(
          `The sample video (${size}) isn't kept on this device yet, and it could not be downloaded (${messageOf(e)}). Connect to the internet and try again, or choose "Keep everything for offline use" under the badge at the top while online.`,
        );
      });
      const [recording, log, transcript] = await Promise.all([fetchAsFile(SAMPLE.video), fetchAsFile(SAMPLE.log), fetchAsFile(SAMPLE.transcript)]);
      await start({ recording, log, transcript, ignored: [] });
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <main class="home">
      <section class="hero">
        <h1>Turn your LIVE into highlight clips</h1>
        <p class="lede">
          Drop a livestream recording and its product click log: the moments where each product got the most clicks become short clips you can preview, edit and
          post. A click log is the list of clicks on the products you showed, with their times. No log? Drop the recording with your shop's product list, or
          alone: the products are found in what you say. Everything stays on this device.
        </p>
      </section>
      <section class="import" aria-label="New project">
        <DropZone
          testId="home-drop"
          onFiles={onFiles}
          accept={`${RECORDING_ACCEPT},${LOG_ACCEPT},${TRANSCRIPT_ACCEPT}`}
          title="Drop a recording, its click log and transcript"
          hint="Recording: MP4, MOV, WebM or MKV, any length. Click log: CSV, JSON or NDJSON with time, event and product_id. Optional transcript: SRT or WebVTT, for captions."
          buttonLabel="Choose files"
          disabled={job !== null}
        />
        <div class="sample">
          <span>No files at hand?</span>
          <button type="button" class="btn secondary" onClick={trySample} disabled={job !== null}>
            Try the sample
          </button>
        </div>
        <LogFormatHelp />
        <BrowserSupport />
        {job && <JobProgressBar job={job} onCancel={cancel} />}
        {error && (
          <ErrorNote
            message={error.message}
            details={detailsOf(error)}
            {...(error instanceof ImportError && { rows: error.rows, total: error.total })}
            onDismiss={() => setError(null)}
          />
        )}
      </section>
      <section class="projects" aria-label="Your projects">
        <h2>Your projects</h2>
        {storage.summary && <StorageLine shorts={storage.summary.total} info={storage.summary.info} onPersist={storage.askPersist} />}
        <ProjectList
          projects={projects}
          shorts={storage.summary?.byProject}
          onOpen={(id) => open(id)}
          onDelete={async (p) => {
            if (!confirm(`Delete “${p.name}”? The stored recording, log, picks and saved shorts are removed from this browser.`)) return;
            await removeProject(p.id).catch((e: unknown) => setError(e as Error));
            storage.refresh();
            await refresh();
          }}
        />
      </section>
    </main>
  );
}
