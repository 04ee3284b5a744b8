import { elementsOf, refId, sameRef, type ElementRef } from '../../domain/edit/elements';
import type { LayoutWarning } from '../../domain/edit/layoutWarnings';
import type { ClipEdit } from '../../domain/edit/model';

interface Props {
  edit: ClipEdit;
  label: (ref: ElementRef) => string;
  selected: ElementRef | null;
  onSelect: (ref: ElementRef | null) => void;
  warnings: readonly LayoutWarning[];
}

export const LAYERS_ID = 'editor-layers';

/**
 * Every overlay as a button, top-most first: how the keyboard reaches them. The selected one is
 * pressed; the line below says (politely, to screen readers too) which one it is and what the
 * keys do.
 */
export function LayerList({ edit, label, selected, onSelect, warnings }: Props) {
  const layers = elementsOf(edit).reverse();
  const selectedLabel = layers.some((e) => sameRef(e.ref, selected)) && selected ? label(selected) : null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a border and legend layout this panel does not want; role=group names it the same.
    <div class="layers" id={LAYERS_ID} tabIndex={-1} role="group" aria-label="Layers">
      <ul>
        {layers.map(({ ref }) => {
          const on = sameRef(ref, selected);
          const warned = warnings.some((w) => sameRef(w.ref, ref));
          return (
            <li key={refId(ref)}>
              <button
                type="button"
                class={`layer${on ? ' on' : ''}`}
                aria-pressed={on}
                data-testid={`layer-${refId(ref)}`}
                onClick={() => onSelect(on ? null : ref)}
              >
                {label(ref)}
                {warned && (
                  <span class="layer-warn" title="See the layout note">
                    {' '}
                    ⚠<span class="visually-hidden"> (layout warning)</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <p class="muted small" aria-live="polite" data-testid="selection-status">
        {selectedLabel
          ? `${selectedLabel} selected: arrow keys move it (Shift: 10×), Delete removes it, Esc deselects.`
          : 'Select a layer (or click it on the canvas) to move it with the arrow keys.'}
      </p>
    </div>
  );
}
