import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobView } from '../../app/jobRunner';
import { jobs } from '../../app/jobs';

/** What `select` reads from the app's jobs, re-rendering only when that changes. */
export function useJobs<S>(select: (all: readonly JobView[]) => S): S {
  const [, rerender] = useState(0);
  const value = select(jobs.getSnapshot());
  // The latest selector and value, for the one subscription made at mount.
  const latest = useRef({ select, value });
  latest.current = { select, value };
  useEffect(
    () =>
      jobs.subscribe(() => {
        if (!Object.is(latest.current.select(jobs.getSnapshot()), latest.current.value)) rerender((n) => n + 1);
      }),
    [],
  );
  return value;
}
