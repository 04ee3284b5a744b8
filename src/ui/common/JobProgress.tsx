import type { JobView } from '../../app/jobRunner';
import { formatEta } from '../../domain/format';

interface Props {
  job: JobView;
  onCancel: () => void;
}

export function JobProgressBar({ job, onCancel }: Props) {
  const pct = Math.round(job.ratio * 100);
  const eta = Number.isNaN(job.etaSec) ? 'estimating…' : `${formatEta(job.etaSec)} left`;
  return (
    <div class="job" role="status" aria-live="polite">
      <div class="job-head">
        <span>{job.label}</span>
        <span class="job-figures">
          <span data-testid="job-percent">{pct}%</span> · {eta}
        </span>
      </div>
      <progress max={100} value={pct} aria-label={`${job.label}: ${pct}%`} />
      <button type="button" class="btn ghost" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
