import type { ComponentChildren } from 'preact';

/**
 * A wide table that scrolls sideways on its own instead of widening the page. It takes the focus
 * so the keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section class="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
