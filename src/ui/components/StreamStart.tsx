interface Props {
  valueMs: number | undefined;
  suggestedMs: number | undefined;
  onChange: (ms: number) => void;
}

const toLocalInput = (ms: number) => {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 23);
};

/** Asked only when the log has absolute timestamps and does not say when the stream started. */
export function StreamStart({ valueMs, suggestedMs, onChange }: Props) {
  return (
    <div class="note warn stream-start">
      <label>
        The log uses clock times. When did the recording start (your local time)?
        <input
          type="datetime-local"
          step="0.001"
          value={valueMs !== undefined ? toLocalInput(valueMs) : suggestedMs !== undefined ? toLocalInput(suggestedMs) : ''}
          onChange={(e) => {
            const ms = new Date(e.currentTarget.value).getTime();
            if (Number.isFinite(ms)) onChange(ms);
          }}
        />
      </label>
      {valueMs === undefined && suggestedMs !== undefined && (
        <button type="button" class="btn small" onClick={() => onChange(suggestedMs)}>
          Use the first event's time
        </button>
      )}
    </div>
  );
}
