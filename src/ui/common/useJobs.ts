import { useEffect, useRef, useState } from 'preact/hooks';
import type { EndedJob, JobView } from '../../app/jobRunner';
import { jobs } from '../../app/jobs';

/** What `read` reads from the app's jobs, re-rendering only when that changes. */
function useRunner<S>(read: () => S): S {
  const [, rerender] = useState(0);
  const value = read();
  // The latest reader and value, for the one subscription made at mount.
  const latest = useRef({ read, value });
  latest.current = { read, value };
  useEffect(
    () =>
      jobs.subscribe(() => {
        if (!Object.is(latest.current.read(), latest.current.value)) rerender((n) => n + 1);
      }),
    [],
  );
  return value;
}

/** What `select` reads from the running and queued jobs. */
export function useJobs<S>(select: (all: readonly JobView[]) => S): S {
  return useRunner(() => select(jobs.getSnapshot()));
}

/** The jobs that ended last (src/app/jobRunner.ts, ENDED_KEPT). */
export function useEndedJobs(): readonly EndedJob[] {
  return useRunner(jobs.getEnded);
}
