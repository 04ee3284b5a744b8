import { describe, expect, it } from 'vitest';
import type { Job, JobOutcome } from '../../src/app/jobRunner';
import type { RenderedShort } from '../../src/app/renderJobs';
import { NO_RENDER, type RenderDeps, RenderStore } from '../../src/app/stores/renderStore';

const short = (notKept?: string): RenderedShort =>
  ({
    render: { blob: new Blob(['mp4']), engine: 'webcodecs' },
    seconds: 3,
    ...(notKept ? { notKept } : { short: { id: 's1', postText: 'old' } }),
  }) as unknown as RenderedShort;

/** Renders the test ends, and post texts it refuses when told. */
function fakeDeps() {
  const ends: ((o: JobOutcome<RenderedShort>) => void)[] = [];
  const cancelled: number[] = [];
  const posts: [string, string][] = [];
  let refusePost = false;
  const deps: RenderDeps<string> = {
    start: (): Job<JobOutcome<RenderedShort>> => {
      const done = new Promise<JobOutcome<RenderedShort>>((resolve) => ends.push(resolve));
      return { id: ends.length, done };
    },
    cancel: (id) => cancelled.push(id),
    savePost: async (id, text) => {
      if (refusePost) throw new Error('quota');
      posts.push([id, text]);
    },
  };
  return { deps, ends, cancelled, posts, refuse: () => (refusePost = true) };
}

describe('render store', () => {
  it('keeps each clip’s render apart: its job, then its short', async () => {
    const { deps, ends } = fakeDeps();
    const store = new RenderStore(deps);
    const a = store.render('A', 'input a', 'a.mp4');
    const b = store.render('B', 'input b', 'b.mp4');
    expect([store.of('A').jobId, store.of('B').jobId]).toEqual([1, 2]);
    // A second render of a clip that is rendering starts nothing.
    await store.render('A', 'input a', 'a.mp4');
    expect(ends).toHaveLength(2);
    ends[1]!({ status: 'done', value: short() });
    await b;
    expect(store.of('B')).toMatchObject({ jobId: null, keepError: null, result: { seconds: 3 } });
    expect(store.of('A').jobId).toBe(1);
    ends[0]!({ status: 'done', value: short('the disk is full') });
    await a;
    expect(store.of('A').keepError).toBe('the disk is full');
    expect(store.of('C')).toBe(NO_RENDER);
  });

  it('a failure says why; a cancel just ends; a new render clears the last one', async () => {
    const { deps, ends, cancelled } = fakeDeps();
    const store = new RenderStore(deps);
    const first = store.render('A', 'x', 'a.mp4');
    ends[0]!({ status: 'failed', code: 'failed', error: new Error('no encoder') });
    await first;
    expect(store.of('A').error?.message).toBe('no encoder');
    const second = store.render('A', 'x', 'a.mp4');
    expect(store.of('A').error).toBeNull();
    store.cancel('A');
    expect(cancelled).toEqual([2]);
    ends[1]!({ status: 'cancelled' });
    await second;
    expect(store.of('A')).toEqual(NO_RENDER);
  });

  it('saves the short’s post text, or says why it could not', async () => {
    const { deps, ends, posts, refuse } = fakeDeps();
    const store = new RenderStore(deps);
    const done = store.render('A', 'x', 'a.mp4');
    ends[0]!({ status: 'done', value: short() });
    await done;
    await store.setPostText('A', 'new text');
    expect(posts).toEqual([['s1', 'new text']]);
    expect(store.of('A').result?.short?.postText).toBe('new text');
    refuse();
    await store.setPostText('A', 'newer');
    expect(store.of('A').keepError).toBe('quota');
    expect(store.of('A').result?.short?.postText).toBe('new text');
  });

  it('a disposed store cancels its renders and starts none', async () => {
    const { deps, ends, cancelled } = fakeDeps();
    const store = new RenderStore(deps);
    void store.render('A', 'x', 'a.mp4');
    store.dispose();
    expect(cancelled).toEqual([1]);
    await store.render('B', 'x', 'b.mp4');
    expect(ends).toHaveLength(1);
  });
});
