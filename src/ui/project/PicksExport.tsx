import { picksToCsv, picksToJson } from '../../domain/selection/picksExport';
import { slug } from '../../domain/format';
import type { Highlight } from '../../domain/selection/model';
import { saveBlob } from '../../app/browser/fileSink';

export function PicksExport({ picks, projectName }: { picks: Highlight[]; projectName: string }) {
  const base = `${slug(projectName)}-highlights`;
  return (
    <div class="export">
      <span class="muted small">Export the list</span>
      <button type="button" class="btn ghost small" onClick={() => saveBlob(new Blob([picksToJson(picks)], { type: 'application/json' }), `${base}.json`)}>
        JSON
      </button>
      <button type="button" class="btn ghost small" onClick={() => saveBlob(new Blob([picksToCsv(picks)], { type: 'text/csv' }), `${base}.csv`)}>
        CSV
      </button>
    </div>
  );
}
