import { useState } from 'preact/hooks';
import { type Capabilities, detectCapabilities, FEATURES } from '../../app/browser/capabilities';

/**
 * "What this browser can do": each feature the app uses, and for each one this browser lacks,
 * what the app does instead. Probed when opened (it asks the browser's media stack).
 */
export function BrowserSupport() {
  const [caps, setCaps] = useState<Capabilities | null>(null);
  return (
    <details class="help" data-testid="browser-support" onToggle={(e) => e.currentTarget.open && !caps && void detectCapabilities().then(setCaps)}>
      <summary>What this browser can do</summary>
      <div class="help-body">
        {!caps ? (
          <p class="muted small">Asking the browser…</p>
        ) : (
          <ul class="support-list">
            {FEATURES.map((f) => (
              <li key={f.id} data-feature={f.id} data-supported={caps[f.id]}>
                <span aria-hidden="true">{caps[f.id] ? '✓' : '✗'} </span>
                <strong>{f.label}</strong>
                {caps[f.id] ? <span class="visually-hidden">: yes</span> : <span class="muted">: {f.without}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
