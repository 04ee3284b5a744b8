import { describe, expect, it } from 'vitest';
import { MAX_SEGMENTS, renderSegments } from '../../src/domain/edit/segments';

describe('renderSegments', () => {
  it('shares a 60 s short between the workers, in consecutive parts that cover every frame once', () => {
    const parts = renderSegments(1800, 30, 2);
    expect(parts).toEqual([
      { from: 0, to: 900 },
      { from: 900, to: 1800 },
    ]);
    const uneven = renderSegments(1001, 30, 3);
    expect(uneven).toHaveLength(3);
    expect(uneven[0]!.from).toBe(0);
    expect(uneven.at(-1)!.to).toBe(1001);
    for (let i = 1; i < uneven.length; i++) expect(uneven[i]!.from).toBe(uneven[i - 1]!.to);
  });

  it('keeps parts at least 2 s long and at most MAX_SEGMENTS of them; one worker renders it whole', () => {
    expect(renderSegments(90, 30, 2)).toEqual([{ from: 0, to: 90 }]);
    expect(renderSegments(150, 30, 8)).toHaveLength(2);
    expect(renderSegments(1800, 30, 16)).toHaveLength(MAX_SEGMENTS);
    expect(renderSegments(1800, 30, 1)).toEqual([{ from: 0, to: 1800 }]);
    expect(renderSegments(1, 30, 4)).toEqual([{ from: 0, to: 1 }]);
  });
});
