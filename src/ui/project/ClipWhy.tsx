import type { Highlight } from '../../domain/selection/model';
import { explainPick } from '../../domain/selection/explain';

/** Why this clip was chosen, in plain words, with the exact figures one click away (docs/selection.md). */
export function ClipWhy({ clip, snapping }: { clip: Highlight; snapping: boolean }) {
  const e = explainPick(clip, snapping);
  return (
    <div class="why" data-testid="clip-why">
      <p data-testid="clip-moment">
        <strong>{e.moment}</strong> {e.clip}
      </p>
      <p>{e.window}</p>
      <p>{e.activity}</p>
      {e.spoken && <p data-testid="clip-spoken">{e.spoken}</p>}
      {e.signals && <p data-testid="clip-signals">{e.signals}</p>}
      <p class="muted small" data-testid="clip-edges">
        {e.edges}
      </p>
      <details class="advanced">
        <summary>Details</summary>
        <p class="muted small" data-testid="clip-details">
          {e.details}
        </p>
      </details>
    </div>
  );
}
