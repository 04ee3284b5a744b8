import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import type { ProjectRecord } from '../../src/storage/schema';
import { storedProject } from './projectFixture';
import { applyPatch, rebase, sameValue } from '../../src/storage/versions';

const base: ProjectRecord = {
  ...storedProject(20),
  log: { fileName: 'old.csv', events: 334, products: 5, rejectedCount: 0 },
  offsetSec: 2,
};
const newLog = { fileName: 'new.csv', events: 4, products: 1, rejectedCount: 0 };
/** What another tab stored after `base`: the log replaced (which drops the offset). */
const replacedLog = applyPatch(base, { log: newLog, offsetSec: undefined }, 2);

describe('sameValue', () => {
  it('compares stored values by structure, ignoring key order and undefined fields', () => {
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});

describe('applyPatch', () => {
  it('bumps the version, stamps the time and removes fields set to undefined', () => {
    expect(replacedLog).toMatchObject({ version: 4, updatedAt: 2, log: newLog });
    expect('offsetSec' in replacedLog).toBe(false);
  });
});

describe('rebase (issue 9: a stale tab never overwrites newer data)', () => {
  it('applies a patch made against the stored version', () => {
    expect(rebase(base, base, { hashtags: ['#a'] }, 5)).toMatchObject({ version: 4, hashtags: ['#a'], log: base.log });
  });

  it('merges a settings patch from a stale tab onto the newer record, keeping its new log summary', () => {
    const selection = { ...DEFAULT_SELECTION, minSec: 5 };
    const merged = rebase(base, replacedLog, { selection }, 5);
    expect(merged).toMatchObject({ version: 5, log: newLog, selection });
    expect('offsetSec' in merged).toBe(false);
  });

  it('refuses a stale change to a field the other tab changed too', () => {
    const other = applyPatch(base, { selection: { ...DEFAULT_SELECTION, minSec: 8 } }, 2);
    expect(() => rebase(base, other, { selection: { ...DEFAULT_SELECTION, minSec: 5 } }, 5)).toThrow(/selection settings was changed in another tab/);
  });

  it('refuses a stale offset when the log it lines up was replaced', () => {
    expect(() => rebase(base, replacedLog, { offsetSec: 4 }, 5)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('refuses a stale log replacement over a log another tab replaced', () => {
    expect(() => rebase(base, replacedLog, { log: { ...newLog, fileName: 'mine.csv' }, offsetSec: undefined }, 5)).toThrow(/click log/);
  });
});
