import { refId, type ElementRef } from '../../domain/edit/elements';
import type { LayoutWarning } from '../../domain/edit/layoutWarnings';

interface Props {
  warnings: readonly LayoutWarning[];
  label: (ref: ElementRef) => string;
}

/** The layout warnings in words, beside the canvas (which marks the same overlays in amber). */
export function LayoutNote({ warnings, label }: Props) {
  if (warnings.length === 0) return null;
  return (
    <div class="note warn layout-note" role="status" data-testid="layout-note">
      {warnings.map((w) => (
        <p key={refId(w.ref)}>
          {label(w.ref)}
          {w.outsideSafe && ' reaches outside the safe area (dashed): TikTok’s buttons and description may cover it'}
          {w.outsideSafe && w.coversCaption && ', and'}
          {w.coversCaption && ' covers the captions while both show'}.
        </p>
      ))}
    </div>
  );
}
