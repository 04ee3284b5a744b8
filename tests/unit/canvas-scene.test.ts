// Issue 18: the editor's scene is replaced in one step; two quick rebuilds (images loading in
// between) never leave a duplicate overlay, and an older build finishing last does not win.
import { describe, expect, it } from 'vitest';
import { replaceScene } from '../../src/canvas/scene';

function fakeCanvas() {
  let objects: string[] = [];
  return {
    getObjects: () => [...objects],
    remove: (...gone: string[]) => (objects = objects.filter((o) => !gone.includes(o))),
    add: (...added: string[]) => objects.push(...added),
    requestRenderAll: () => undefined,
  };
}

function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('replaceScene', () => {
  it('two overlapping rebuilds: the canvas holds the latest build once, whichever finishes first', async () => {
    const canvas = fakeCanvas();
    canvas.add('old sticker');
    const first = deferred<string[]>();
    const second = deferred<string[]>();
    const a = replaceScene(canvas, () => first.promise);
    const b = replaceScene(canvas, () => second.promise);
    second.resolve(['caption', 'sticker v2', 'intro']);
    first.resolve(['caption', 'sticker v1', 'intro']);
    expect(await Promise.all([a, b])).toEqual([false, true]);
    expect(canvas.getObjects()).toEqual(['caption', 'sticker v2', 'intro']);
  });

  it('what was there stays until the new objects are all made', async () => {
    const canvas = fakeCanvas();
    canvas.add('shown');
    const build = deferred<string[]>();
    const done = replaceScene(canvas, () => build.promise);
    await Promise.resolve();
    expect(canvas.getObjects()).toEqual(['shown']);
    build.resolve(['next']);
    await done;
    expect(canvas.getObjects()).toEqual(['next']);
  });
});
