import type { RejectedRow } from '../../domain/clicklog/model';

interface Props {
  message: string;
  /** The engine's own words (ffmpeg's log lines…), shown only on request. */
  details?: string;
  rows?: RejectedRow[];
  total?: number;
  onDismiss?: () => void;
}

const where = (r: RejectedRow) => (r.line !== undefined ? `line ${r.line}` : r.item !== undefined ? `item ${r.item}` : '');

/** An error or warning with the rows it is about, and the raw details behind a disclosure; text only, never HTML. */
export function ErrorNote({ message, details, rows, total, onDismiss }: Props) {
  return (
    <div class="note error" role="alert">
      <p>{message}</p>
      {details && (
        <details data-testid="error-details">
          <summary>Details</summary>
          <ul class="rejected">
            {details.split('\n').map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of lines.
              <li key={i}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {rows && rows.length > 0 && (
        <details>
          <summary>
            {total ?? rows.length} rejected row{(total ?? rows.length) === 1 ? '' : 's'}
            {total !== undefined && total > rows.length ? ` (first ${rows.length} shown)` : ''}
          </summary>
          <ul class="rejected">
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of rows.
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
