// "Use this look for all clips": the project default and every stored clip edit, in one write.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptionLook } from '../../src/domain/edit/captionStyle';
import { autoEdit } from '../../src/domain/edit/model';
import { newProject } from './projectFixture';

const look: CaptionLook = { style: 'highlight', font: 'inter', color: '#ffffff', accent: '#fe2c55' };
const edit = (start: number) => autoEdit({ pick: { start, end: start + 20 }, product: { id: 'P1', name: 'Mug' }, hashtags: [] });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
});

describe('saveCaptionLook', () => {
  it('stores the default and restyles this project’s stored edits only, keeping their text', async () => {
    const s = await import('../../src/storage/projects');
    const fields = (id: string) => newProject(id, 60);
    const p1 = await s.createProject(fields('p1'), new Blob(['r']));
    await s.createProject(fields('p2'), new Blob(['r']));
    await s.saveEdit('p1', 'a', edit(0));
    await s.saveEdit('p1', 'b', edit(30));
    await s.saveEdit('p2', 'a', edit(0));

    const saved = await s.saveCaptionLook(p1, look);
    expect(saved).toMatchObject({ version: 2, captionLook: look });
    for (const key of ['a', 'b']) {
      const stored = await s.getEdit('p1', key);
      expect(stored?.captions).toMatchObject(look);
      expect(stored?.captions.cues).toEqual(edit(key === 'a' ? 0 : 30).captions.cues);
    }
    expect((await s.getEdit('p2', 'a'))?.captions.style).toBeUndefined();
  });
});
