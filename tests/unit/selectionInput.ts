// Click logs written as lists of [time, kind, product] for the selection's unit tests.
import { kindCode, type EventKind, type Product } from '../../src/domain/clicklog/model';
import type { SelectionInput } from '../../src/domain/selection/select';

export type Ev = [time: number, kind: EventKind, product: number];

/** The selection's input for `events` (in time order, as a parsed log is), products P0, P1, … */
export function selectionInput(events: Ev[], durationSec: number, productCount = 1 + Math.max(0, ...events.map((e) => e[2]))): SelectionInput {
  const sorted = [...events].sort((a, b) => a[0] - b[0]);
  const products: Product[] = Array.from({ length: productCount }, (_, i) => ({ id: `P${i}`, name: `Product ${i}` }));
  return {
    products,
    time: Float64Array.from(sorted, (e) => e[0]),
    kind: Uint8Array.from(sorted, (e) => kindCode(e[1])),
    product: Uint32Array.from(sorted, (e) => e[2]),
    durationSec,
  };
}

/** One event of `kind` every `step` seconds over [from, to). */
export const every = (product: number, from: number, to: number, step = 1, kind: EventKind = 'click'): Ev[] => {
  const out: Ev[] = [];
  for (let t = from; t < to - 1e-9; t += step) out.push([Math.round(t * 1000) / 1000, kind, product]);
  return out;
};

/** A pin at `from`, and its unpin at `to` when given. */
export const pin = (product: number, from: number, to?: number): Ev[] => [
  [from, 'pin', product],
  ...(to === undefined ? [] : ([[to, 'unpin', product]] as Ev[])),
];
