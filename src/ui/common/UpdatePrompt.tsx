import { useEffect, useState } from 'preact/hooks';
import { jobRunning } from '../../app/browser/runningJobs';
import { applyUpdate, subscribeUpdate, type UpdateState } from '../swUpdate';

/**
 * A small banner, over the page but blocking nothing, when a new version is ready. It reloads
 * only on the user's click, and warns first if a job (here or in another tab) would be cut short.
 */
export function UpdatePrompt() {
  const [state, setState] = useState<UpdateState>('none');
  const [hidden, setHidden] = useState(false);
  const [warned, setWarned] = useState(false);
  useEffect(
    () =>
      subscribeUpdate((next) => {
        setState(next);
        setHidden(false);
      }),
    [],
  );
  if (state === 'none' || hidden) return null;

  const reload = async () => {
    if (!warned && (await jobRunning())) setWarned(true);
    else applyUpdate();
  };
  return (
    <div class="update-prompt" role="status" data-testid="update-prompt">
      <p>{warned ? 'A job is still running, here or in another tab: reloading now stops it.' : 'A new version is ready.'}</p>
      <button type="button" class="btn small primary" onClick={() => void reload()}>
        {warned ? 'Reload anyway' : 'Reload to update'}
      </button>
      <button type="button" class="btn small ghost" onClick={() => (warned ? setWarned(false) : setHidden(true))}>
        {warned ? 'Wait' : 'Not now'}
      </button>
    </div>
  );
}
