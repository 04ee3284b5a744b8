// Clip trims and product links are one project field, merged per clip across tabs (src/storage/versions.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import type { ProjectRecord } from '../../src/storage/schema';
import { storedProject } from './projectFixture';
import { applyPatch, rebase } from '../../src/storage/versions';

const base: ProjectRecord = {
  ...storedProject(200),
  clipOverrides: { 'P1#1': { start: 10, end: 30 } },
};

describe('clip overrides across tabs', () => {
  it('a stale tab trimming another clip keeps both trims', () => {
    const other = applyPatch(base, { clipOverrides: { ...base.clipOverrides, 'P2#1': { start: 50, end: 70 } } }, 2);
    const merged = rebase(base, other, { clipOverrides: { 'P1#1': { start: 12, end: 30 } } }, 5);
    expect(merged.clipOverrides).toEqual({ 'P1#1': { start: 12, end: 30 }, 'P2#1': { start: 50, end: 70 } });
    expect(merged.version).toBe(other.version + 1);
  });

  it('a stale tab resetting a clip removes only that clip', () => {
    const other = applyPatch(base, { clipOverrides: { ...base.clipOverrides, 'P2#1': { end: 70 } } }, 2);
    expect(rebase(base, other, { clipOverrides: undefined }, 5).clipOverrides).toEqual({ 'P2#1': { end: 70 } });
    const alone = applyPatch(base, { name: 'renamed' }, 2);
    expect('clipOverrides' in rebase(base, alone, { clipOverrides: undefined }, 5)).toBe(false);
  });

  it('refuses a stale change to a clip the other tab changed too', () => {
    const other = applyPatch(base, { clipOverrides: { 'P1#1': { start: 11, end: 30 } } }, 2);
    expect(() => rebase(base, other, { clipOverrides: { 'P1#1': { start: 12, end: 30 } } }, 5)).toThrow(/trim or product of a clip was changed in another tab/);
  });

  it('an override patch does not clash with other fields the other tab changed', () => {
    const other = applyPatch(base, { selection: { ...DEFAULT_SELECTION, minSec: 5 } }, 2);
    expect(rebase(base, other, { clipOverrides: {} }, 5)).toMatchObject({ selection: { minSec: 5 } });
  });
});
