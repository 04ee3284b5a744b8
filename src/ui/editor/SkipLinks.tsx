import { LAYERS_ID } from './LayerList';

/** Where the editor's skip links go: the element each one focuses. */
export const RENDER_BUTTON_ID = 'render-video';
export const EDIT_PANEL_ID = 'edit-panel';

const SKIPS = [
  ['Skip to Render', RENDER_BUTTON_ID],
  ['Skip to the layers', LAYERS_ID],
  ['Skip to the edit settings', EDIT_PANEL_ID],
] as const;

/**
 * The editor's first stops for the keyboard, shown when focused: Render, the layers (which select
 * the canvas's overlays) and the settings, each a Tab or two from the top instead of dozens.
 * Buttons that move the focus, not links: the app's hash is its route.
 */
export function SkipLinks() {
  return (
    <nav class="skip-links" aria-label="Skip to">
      {SKIPS.map(([label, id]) => (
        <button key={id} type="button" class="btn small skip-link" onClick={() => document.getElementById(id)?.focus()}>
          {label}
        </button>
      ))}
    </nav>
  );
}
