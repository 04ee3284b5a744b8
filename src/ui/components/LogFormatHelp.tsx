import formatDoc from '../../../docs/click-log.md?raw';

/** The click-log format, shipped inside the app so it is there offline. Plain text, never HTML. */
export function LogFormatHelp() {
  return (
    <details class="help">
      <summary>Click-log format</summary>
      <pre class="doc">{formatDoc}</pre>
    </details>
  );
}
