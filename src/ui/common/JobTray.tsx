import { useEffect, useState } from 'preact/hooks';
import type { JobView } from '../../app/jobRunner';
import { jobs } from '../../app/jobs';
import { useTimeLeft } from './JobProgress';
import { useJobs } from './useJobs';

/** The page each job was started on (its progress and result show there), by job id. */
const origins = new Map<number, string>();

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

/**
 * The job tray: under the top bar on every screen, it lists the long jobs started on another
 * screen (a batch render, a transcription) so their progress follows you; "Show" goes back to
 * where each one's progress and result are. Jobs on the screen you are on show there instead.
 */
export function JobTray() {
  const all = useJobs((list) => list);
  const [here, setHere] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHere(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  for (const job of all) if (!origins.has(job.id)) origins.set(job.id, location.hash);
  for (const id of origins.keys()) if (!all.some((j) => j.id === id)) origins.delete(id);
  const away = all.filter((job) => (origins.get(job.id) ?? here) !== here);
  if (away.length === 0) return null;
  return (
    <aside class="job-tray" aria-label="Jobs running on other screens" data-testid="job-tray">
      <ul>
        {away.map((job) => (
          <TrayJob key={job.id} job={job} origin={origins.get(job.id) ?? ''} />
        ))}
      </ul>
    </aside>
  );
}
