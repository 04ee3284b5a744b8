import { useEffect, useRef, useState } from 'preact/hooks';
import type { EndedJob, JobView } from '../../app/jobRunner';
import { jobs } from '../../app/jobs';
import { useTimeLeft } from './JobProgress';
import { useEndedJobs, useJobs } from './useJobs';

/** The page each running job was started on (its progress and result show there), by job id. */
const origins = new Map<number, string>();
/** Jobs that ended while you were on another screen, with their page: until you go there or dismiss them. */
const finished = new Map<number, { job: EndedJob; origin: string }>();

/** Jobs running while you are on another screen: each with its step, percent and time left. */
function TrayJob({ job, origin }: { job: JobView; origin: string }) {
  const left = useTimeLeft(job);
  const pct = Math.round(job.ratio * 100);
  return (
    <li class="tray-job">
      <span class="tray-what">
        <strong>{job.label}</strong>
        {job.phase && <span class="muted"> · {job.phase.name}</span>}
      </span>
      <span class="tray-figures">{job.status === 'queued' ? 'waiting' : `${pct}% · ${left}`}</span>
      <progress max={100} value={pct} aria-label={`${job.label}: ${pct}%`} />
      <a class="btn ghost small" href={origin || '#/'}>
        Show
      </a>
      <button type="button" class="btn ghost small" onClick={() => jobs.cancel(job.id)}>
        Cancel
      </button>
    </li>
  );
}

/** A job that ended on another screen: done (with a link to its result) or failed (with why). */
function TrayEnded({ job, origin, onDismiss }: { job: EndedJob; origin: string; onDismiss: () => void }) {
  const failed = job.status === 'failed';
  return (
    <li class={`tray-job ended ${job.status}`} data-status={job.status}>
      <span class="tray-what">
        <strong>{job.label}</strong>
        <span class="muted"> · {failed ? `failed: ${job.message ?? 'see its screen'}` : 'done'}</span>
      </span>
      <a class="btn ghost small" href={origin || '#/'}>
        {failed ? 'Show' : 'Show result'}
      </a>
      <button type="button" class="btn ghost small" onClick={onDismiss}>
        Dismiss
      </button>
    </li>
  );
}

/** Moves the jobs that just ended from `origins` to `finished` when they ended away from their page; forgets the ones whose page is shown. */
function settleEnded(ended: readonly EndedJob[], here: string): void {
  for (const job of ended) {
    const origin = origins.get(job.id);
    if (origin === undefined) continue;
    origins.delete(job.id);
    if (job.status !== 'cancelled' && origin !== here) finished.set(job.id, { job, origin });
  }
  for (const [id, f] of finished) if (f.origin === here) finished.delete(id);
}

/** The tray's height as `--tray-h` on the page, so what else sticks to the top (the phone editor's preview) sits below it. */
function useTrayHeight(tray: { current: HTMLElement | null }, shown: boolean): void {
  useEffect(() => {
    const root = document.documentElement.style;
    const node = tray.current;
    if (!shown || !node) return;
    const seen = new ResizeObserver(() => root.setProperty('--tray-h', `${node.offsetHeight}px`));
    seen.observe(node);
    return () => {
      seen.disconnect();
      root.removeProperty('--tray-h');
    };
  }, [tray, shown]);
}

/**
 * The job tray: under the top bar on every screen, it lists the long jobs started on another
 * screen (a batch render, a transcription) so their progress follows you; "Show" goes back to
 * where each one's progress and result are. Jobs on the screen you are on show there instead. A job
 * that ends meanwhile stays, saying it is done (with a link to its result) or why it failed, until
 * you go to its page or dismiss it; a cancelled one just leaves.
 */
export function JobTray() {
  const all = useJobs((list) => list);
  const ended = useEndedJobs();
  const [, setDismissed] = useState(0);
  const [here, setHere] = useState(location.hash);
  const tray = useRef<HTMLElement>(null);
  useEffect(() => {
    const onHash = () => setHere(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  for (const job of all) if (!origins.has(job.id)) origins.set(job.id, location.hash);
  settleEnded(ended, here);
  const away = all.filter((job) => (origins.get(job.id) ?? here) !== here);
  const shown = away.length > 0 || finished.size > 0;
  useTrayHeight(tray, shown);
  if (!shown) return null;
  return (
    <aside class="job-tray" ref={tray} aria-label="Jobs on other screens" data-testid="job-tray">
      <ul aria-live="polite">
        {away.map((job) => (
          <TrayJob key={job.id} job={job} origin={origins.get(job.id) ?? ''} />
        ))}
        {[...finished.values()].map(({ job, origin }) => (
          <TrayEnded
            key={job.id}
            job={job}
            origin={origin}
            onDismiss={() => {
              finished.delete(job.id);
              setDismissed((n) => n + 1);
            }}
          />
        ))}
      </ul>
    </aside>
  );
}
