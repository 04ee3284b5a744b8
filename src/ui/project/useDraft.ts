import { useState } from 'preact/hooks';

/**
 * Props for an input that edits a draft and applies it on Enter or blur (Escape drops it):
 * the work a value triggers (re-selecting clips) runs once per edit, not per keystroke, and a
 * re-render while typing never resets what was typed.
 */
export function useDraft(shown: string, apply: (text: string) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    if (draft !== shown) apply(draft);
  };
  return {
    value: draft ?? shown,
    onInput: (e: { currentTarget: HTMLInputElement }) => setDraft(e.currentTarget.value),
    onBlur: commit,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter') commit();
      else if (e.key === 'Escape') setDraft(null);
    },
  };
}
