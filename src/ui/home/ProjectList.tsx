import type { ProjectRecord } from '../../app/projects';
import type { ShortsUsage } from '../../app/shorts';
import { formatBytes, formatClock } from '../../domain/format';

interface Props {
  projects: ProjectRecord[] | null;
  /** Saved shorts per project id. */
  shorts?: Map<string, ShortsUsage> | undefined;
  onOpen: (id: string) => void;
  onDelete: (p: ProjectRecord) => void;
}

export function ProjectList({ projects, shorts, onOpen, onDelete }: Props) {
  if (projects === null) return <p class="muted">Loading projects…</p>;
  if (projects.length === 0) {
    return <p class="empty">No projects yet. Drop a recording above, or try the sample.</p>;
  }
  return (
    <ul class="project-list" data-testid="project-list">
      {projects.map((p) => {
        const m = p.recording.meta;
        const kept = shorts?.get(p.id);
        return (
          <li key={p.id} class="project-card">
            {/* Named by what it shows (no aria-label): speech input and screen readers get the words on screen. */}
            <button type="button" class="project-open" onClick={() => onOpen(p.id)}>
              <span class="project-name">{p.name}</span>
              <span class="muted">
                {formatClock(m.durationSec, false)} · {m.width}×{m.height} · {formatBytes(p.recording.size)}
                {p.log ? ` · ${p.log.events.toLocaleString()} events, ${p.log.products} products` : ' · no click log yet'}
              </span>
              {kept && (
                <span class="muted small" data-testid="project-shorts">
                  {kept.count} saved short{kept.count === 1 ? '' : 's'} · {formatBytes(kept.bytes)}
                </span>
              )}
              <span class="muted small">Updated {new Date(p.updatedAt).toLocaleString()}</span>
            </button>
            <button type="button" class="btn ghost small danger" onClick={() => onDelete(p)} aria-label={`Delete ${p.name}`}>
              Delete
            </button>
          </li>
        );
      })}
    </ul>
  );
}
