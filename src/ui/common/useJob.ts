import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Job, JobContext } from '../../app/jobRunner';
import { jobs } from '../../app/jobs';
import { useJobs } from './useJobs';

/**
 * A component's jobs on the app's runner: the latest one's progress, and a Cancel that aborts it.
 * A job ends with its component: leaving or losing a project stops the work holding its recording.
 */
export function useJob() {
  const [id, setId] = useState<number | null>(null);
  const job = useJobs((all) => all.find((j) => j.id === id) ?? null);
  const mine = useRef(new Set<number>());

  /** Shows `started` as this component's job until it ends; resolves to its outcome. */
  const follow = useCallback(<O>(started: Job<O>): Promise<O> => {
    mine.current.add(started.id);
    setId(started.id);
    return started.done.finally(() => mine.current.delete(started.id));
  }, []);

  /** Runs `work` as a job: its value, undefined when cancelled; a failure is thrown. */
  const run = useCallback(
    async <T>(label: string, work: (job: JobContext) => Promise<T>): Promise<T | undefined> => {
      const outcome = await follow(jobs.submit(label, work));
      if (outcome.status === 'failed') throw outcome.error;
      return outcome.status === 'done' ? outcome.value : undefined;
    },
    [follow],
  );

  const cancel = useCallback(() => {
    for (const started of mine.current) jobs.cancel(started);
  }, []);
  useEffect(() => cancel, [cancel]);
  return { job, run, follow, cancel };
}
