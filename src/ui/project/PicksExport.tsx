import { picksFileName, picksToCsv, picksToJson } from '../../domain/selection/picksExport';
import type { Highlight } from '../../domain/selection/model';
import { saveBlob } from '../../app/browser/fileSink';

export function PicksExport({ picks, projectName }: { picks: Highlight[]; projectName: string }) {
  return (
    <div class="export">
      <span class="muted small">Export the list</span>
      <button
        type="button"
        class="btn ghost small"
        onClick={() => saveBlob(new Blob([picksToJson(picks)], { type: 'application/json' }), picksFileName(projectName, 'json'))}
      >
        JSON
      </button>
      <button
        type="button"
        class="btn ghost small"
        onClick={() => saveBlob(new Blob([picksToCsv(picks)], { type: 'text/csv' }), picksFileName(projectName, 'csv'))}
      >
        CSV
      </button>
    </div>
  );
}
