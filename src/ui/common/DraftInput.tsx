import { useState } from 'preact/hooks';

interface Props {
  type: 'number' | 'text';
  value: string | number;
  min?: number;
  max?: number;
  step?: number;
  'aria-label'?: string;
  /** The browser's change event: Enter, leaving the field, a spinner step or an arrow key. */
  onCommit: (text: string) => void;
}

/**
 * An input that owns what is being typed until it is committed. A controlled input re-rendered
 * meanwhile (an autosave finishing, another field's edit) gets the stored value written back
 * under the typing, and the commit that follows is lost. Escape drops the typing.
 */
export function DraftInput({ type, value, onCommit, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const field = {
    ...rest,
    value: draft ?? String(value),
    onInput: (e: { currentTarget: HTMLInputElement }) => setDraft(e.currentTarget.value),
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      setDraft(null);
      onCommit(e.currentTarget.value);
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDraft(null);
    },
  };
  // Two literal types: Preact's input typing tells input kinds apart by a literal `type`.
  return type === 'number' ? <input type="number" {...field} /> : <input type="text" {...field} />;
}
