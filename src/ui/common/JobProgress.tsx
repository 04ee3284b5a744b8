import type { JobView } from '../../app/jobRunner';
import { formatEta } from '../../domain/format';
import { liveSecondsLeft } from '../../domain/progress';
import { useNow } from './useNow';

/** "1 min 5 s left", counting down between reports; "longer than estimated" once past it. */
export function useTimeLeft(job: JobView): string {
  const now = useNow(!Number.isNaN(job.etaSec));
  const left = liveSecondsLeft(job.etaSec, job.etaAtSec, now);
  if (Number.isNaN(left)) return 'estimating…';
  return left > 0.5 ? `${formatEta(left)} left` : 'taking longer than estimated…';
}

interface Props {
  job: JobView;
  onCancel: () => void;
  /** Show the job's current phase under its label ("Loading the speech model…"). */
  showPhase?: boolean;
}

export function JobProgressBar({ job, onCancel, showPhase = false }: Props) {
  const pct = Math.round(job.ratio * 100);
  const eta = useTimeLeft(job);
  return (
    <div class="job" role="status" aria-live="polite">
      <div class="job-head">
        <span>{job.label}</span>
        <span class="job-figures">
          <span data-testid="job-percent">{pct}%</span> · {eta}
        </span>
      </div>
      {showPhase && job.phase && (
        <p class="muted small job-phase" data-testid="job-phase">
          {job.phase.name}
        </p>
      )}
      <progress max={100} value={pct} aria-label={`${job.label}: ${pct}%`} />
      <button type="button" class="btn ghost" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
