import { useDraft } from './useDraft';

interface Props {
  outside: { before: number; after: number };
  offsetSec: number;
  onOffset: (sec: number) => void;
}

/**
 * Events outside the recording are reported, never silently dropped; when a recording started
 * after the stream, an offset lines the log up with it.
 */
export function TimeBaseNote({ outside, offsetSec, onOffset }: Props) {
  const total = outside.before + outside.after;
  const field = useDraft(String(offsetSec), (text) => {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) onOffset(n);
  });
  if (total === 0 && offsetSec === 0) return null;
  return (
    <div class={`note ${total > 0 ? 'warn' : ''} time-base`} role="status">
      {total > 0 && (
        <p data-testid="outside-events">
          {total} events fall outside the recording ({outside.before} before it starts, {outside.after} after it ends) and are not counted. If the recording
          started later than the stream, say by how much:
        </p>
      )}
      <label class="field">
        <span>Recording started after the log's zero by</span>
        <span class="field-input">
          <input type="number" step={0.1} aria-label="Recording start offset in seconds" {...field} />
          <span class="muted small">s</span>
        </span>
      </label>
    </div>
  );
}
