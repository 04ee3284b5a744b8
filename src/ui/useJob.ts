import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { JobProgress } from '../domain/progress';
import { CancelledError } from '../domain/mediaErrors';
import type { JobHooks } from '../media/engine';
import { jobStarted } from '../app/runningJobs';

export interface JobState {
  label: string;
  progress: JobProgress;
}

/**
 * One long-running job at a time, with progress, time left and a Cancel that aborts it. A job
 * ends with its component: leaving or losing a project stops the work holding its recording.
 */
export function useJob() {
  const [job, setJob] = useState<JobState | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async <T>(label: string, work: (hooks: JobHooks) => Promise<T>): Promise<T | undefined> => {
    const abort = new AbortController();
    controller.current = abort;
    const ended = jobStarted();
    setJob({ label, progress: { ratio: 0, etaSec: Number.NaN } });
    try {
      return await work({ signal: abort.signal, onProgress: (progress) => setJob({ label, progress }) });
    } catch (err) {
      if (err instanceof CancelledError || abort.signal.aborted) return undefined;
      throw err;
    } finally {
      ended();
      if (controller.current === abort) {
        controller.current = null;
        setJob(null);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  useEffect(() => cancel, [cancel]);
  return { job, run, cancel };
}
