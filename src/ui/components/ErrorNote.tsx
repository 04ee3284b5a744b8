import type { RejectedRow } from '../../domain/events';

interface Props {
  message: string;
  rows?: RejectedRow[];
  total?: number;
  onDismiss?: () => void;
}

const where = (r: RejectedRow) => (r.line !== undefined ? `line ${r.line}` : r.item !== undefined ? `item ${r.item}` : '');

/** An error or warning with the rows it is about; text only, never HTML. */
export function ErrorNote({ message, rows, total, onDismiss }: Props) {
  return (
    <div class="note error" role="alert">
      <p>{message}</p>
      {rows && rows.length > 0 && (
        <details>
          <summary>
            {total ?? rows.length} rejected row{(total ?? rows.length) === 1 ? '' : 's'}
            {total !== undefined && total > rows.length ? ` (first ${rows.length} shown)` : ''}
          </summary>
          <ul class="rejected">
            {rows.map((r, i) => (
              <li key={i}>
                <strong>{where(r)}</strong> {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {onDismiss && (
        <button type="button" class="btn ghost small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
