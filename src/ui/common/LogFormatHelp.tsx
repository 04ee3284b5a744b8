import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { messageOf } from '../../domain/errors/messageOf';

/** The help's body is loaded on first opening: the full format text stays off the home page's first download. */
let loaded: FunctionComponent | undefined;

/** Where to get a click log and what goes in it, opened on demand. */
export function LogFormatHelp() {
  const [Body, setBody] = useState(() => loaded);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    if (Body) return;
    import('./LogHelp').then(
      (m) => setBody(() => (loaded = m.LogHelp)),
      (e: unknown) => setError(`The help could not be loaded (${messageOf(e)}). Reload the page to try again.`),
    );
  };
  return (
    <details class="help" data-testid="log-help" onToggle={(e) => e.currentTarget.open && load()}>
      <summary>Where to get a click log, and what goes in it</summary>
      {Body ? (
        <Body />
      ) : error ? (
        <p class="note error" role="alert">
          {error}
        </p>
      ) : (
        <p class="muted small" aria-busy="true">
          Loading…
        </p>
      )}
    </details>
  );
}
