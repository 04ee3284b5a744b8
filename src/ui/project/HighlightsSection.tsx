import type { ProjectRecord } from '../../app/projects';
import { type SelectionState, shownAnalysis } from '../../app/stores/selectionStore';
import type { Clip } from '../../domain/clip/override';
import { BatchRender } from './BatchRender';
import { ClipList } from './ClipList';
import { PicksExport } from './PicksExport';
import { TranscribeAll } from './TranscribeAll';

interface Props {
  state: SelectionState;
  /** The selection's picks with the user's trims and product links applied. */
  picks: Clip[];
  project: ProjectRecord;
  recording: Blob;
  selected: number | null;
  onSelect: (rank: number) => void;
  /** Raises the clip count to show the products it hid. */
  onShowMore: (topN: number) => void;
}

/** The ranked highlights with their batch actions, or why there are none yet. */
export function HighlightsSection({ state, picks, project, recording, selected, onSelect, onShowMore }: Props) {
  const result = shownAnalysis(state);
  return (
    <section class="highlights" aria-label="Highlights">
      {result && (
        <>
          <div class="list-head">
            <h2>
              {picks.length} highlight{picks.length === 1 ? '' : 's'}
              {state.status === 'running' && <span class="muted small"> · updating…</span>}
            </h2>
            {picks.length > 0 && <PicksExport picks={picks} projectName={project.name} />}
          </div>
          {result.hiddenProducts > 0 && (
            <p class="note" role="status" data-testid="hidden-products">
              {result.hiddenProducts} more product{result.hiddenProducts === 1 ? ' has' : 's have'} a highlight.{' '}
              <button type="button" class="btn small" onClick={() => onShowMore(project.selection.topN + result.hiddenProducts)}>
                Show {result.hiddenProducts === 1 ? 'it' : 'them'}
              </button>
            </p>
          )}
          {picks.length > 0 ? (
            <>
              <ClipList recording={recording} picks={picks} selected={selected} onSelect={onSelect} />
              <BatchRender project={project} recording={recording} picks={picks} />
              <TranscribeAll project={project} recording={recording} picks={picks} />
            </>
          ) : (
            <p class="empty">No product has a rise in clicks that fits the clip lengths: try a shorter Min length under Advanced.</p>
          )}
        </>
      )}
      {!result && state.status === 'running' && (
        <p class="muted" aria-busy="true">
          Finding highlights…
        </p>
      )}
    </section>
  );
}
