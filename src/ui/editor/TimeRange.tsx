import { DraftInput } from '../common/DraftInput';

const round = (x: number) => Math.round(x * 10) / 10;

interface Props {
  from: number;
  to: number;
  clipSec: number;
  onChange: (range: { from: number; to: number }) => void;
}

/** When an overlay shows: from / to in seconds of the clip. */
export function TimeRange({ from, to, clipSec, onChange }: Props) {
  const field = (label: string, value: number, set: (v: number) => void) => (
    <label class="field">
      <span>{label} (s)</span>
      <DraftInput
        type="number"
        min={0}
        max={clipSec}
        step={0.1}
        value={round(value)}
        onCommit={(text) => {
          const v = Number(text);
          if (text.trim() !== '' && Number.isFinite(v)) set(Math.min(clipSec, Math.max(0, v)));
        }}
      />
    </label>
  );
  return (
    <>
      {field('From', from, (v) => onChange({ from: v, to }))}
      {field('To', to, (v) => onChange({ from, to: v }))}
    </>
  );
}
