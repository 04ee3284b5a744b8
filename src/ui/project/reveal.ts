/**
 * Scrolls `el` to the top of the view unless its top already shows in the upper part of it:
 * a panel beside the list (a laptop) stays put, one below it (a phone) comes up. Smooth, unless
 * the user asks for reduced motion.
 */
export function revealStart(el: Element): void {
  const { top } = el.getBoundingClientRect();
  if (top >= 0 && top < innerHeight * 0.4) return;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
}
