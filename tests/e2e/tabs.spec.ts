// Issue 9, storage and tabs: two pages of one browser context are two tabs of one profile.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { openEditor } from './editor';
import { advancedSetting, dropFiles, fixture, generated } from './helpers';
import { expectNothingStored, importProject, SHOTS, storedRows, writeLog } from './stored';

const dir = mkdtempSync(join(tmpdir(), 'lhs-tabs-'));

const FILES = [generated('rec-20s.mp4'), fixture('clicks-20s.csv')];
/** A replacement log with 4 events where the first had 29. */
const SHORT_LOG = writeLog(dir, 'four-clicks.csv', ['1.0,pin,P1,Red Mug', '3.0,click,P1,Red Mug', '3.5,click,P1,Red Mug', '4.0,click,P1,Red Mug']);

/**
 * A second tab. `missesSignals`: it never hears the others (a tab that was asleep, or a browser
 * without BroadcastChannel), so only storage's own checks stand between it and stale writes.
 */
async function otherTab(context: BrowserContext, { missesSignals = false } = {}): Promise<Page> {
  const page = await context.newPage();
  if (missesSignals) await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'BroadcastChannel'));
  return page;
}

async function openProject(page: Page, id: string): Promise<void> {
  await page.goto(`./#/p/${id}`);
  await expect(page.locator('.timeline svg')).toBeVisible();
}

async function deleteFromHome(page: Page, name = 'rec-20s'): Promise<void> {
  await page.goto('./');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.getByText('No projects yet')).toBeVisible();
}

/** The project record and its stored log as IndexedDB holds them (raw API). */
function storedProject(page: Page, id: string) {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>(
      (resolve) => (indexedDB.open('live-highlights-studio').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)),
    );
    const get = (store: string) =>
      new Promise<Record<string, unknown> | undefined>((resolve) => {
        const req = db.transaction(store).objectStore(store).get(id);
        req.onsuccess = () => resolve(req.result as Record<string, unknown> | undefined);
      });
    const project = (await get('projects')) as { version: number; log: { fileName: string; events: number }; selection: { minSec: number } };
    const log = (await get('logs')) as { log: { fileName: string; events: { time: Float64Array } } };
    db.close();
    return {
      version: project.version,
      summary: project.log,
      minSec: project.selection.minSec,
      logFile: log.log.fileName,
      logEvents: log.log.events.time.length,
    };
  }, id);
}

test('a project made in one tab appears in the other tab’s list, and an open tab shows the other’s changes', async ({ page, context }) => {
  const b = await otherTab(context);
  await b.goto('./');
  await expect(b.getByText('No projects yet')).toBeVisible();

  const id = await importProject(page, FILES);
  // No reload in B: the change signal brings it.
  await expect(b.getByTestId('project-list')).toContainText('rec-20s');
  await expect(b.getByTestId('project-list')).toContainText('30 events');

  await openProject(b, id);
  await dropFiles(page, '[data-testid=log-drop]', [SHORT_LOG]);
  await expect(page.getByTestId('log-summary')).toContainText('4 events');
  await expect(b.getByTestId('log-summary')).toContainText('four-clicks.csv · 4 events');
  await expect(b.getByTestId('project-notice')).toContainText('changed in another tab');
});

test('deleted in another tab: the open project and its editor say so, let go of the recording, and nothing comes back', async ({ page, context }) => {
  const id = await importProject(page, FILES);
  await (await advancedSetting(page, 'Min length')).fill('5');
  const editorHref = await page.getByRole('link', { name: /Auto-edit/ }).getAttribute('href');

  const b = await otherTab(context);
  await openProject(b, id);
  await expect(b.getByTestId('preview-video')).toBeVisible();
  const c = await otherTab(context);
  await c.goto(`./${editorHref}`);
  await expect(c.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();

  await deleteFromHome(page);
  for (const tab of [b, c]) {
    await expect(tab.getByTestId('project-deleted')).toContainText('This project was deleted in another tab');
    // No preview, no canvas video: nothing keeps the deleted recording's file open.
    await expect(tab.locator('video')).toHaveCount(0);
  }
  await b.screenshot({ path: join(SHOTS, 'deleted-in-another-tab.png') });
  await c.screenshot({ path: join(SHOTS, 'deleted-in-another-tab-editor.png') });

  await b.getByRole('link', { name: 'Back to projects' }).click();
  await expect(b.getByText('No projects yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await expectNothingStored(page, id);
});

test('a tab that missed the delete cannot write the project back: its edit is refused and it says why', async ({ page, context }) => {
  const id = await importProject(page, FILES);
  const b = await otherTab(context, { missesSignals: true });
  await openProject(b, id);
  expect(await b.evaluate(() => typeof BroadcastChannel)).toBe('undefined');

  await deleteFromHome(page);
  // B still shows the project; its next edit meets storage's check.
  await expect(b.getByTestId('log-summary')).toBeVisible();
  await (await advancedSetting(b, 'Min length')).fill('5');
  await expect(b.getByTestId('project-deleted')).toBeVisible();

  await page.reload();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await expectNothingStored(page, id);
  // Late writes (picks of the new selection, the pause envelope) are refused too.
  await page.waitForTimeout(1500);
  await expectNothingStored(page);
});

test('a stale tab’s setting change is merged onto the newer log: the list summary and the stored log agree', async ({ page, context }) => {
  const id = await importProject(page, FILES);
  const b = await otherTab(context, { missesSignals: true });
  await openProject(b, id);

  await dropFiles(page, '[data-testid=log-drop]', [SHORT_LOG]);
  await expect(page.getByTestId('log-summary')).toContainText('4 events');
  // B still shows the old log and writes a setting against the version it read.
  await expect(b.getByTestId('log-summary')).toContainText('30 events');
  await (await advancedSetting(b, 'Min length')).fill('5');
  await expect(b.getByTestId('project-notice')).toContainText('both changes are kept');
  await expect(b.getByTestId('log-summary')).toContainText('four-clicks.csv · 4 events');

  const stored = await storedProject(page, id);
  expect(stored).toEqual({
    version: 3,
    summary: expect.objectContaining({ fileName: 'four-clicks.csv', events: 4 }),
    minSec: 5,
    logFile: 'four-clicks.csv',
    logEvents: 4,
  });
  await page.goto('./');
  await expect(page.getByTestId('project-list')).toContainText('4 events, 1 products');
});

test('a stale tab’s change to a setting the other tab changed too is refused with a clear message', async ({ page, context }) => {
  const id = await importProject(page, FILES);
  const b = await otherTab(context, { missesSignals: true });
  await openProject(b, id);

  await (await advancedSetting(page, 'Min length')).fill('5');
  await expect.poll(async () => (await storedProject(page, id)).minSec).toBe(5);
  await (await advancedSetting(b, 'Min length')).fill('8');
  await expect(b.getByRole('alert')).toContainText('Not saved: the selection settings was changed in another tab after this tab read it.');
  // B now shows what is stored; nothing of its refused write was kept.
  await expect(await advancedSetting(b, 'Min length')).toHaveValue('5');
  expect(await storedProject(page, id)).toMatchObject({ version: 2, minSec: 5 });
});

test('closing or deleting a project stops the pause finder reading its recording', async ({ page, context }) => {
  // Ten minutes of audio, so the measurement is still running when the project closes.
  const long = join(dir, 'rec-10min.mp4');
  // MP2 sound: the browser's decoder can't read it, so ffmpeg.wasm measures it, slowly enough to be caught mid-way
  // (the browser's own decoder measures AAC minutes in a second or two).
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '29', '-i', generated('rec-20s.mp4'), '-c:v', 'copy', '-c:a', 'mp2', long]);
  const b = await otherTab(context);
  const ffmpegWorkers: Worker[] = [];
  const closed = new Set<Worker>();
  b.on('worker', (w) => {
    if (/analysis|media/.test(w.url())) return;
    ffmpegWorkers.push(w);
    w.on('close', () => closed.add(w));
  });
  /** Cancelling terminates the ffmpeg instance: its worker closes within seconds, long before the job would end. */
  const terminated = (w: Worker | undefined) => expect.poll(() => w !== undefined && closed.has(w), { timeout: 10_000 }).toBe(true);
  const measuring = () => b.getByRole('status').filter({ hasText: 'Finding pauses in the audio' });
  // Past ffmpeg's start-up: it is reading the recording.
  const reading = () => expect(measuring().getByTestId('job-percent')).not.toHaveText('0%');

  // Closing: leave the project while it measures.
  const id = await importProject(page, [long]);
  await page.goto('./');
  await b.goto(`./#/p/${id}`);
  await reading();
  expect(ffmpegWorkers).toHaveLength(1);
  await b.getByRole('button', { name: '← Projects' }).click();
  await terminated(ffmpegWorkers[0]);
  expect((await storedRows(b, id)).loudness).toBe(0);

  // Deleting: from the other tab while it measures.
  await b.getByRole('button', { name: /^rec-10min/ }).click();
  await reading();
  expect(ffmpegWorkers).toHaveLength(2);
  await deleteFromHome(page, 'rec-10min');
  await expect(b.getByTestId('project-deleted')).toBeVisible();
  await terminated(ffmpegWorkers[1]);
  await expect(measuring()).toHaveCount(0);
  await expectNothingStored(page);
});

/**
 * Issue 18: the same clip open in two editor tabs, an edit in each. The tab that hears the other
 * shows its change; a tab that missed the signal merges its own save with it (different parts),
 * or is refused and says why (the same part). Nothing is silently overwritten.
 */
test('one clip in two editor tabs: edits in each are kept, or the later one is refused with a reason', async ({ context, page: a }) => {
  await openEditor(a, { files: FILES });
  const editorUrl = a.url();
  const b = await otherTab(context, { missesSignals: true });
  await b.goto(editorUrl);
  await expect(b.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  const c = await otherTab(context);
  await c.goto(editorUrl);
  await expect(c.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  const postA = a.getByLabel('Post text');
  const priceB = b.getByLabel('Price', { exact: true });

  /** The post texts of the stored clip edits (raw IndexedDB): A's save has landed before B edits. */
  const storedPosts = () =>
    a.evaluate(async () => {
      const db = await new Promise<IDBDatabase>(
        (resolve) => (indexedDB.open('live-highlights-studio').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)),
      );
      const rows = await new Promise<Array<{ edit: { post: string } }>>((resolve) => {
        const req = db.transaction('edits').objectStore('edits').getAll();
        req.onsuccess = () => resolve(req.result as Array<{ edit: { post: string } }>);
      });
      db.close();
      return rows.map((r) => r.edit.post);
    });

  // A changes the post text; B, which did not hear of it, changes the price: both are kept.
  await postA.fill('Post written in tab A');
  await expect.poll(storedPosts).toEqual(['Post written in tab A']);
  // A third tab that hears the others shows A's change at once.
  await expect(c.getByLabel('Post text')).toHaveValue('Post written in tab A');
  await expect(c.getByTestId('project-notice')).toContainText('changed in another tab');
  await priceB.fill('7.50');
  await expect(b.getByTestId('project-notice')).toContainText('both changes are kept');
  await expect(b.getByLabel('Post text')).toHaveValue('Post written in tab A');
  await expect(priceB).toHaveValue('7.50');
  // A hears B's save only through storage here (B has no channel): a reload shows both.
  await a.reload();
  await expect(a.getByLabel('Price', { exact: true })).toHaveValue('7.50');
  await expect(postA).toHaveValue('Post written in tab A');

  // Both change the post text: the later save is refused and that tab shows the stored text.
  await postA.fill('Second post from A');
  await expect.poll(storedPosts).toEqual(['Second post from A']);
  await b.getByLabel('Post text').fill('Conflicting post from B');
  const refused = b.getByRole('alert').filter({ hasText: 'the post text of this clip was changed in another tab' });
  await expect(refused).toBeVisible();
  await expect(b.getByLabel('Post text')).toHaveValue('Second post from A');
  await a.reload();
  await expect(a.getByLabel('Post text')).toHaveValue('Second post from A');
});

/** What a seller is typing survives the other tab's change arriving (a re-render mid-typing). */
test('a number being typed in the editor is kept while another tab’s change arrives, and commits on Enter', async ({ context, page: a }) => {
  await openEditor(a, { files: FILES });
  const b = await otherTab(context);
  await b.goto(a.url());
  await expect(b.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await b.getByTestId('layer-sticker-sticker-1').click();
  const x = b.getByLabel('Selected X');
  await x.fill('');
  await x.pressSequentially('512');
  await a.getByLabel('Post text').fill('Post written while B types');
  await expect(b.getByLabel('Post text')).toHaveValue('Post written while B types');
  await expect(x).toHaveValue('512');
  await x.press('Enter');
  const storedX = () =>
    a.evaluate(async () => {
      const db = await new Promise<IDBDatabase>(
        (resolve) => (indexedDB.open('live-highlights-studio').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)),
      );
      const rows = await new Promise<Array<{ edit: { post: string; stickers: Array<{ key: string; layout: { x: number } }> } }>>((resolve) => {
        const req = db.transaction('edits').objectStore('edits').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return rows.map((r) => [r.edit.post, r.edit.stickers.find((s) => s.key === 'sticker-1')?.layout.x]);
    });
  await expect.poll(storedX).toEqual([['Post written while B types', 512]]);
});
