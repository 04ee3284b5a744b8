import { useEffect, useState } from 'preact/hooks';

/** The clock the job runner uses (seconds), read again every `everyMs` while `on`. */
export function useNow(on: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => performance.now() / 1000);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(performance.now() / 1000), everyMs);
    return () => clearInterval(timer);
  }, [on, everyMs]);
  return now;
}
