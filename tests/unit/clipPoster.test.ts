import { describe, expect, it } from 'vitest';
import { posterTime } from '../../src/app/browser/clipPoster';

describe('posterTime', () => {
  const burst = { start: 20, end: 30 };
  it('is the middle of the click rise: the product on show', () => {
    expect(posterTime({ start: 12, end: 40, why: { burst } })).toBe(25);
  });
  it('stays inside a trimmed clip', () => {
    expect(posterTime({ start: 26, end: 40, why: { burst } })).toBe(26);
    expect(posterTime({ start: 12, end: 22, why: { burst } })).toBeCloseTo(21.9, 5);
  });
});
