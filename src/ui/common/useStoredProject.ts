import { useEffect, useMemo } from 'preact/hooks';
import { projectStorage } from '../../app/projects';
import { ProjectStore } from '../../app/stores/projectStore';
import { useStore } from './useStore';

export type { StoredProject } from '../../app/stores/projectStore';
export type { Notice as ProjectNotice } from '../../app/stores/store';

/**
 * An open project from its store (src/app/stores/projectStore.ts). Closing the project lets the
 * media engines go of its file; a tab shown again looks for changes it may have missed.
 */
export function useStoredProject(id: string) {
  const store = useMemo(() => new ProjectStore(id, projectStorage(id)), [id]);
  useEffect(() => {
    void store.start();
    const onShown = () => document.visibilityState === 'visible' && void store.refresh();
    document.addEventListener('visibilitychange', onShown);
    return () => {
      document.removeEventListener('visibilitychange', onShown);
      store.dispose();
    };
  }, [store]);
  const { state, notice } = useStore(store);
  return {
    state,
    notice,
    dismissNotice: () => store.dismissNotice(),
    /** Another store's write found the project gone. */
    gone: () => store.gone(),
    save: store.save.bind(store),
    saveCaptionLook: store.saveCaptionLook.bind(store),
    replaceLog: store.replaceLog.bind(store),
    storedLog: () => store.storedLog,
  };
}
