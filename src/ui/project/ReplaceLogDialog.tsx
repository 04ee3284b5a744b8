import { useEffect, useRef } from 'preact/hooks';
import { clockOf, type LogFacts, type ReplacementCheck } from '../../domain/clicklog/replacement';

interface Props {
  check: ReplacementCheck;
  /** The log goes beside the current one rather than replacing it. */
  adding: boolean;
  durationSec: number;
  onReplace: () => void;
  onKeep: () => void;
}

const n = (v: number) => v.toLocaleString('en-US');

function spanOf(f: LogFacts): string {
  if (f.events === 0) return '—';
  return f.span ? `${clockOf(f.span.first)} – ${clockOf(f.span.last)}` : 'needs the stream start';
}

function insideOf(f: LogFacts): string {
  return f.span ? `${n(f.inside)} of ${n(f.events)}` : '—';
}

/**
 * Asks before a clearly wrong log replaces the stored one, or is added beside it: what is wrong,
 * and what would change (events, products, where they fall on the recording), old beside new. A
 * modal <dialog>: focus starts on "Keep the current log", Escape keeps it too. Nothing is stored
 * until "Replace anyway" / "Add anyway".
 */
export function ReplaceLogDialog({ check, adding, durationSec, onReplace, onKeep }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const answer = (replace: boolean) => {
    if (answered.current) return;
    answered.current = true;
    dialog.current?.close();
    if (replace) onReplace();
    else onKeep();
  };
  const { current, next } = check;
  const rows: [string, string, string][] = [
    ['Events', n(current.events), n(next.events)],
    ['Products', n(current.products), `${n(next.products)} (${n(check.commonProducts)} in common)`],
    [`Events inside the ${clockOf(durationSec)} recording`, insideOf(current), insideOf(next)],
    ['Events run from', spanOf(current), spanOf(next)],
  ];
  return (
    <dialog
      ref={dialog}
      class="replace-dialog"
      aria-labelledby="replace-title"
      aria-describedby="replace-problems"
      data-testid="replace-log-dialog"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      <h2 id="replace-title">{adding ? `Add ${next.fileName} to the project’s logs?` : 'Replace the click log?'}</h2>
      <div id="replace-problems">
        <p>
          <strong>{next.fileName}</strong> looks wrong:
        </p>
        <ul class="replace-problems">
          {check.problems.map((p) => (
            <li key={p.code} data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      </div>
      <table class="replace-compare">
        <caption>What would change</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              Current
              <span class="file">{current.fileName}</span>
            </th>
            <th scope="col">
              {adding ? 'To add' : 'Replacement'}
              <span class="file">{next.fileName}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, a, b]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{a}</td>
              <td>{b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">Nothing changes until you choose. Keeping the current log keeps its highlights.</p>
      <div class="replace-actions">
        {/* biome-ignore lint/a11y/noAutofocus: the safe answer takes the focus when the dialog opens. */}
        <button type="button" class="btn primary" autoFocus onClick={() => answer(false)}>
          Keep the current log
        </button>
        <button type="button" class="btn secondary" onClick={() => answer(true)}>
          {adding ? 'Add anyway' : 'Replace anyway'}
        </button>
      </div>
    </dialog>
  );
}
