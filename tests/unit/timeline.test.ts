import { describe, expect, it } from 'vitest';
import { binEvents } from '../../src/domain/selection/clickTimeline';

function bins(events: Array<[number, number]>, duration: number) {
  const time = Float64Array.from(events, (e) => e[0]);
  const product = Uint32Array.from(events, (e) => e[1]);
  return binEvents(time, product, () => true, duration);
}

describe('binEvents', () => {
  it('counts events per 10 s and names the busiest product, lowest index on ties', () => {
    const b = bins(
      [
        [1, 0],
        [2, 1],
        [3, 1],
        [15, 2],
        [16, 0],
        [-1, 0],
        [30, 0],
      ],
      30,
    );
    expect(Array.from(b.totals)).toEqual([3, 2, 0]);
    expect(Array.from(b.topProduct)).toEqual([1, 0, -1]);
  });

  it('gives the same answer on the sparse path used for huge product counts', () => {
    const events: Array<[number, number]> = [
      [5, 4999],
      [6, 4999],
      [7, 3],
      [9995, 10],
      [9996, 9],
    ];
    const b = bins(events, 10_000);
    expect(b.totals[0]).toBe(3);
    expect(b.topProduct[0]).toBe(4999);
    expect(b.topProduct[999]).toBe(9);
  });

  it('leaves out events the caller does not score', () => {
    const b = binEvents(Float64Array.of(1, 2), Uint32Array.of(0, 1), (i) => i === 1, 10);
    expect(Array.from(b.totals)).toEqual([1]);
    expect(b.topProduct[0]).toBe(1);
  });
});
