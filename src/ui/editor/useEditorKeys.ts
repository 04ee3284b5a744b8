import { useEffect, useRef } from 'preact/hooks';
import { arrowDirection } from '../../domain/edit/nudge';

export interface EditorKeyActions {
  /** Space / K: play or pause the preview. */
  togglePlay: () => void;
  /** J / L: one frame back / on. */
  step: (dir: -1 | 1) => void;
  /** ] / [: select the next / previous overlay shown on the canvas (no layer list needed). */
  cycle: (dir: -1 | 1) => void;
  undo: () => void;
  redo: () => void;
  /** Each returns whether there was a selected overlay to act on (the key is then used up). */
  remove: () => boolean;
  nudge: (dx: number, dy: number, big: boolean) => boolean;
  deselect: () => boolean;
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'file', 'color']);

/** A field where the keys edit text: Ctrl+Z there is the field's own undo. */
function isTextEntry(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(t.type);
  return t instanceof HTMLTextAreaElement || t.isContentEditable;
}

/** A control that uses Delete, Backspace or the arrow keys itself (fields, sliders, radios, lists, players). */
function ownsKeys(t: EventTarget | null): boolean {
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLMediaElement || isTextEntry(t);
}

/** A control Space presses or ticks: the key stays its own. */
const pressable = (t: EventTarget | null) =>
  t instanceof HTMLElement && t.closest('button, a[href], summary, input:not([type=range]), [role=button], [role=tab], [role=radio], [role=checkbox]') !== null;

/** The player's keys as in video editors (Space and K play/pause, J and L step a frame), and ] / [ to pick overlays. */
function playerKey(e: KeyboardEvent, a: EditorKeyActions): boolean {
  const key = e.key.toLowerCase();
  if (key === 'k' || (e.key === ' ' && !pressable(e.target))) a.togglePlay();
  else if (key === 'j' || key === 'l') a.step(key === 'j' ? -1 : 1);
  else if (key === ']' || key === '[') a.cycle(key === '[' ? -1 : 1);
  else return false;
  return true;
}

/**
 * The editor's shortcuts, anywhere on the page while it is open: Space / K play or pause, J / L
 * step a frame, ] / [ select the next / previous overlay shown; Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; Delete / Backspace remove the
 * selected overlay; arrows nudge it (Shift: ×10); Escape deselects. Keys typed into a field stay
 * the field's.
 */
export function useEditorKeys(actions: EditorKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the editor's key map in one place (undo/redo, delete, nudge, deselect), each key a guard, so no two handlers fight over a key
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const a = latest.current;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
        if (isTextEntry(e.target)) return;
        e.preventDefault();
        if (key === 'y' || e.shiftKey) a.redo();
        else a.undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Letters and Space are free on sliders and boxes, not in text or a select.
      if (!(isTextEntry(e.target) || e.target instanceof HTMLSelectElement) && playerKey(e, a)) {
        e.preventDefault();
        return;
      }
      if (ownsKeys(e.target)) return;
      const dir = arrowDirection(e.key);
      const used =
        e.key === 'Delete' || e.key === 'Backspace' ? a.remove() : e.key === 'Escape' ? a.deselect() : dir ? a.nudge(dir[0], dir[1], e.shiftKey) : false;
      if (used) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
