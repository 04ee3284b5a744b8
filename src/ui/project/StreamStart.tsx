import { parseDateText, type StreamStart as Start } from '../../domain/recording/streamStart';
import { useDraft } from './useDraft';

interface Props {
  start: Start | undefined;
  /** The log's earliest clock time: only a guess, as the first event is often a pin minutes in. */
  firstEventMs: number | undefined;
  onChange: (ms: number) => void;
}

function sourceText(start: Start): string {
  switch (start.source) {
    case 'user':
      return 'set by you';
    case 'date-file':
      return `from ${start.file ?? 'a date file'}`;
    case 'log':
      return 'from the log';
    case 'creation-time':
      return "from the recording's creation time";
    case 'file-name':
      return 'from the file name';
  }
}

/** Local `YYYY-MM-DDTHH:mm:ss[.sss]`, the form a datetime-local input takes. */
function toLocalInput(ms: number): string {
  const iso = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString();
  return iso.slice(0, ms % 1000 === 0 ? 19 : 23);
}

/**
 * The stream start of a log with clock times: always shown, with where it came from, and
 * editable. Typing only edits a draft; Enter or leaving the field applies it, so the clips are
 * not re-made for every digit.
 */
export function StreamStart({ start, firstEventMs, onChange }: Props) {
  const field = useDraft(start ? toLocalInput(start.ms) : '', (text) => {
    const ms = parseDateText(text);
    if (ms !== undefined) onChange(ms);
  });
  return (
    // biome-ignore lint/a11y/useSemanticElements: as in LayerList: the group is named without a fieldset's layout.
    <div class={`note stream-start ${start ? '' : 'warn'}`} role="group" aria-label="Stream start" data-testid="stream-start">
      {!start && <p>The log uses clock times, and neither it nor the recording says when the stream started.</p>}
      <div class="stream-start-row">
        <label class="field">
          <span>{start ? 'Stream start (your local time)' : 'When did the recording start (your local time)?'}</span>
          <input type="datetime-local" step={start && start.ms % 1000 !== 0 ? 0.001 : 1} {...field} />
        </label>
        {start && (
          <span class="muted small" data-testid="stream-start-source">
            {sourceText(start)}
          </span>
        )}
        {firstEventMs !== undefined && firstEventMs !== start?.ms && (
          <button type="button" class={`btn small ${start ? 'ghost' : ''}`} onClick={() => onChange(firstEventMs)}>
            Use the first event's time (a guess — often a pin minutes in)
          </button>
        )}
      </div>
    </div>
  );
}
