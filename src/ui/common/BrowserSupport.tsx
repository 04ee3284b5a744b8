import { useState } from 'preact/hooks';
import type { Capabilities, FEATURES } from '../../app/browser/capabilities';

interface Answer {
  caps: Capabilities;
  features: typeof FEATURES;
}

/** The probes and their sentences, loaded when asked for: the home page's first load stays small. */
async function ask(): Promise<Answer> {
  const { detectCapabilities, FEATURES: features } = await import('../../app/browser/capabilities');
  return { caps: await detectCapabilities(), features };
}

/**
 * "What this browser can do": each feature the app uses, and for each one this browser lacks,
 * what the app does instead. Probed when opened (it asks the browser's media stack).
 */
export function BrowserSupport() {
  const [answer, setAnswer] = useState<Answer | null>(null);
  return (
    <details class="help" data-testid="browser-support" onToggle={(e) => e.currentTarget.open && !answer && void ask().then(setAnswer)}>
      <summary>What this browser can do</summary>
      <div class="help-body">
        {!answer ? (
          <p class="muted small">Asking the browser…</p>
        ) : (
          <ul class="support-list">
            {answer.features.map((f) => (
              <li key={f.id} data-feature={f.id} data-supported={answer.caps[f.id]}>
                <span aria-hidden="true">{answer.caps[f.id] ? '✓' : '✗'} </span>
                <strong>{f.label}</strong>
                {answer.caps[f.id] ? <span class="visually-hidden">: yes</span> : <span class="muted">: {f.without}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
