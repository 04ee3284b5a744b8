import type { ProjectNotice as Notice } from './useStoredProject';
import { ErrorNote } from './ErrorNote';

/** What happened to this tab's view because of another tab: a refresh (info) or a refused write (error). */
export function ProjectNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  if (!notice) return null;
  if (notice.kind === 'error') return <ErrorNote message={notice.message} onDismiss={onDismiss} />;
  return (
    <div class="note warn" role="status" data-testid="project-notice">
      <p>{notice.message}</p>
      <button type="button" class="btn ghost small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
