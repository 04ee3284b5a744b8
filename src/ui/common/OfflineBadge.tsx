import { useRef } from 'preact/hooks';
import { offline } from '../../app/services';
import { megabytes } from '../../domain/offline';
import { useStore } from './useStore';

/**
 * "Offline · on-device" only once the core flow works with the network off; until then it says
 * what is still to download, and opens a panel that lists what is kept and fetches the rest.
 */
export function OfflineBadge() {
  const state = useStore(offline);
  const abort = useRef<AbortController | null>(null);
  const { download } = state;
  const summary = download
    ? `Downloading ${Math.floor((100 * download.loaded) / Math.max(1, download.total))} %`
    : state.ready
      ? 'Offline · on-device'
      : 'Not yet offline';
  const keep = () => {
    abort.current = new AbortController();
    void offline.keepEverything(abort.current.signal).catch(() => undefined);
  };
  const missing = offline.missingBytes;
  return (
    <details class="offline-badge" data-testid="offline-badge" data-ready={String(state.ready)}>
      <summary class="badge" title="Nothing is uploaded: files stay in this browser">
        {summary}
      </summary>
      <div class="offline-panel">
        <p class="small">Nothing is uploaded: your recordings and logs stay in this browser.</p>
        <ul class="offline-list">
          <li data-testid="offline-shell">
            {state.shell ? '✓' : '…'} The app itself{state.shell ? ': works offline' : ': being kept for offline use'}
          </li>
          {offline.groups.map((g) => (
            <li key={g.id} data-testid={`offline-${g.id}`} data-cached={String(state.cached[g.id] === true)}>
              {state.cached[g.id] ? '✓' : '○'} {g.label} ({megabytes(g.bytes)}), for {g.use}: {state.cached[g.id] ? 'kept' : 'downloaded on first use'}
            </li>
          ))}
        </ul>
        {download ? (
          <div class="offline-progress">
            <p class="small" data-testid="offline-download" aria-live="polite">
              {download.label}: {megabytes(download.loaded)} of {megabytes(download.total)}
            </p>
            <progress max={download.total} value={download.loaded} aria-label={download.label} />
            <button type="button" class="btn secondary small" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </div>
        ) : (
          missing > 0 && (
            <button type="button" class="btn secondary small" onClick={keep}>
              Keep everything for offline use ({megabytes(missing)})
            </button>
          )
        )}
        {state.error && (
          <p class="small error-text" role="alert">
            {state.error}
          </p>
        )}
      </div>
    </details>
  );
}
