import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CaptionLook } from '../domain/edit/captionStyle';
import type { ClickLog } from '../domain/events';
import { onProjectChange } from '../storage/changes';
import { isStorageError } from '../storage/errors';
import { getRecording, openProject, saveCaptionLook, saveLog, updateProject } from '../storage/projects';
import type { ProjectRecord } from '../storage/schema';
import type { ProjectPatch } from '../storage/versions';
import { releaseMedia } from '../app/services';
import type { Notice as ProjectNotice } from '../app/stores/store';
import { messageOf } from '../domain/messageOf';

export type StoredProject =
  | { status: 'loading' }
  | { status: 'ready'; project: ProjectRecord; log: ClickLog | undefined; recording: Blob }
  /** Deleted (in another tab) while open: nothing may be written, nothing is held. */
  | { status: 'deleted' }
  | { status: 'missing'; message: string };
type Ready = Extract<StoredProject, { status: 'ready' }>;

export type { Notice as ProjectNotice } from '../app/stores/store';

/**
 * An open project as stored, kept in step with other tabs. Writes are patches, queued so each
 * names the version the previous one stored; the screen shows them at once. When another tab
 * changed the project, a write is merged or refused by storage and the newest version is
 * reloaded; when another tab deleted it, the state becomes `deleted` and the recording is let go.
 * Closing or losing the project also releases the media engines, which may still hold its file.
 */
export function useStoredProject(id: string) {
  const [state, setState] = useState<StoredProject>({ status: 'loading' });
  const [notice, setNotice] = useState<ProjectNotice | null>(null);
  /** The record as last read or written: the base the next write names. */
  const stored = useRef<ProjectRecord | null>(null);
  const recording = useRef<Blob | null>(null);
  const deleted = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);

  const gone = useCallback(() => {
    deleted.current = true;
    stored.current = null;
    recording.current = null;
    setState({ status: 'deleted' });
    releaseMedia();
  }, []);

  /** Reads the project; `ifNewer`: only when another tab stored a newer version, and says so. */
  const load = useCallback(
    async (ifNewer = false): Promise<void> => {
      // A queued write of ours meets a newer version itself (merged or refused); look again after it.
      if (ifNewer && pending.current > 0) return void queue.current.then(() => load(true));
      try {
        const { project, log } = await openProject(id);
        if (ifNewer && (!stored.current || project.version === stored.current.version)) return;
        recording.current ??= await getRecording(id);
        if (deleted.current) return;
        if (ifNewer) setNotice({ kind: 'info', message: 'This project was changed in another tab: you see the newest version.' });
        stored.current = project;
        setState({ status: 'ready', project, log, recording: recording.current });
      } catch (e) {
        if (deleted.current) return;
        // Gone after it was open: deleted elsewhere (the signal may have been missed).
        if (stored.current && isStorageError(e, 'not-found')) gone();
        else if (!ifNewer) setState({ status: 'missing', message: messageOf(e) });
      }
    },
    [id, gone],
  );

  useEffect(() => releaseMedia, []);
  useEffect(() => {
    void load();
    const unsubscribe = onProjectChange((change) => {
      if (change.id !== id || !stored.current) return;
      if ('deleted' in change) gone();
      else if (change.version > stored.current.version) void load(true);
    });
    // A tab that slept may have missed signals: look again when it is shown.
    const onShown = () => document.visibilityState === 'visible' && void load(true);
    document.addEventListener('visibilitychange', onShown);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [id, load, gone]);

  /**
   * Shows a change at once and queues its write against the latest stored record. Resolves to
   * whether it was stored; if not, the screen goes back to what storage holds.
   */
  const enqueue = (write: (base: ProjectRecord) => Promise<ProjectRecord>, show: (s: Ready) => Ready) => {
    setState((s) => (s.status === 'ready' ? show(s) : s));
    pending.current++;
    const done = queue.current.then(async () => {
      const base = stored.current;
      if (!base) return false;
      try {
        const saved = await write(base);
        stored.current = saved;
        // More than one version on: another tab wrote in between and ours was merged onto it.
        if (saved.version !== base.version + 1) {
          setNotice({ kind: 'info', message: 'Saved. This project had also been changed in another tab: both changes are kept.' });
          await load();
        } else if (pending.current === 1) setState((s) => (s.status === 'ready' ? { ...s, project: saved } : s));
        return true;
      } catch (e) {
        if (isStorageError(e, 'deleted')) gone();
        else {
          const refused = isStorageError(e, 'conflict');
          setNotice({
            kind: 'error',
            message: refused ? `${messageOf(e)} This tab now shows the newer version; make your change again if you still want it.` : messageOf(e),
          });
          await load();
        }
        return false;
      } finally {
        pending.current--;
      }
    });
    queue.current = done;
    return done;
  };

  return {
    state,
    notice,
    dismissNotice: () => setNotice(null),
    /** Another store's write found the project gone. */
    gone,
    save: (patch: ProjectPatch) =>
      enqueue(
        (base) => updateProject(base, patch),
        (s) => ({ ...s, project: { ...s.project, ...patch } }),
      ),
    /** The caption look for every clip of the project, stored or new (saveCaptionLook). */
    saveCaptionLook: (look: CaptionLook) =>
      enqueue(
        (base) => saveCaptionLook(base, look),
        (s) => ({ ...s, project: { ...s.project, captionLook: look } }),
      ),
    replaceLog: (log: ClickLog) =>
      enqueue(
        (base) => saveLog(base, log),
        (s) => ({ ...s, log, project: { ...s.project, offsetSec: undefined } }),
      ),
  };
}
