import { afterEach, describe, expect, it, vi } from 'vitest';
import { revealStart } from '../../src/ui/project/reveal';

/** An element whose top is at `top` px in an 800-px-high view; the user does or does not ask for reduced motion. */
function setup(top: number, reduce: boolean) {
  vi.stubGlobal('innerHeight', 800);
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query === '(prefers-reduced-motion: reduce)' }));
  const scrollIntoView = vi.fn();
  // Only the two members revealStart uses.
  const el = { getBoundingClientRect: () => ({ top }), scrollIntoView } as unknown as Element;
  return { el, scrollIntoView };
}

describe('revealStart', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves a panel whose top already shows in the upper part of the view (beside the list)', () => {
    const { el, scrollIntoView } = setup(120, false);
    revealStart(el);
    expect(scrollIntoView).not.toHaveBeenCalled();
  });

  it('brings up a panel below the list, smoothly', () => {
    const { el, scrollIntoView } = setup(700, false);
    revealStart(el);
    expect(scrollIntoView).toHaveBeenCalledWith({ behavior: 'smooth', block: 'start' });
  });

  it('jumps without animation when the user asks for reduced motion, also to a panel above the view', () => {
    const { el, scrollIntoView } = setup(-300, true);
    revealStart(el);
    expect(scrollIntoView).toHaveBeenCalledWith({ behavior: 'auto', block: 'start' });
  });
});
