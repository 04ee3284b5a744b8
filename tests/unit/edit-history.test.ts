import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, COALESCE_MS, HISTORY_LIMIT, record, redo, startHistory, undo } from '../../src/domain/edit/history';

describe('edit history', () => {
  it('undoes and redoes each change in order', () => {
    let h = startHistory('a');
    expect(canUndo(h)).toBe(false);
    h = record(h, 'b', { at: 0 });
    h = record(h, 'c', { at: 5000 });
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('a new change after an undo drops the redo steps', () => {
    const h = record(undo(record(record(startHistory(1), 2), 3)), 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('recording the present itself is no step', () => {
    const h = startHistory({ x: 1 });
    expect(record(h, h.present)).toBe(h);
  });

  it('merges a run of changes with one key (typing, nudging) into one step, until a pause or another key', () => {
    let h = startHistory('');
    for (const [i, text] of ['S', 'SH', 'SHO', 'SHOP'].entries()) h = record(h, text, { key: 'words', at: i * 200 });
    expect(h.past).toEqual(['']);
    // A pause longer than COALESCE_MS starts a new step; so does another key.
    h = record(h, 'SHOP!', { key: 'words', at: 600 + COALESCE_MS });
    h = record(h, 'SHOP!!', { key: 'size', at: 700 + COALESCE_MS });
    expect(h.past).toEqual(['', 'SHOP', 'SHOP!']);
    // A change without a key never merges, and an undo ends the run.
    h = record(h, 'x', { at: 800 + COALESCE_MS });
    h = record(h, 'y', { key: 'words', at: 800 + COALESCE_MS });
    h = record(undo(h), 'z', { key: 'words', at: 810 + COALESCE_MS });
    expect(h.past).toEqual(['', 'SHOP', 'SHOP!', 'SHOP!!', 'x']);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });

  it('undo then redo of any number of steps comes back to the same state', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 30 }), fc.nat(40), (values, steps) => {
        let h = startHistory(-1);
        for (const v of values) h = record(h, v);
        let back = h;
        for (let i = 0; i < steps; i++) back = undo(back);
        for (let i = 0; i < steps; i++) back = redo(back);
        expect(back.present).toBe(h.present);
        expect(back.past.length + back.future.length).toBe(values.length);
      }),
    );
  });
});
