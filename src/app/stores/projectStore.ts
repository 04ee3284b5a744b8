/**
 * An open project as stored, kept in step with other tabs. Writes are patches, queued so each
 * names the version the previous one stored; the screen shows them at once. When another tab
 * changed the project, a write is merged or refused by storage and the newest version is
 * reloaded; when another tab deleted it, the state becomes `deleted` and the recording is let go.
 */
import type { CaptionLook } from '../../domain/edit/captionStyle';
import type { ClickLog } from '../../domain/clicklog/model';
import { type ProductList, withProductList } from '../../domain/clicklog/productList';
import { messageOf } from '../../domain/errors/messageOf';
import type { ProjectChange } from '../../storage/changes';
import type { ProjectRecord } from '../../storage/schema';
import type { ProjectPatch } from '../../storage/versions';
import { Store, type Notice } from './store';

export type StoredProject =
  | { status: 'loading' }
  | { status: 'ready'; project: ProjectRecord; log: ClickLog | undefined; recording: Blob }
  /** Deleted (in another tab) while open: nothing may be written, nothing is held. */
  | { status: 'deleted' }
  | { status: 'missing'; message: string };
type Ready = Extract<StoredProject, { status: 'ready' }>;

/** Storage for one project (src/app/projects.ts wires the real one). */
export interface ProjectStorage {
  open(): Promise<{ project: ProjectRecord; log: ClickLog | undefined }>;
  recording(): Promise<Blob>;
  update(base: ProjectRecord, patch: ProjectPatch): Promise<ProjectRecord>;
  saveCaptionLook(base: ProjectRecord, look: CaptionLook): Promise<ProjectRecord>;
  saveLog(base: ProjectRecord, log: ClickLog): Promise<ProjectRecord>;
  /** Changes other tabs commit, for any project; returns the unsubscribe. */
  onChange(listener: (change: ProjectChange) => void): () => void;
  failure(error: unknown): 'deleted' | 'conflict' | 'not-found' | 'other';
  /** Lets the media engines go of the recording (closed or deleted). */
  release(): void;
}

export interface ProjectState {
  state: StoredProject;
  notice: Notice | null;
}

/** The stored log, and the same log with the product list's names and prices (one object while neither changes). */
interface NamedLog {
  raw: ClickLog;
  list: string;
  named: ClickLog;
}

export class ProjectStore extends Store<ProjectState> {
  readonly #id: string;
  readonly #storage: ProjectStorage;
  /** The record as last read or written: the base the next write names. */
  #stored: ProjectRecord | null = null;
  #recording: Blob | null = null;
  #deleted = false;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;
  #unsubscribe: (() => void) | undefined;
  #named: NamedLog | undefined;

  constructor(id: string, storage: ProjectStorage) {
    super({ state: { status: 'loading' }, notice: null });
    this.#id = id;
    this.#storage = storage;
  }

  start(): Promise<void> {
    this.#unsubscribe = this.#storage.onChange((change) => {
      if (change.id !== this.#id || !this.#stored) return;
      if ('deleted' in change) this.gone();
      else if (change.version > this.#stored.version) void this.#load(true);
    });
    return this.#load();
  }

  /**
   * A ready state shows the log with the product list's names and prices. The same log object
   * while neither changes: the analysis worker keeps a log by its identity and would be sent a
   * new one (a million events) on every save.
   */
  protected override update(change: Partial<ProjectState>): void {
    const s = change.state;
    super.update(s?.status === 'ready' ? { ...change, state: { ...s, log: this.#withList(s.log, s.project.productList) } } : change);
  }

  #withList(log: ClickLog | undefined, productList: ProductList | undefined): ClickLog | undefined {
    if (!log) return undefined;
    const memo = this.#named;
    const raw = log === memo?.named ? memo.raw : log;
    const list = productList ? JSON.stringify(productList) : '';
    if (memo && raw === memo.raw && list === memo.list) return memo.named;
    const named = productList ? { ...raw, products: withProductList(raw.products, productList) } : raw;
    this.#named = { raw, list, named };
    return named;
  }

  /** Closed: stop listening and let go of the recording. */
  dispose(): void {
    this.#unsubscribe?.();
    this.#storage.release();
  }

  /** Look again (a tab shown after sleeping may have missed signals). */
  refresh(): Promise<void> {
    return this.#load(true);
  }

  /** Deleted (heard here, or found by another store's write). */
  gone(): void {
    this.#deleted = true;
    this.#stored = null;
    this.#recording = null;
    this.update({ state: { status: 'deleted' } });
    this.#storage.release();
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  save(patch: ProjectPatch): Promise<boolean> {
    return this.#enqueue(
      (base) => this.#storage.update(base, patch),
      (s) => ({ ...s, project: { ...s.project, ...patch } }),
    );
  }

  /** The caption look for every clip of the project, stored or new. */
  saveCaptionLook(look: CaptionLook): Promise<boolean> {
    return this.#enqueue(
      (base) => this.#storage.saveCaptionLook(base, look),
      (s) => ({ ...s, project: { ...s.project, captionLook: look } }),
    );
  }

  /** The stored log as read, without the product list's names: what a log added beside it is merged with. */
  get storedLog(): ClickLog | undefined {
    const s = this.snapshot.state;
    if (s.status !== 'ready' || !s.log) return undefined;
    return s.log === this.#named?.named ? this.#named.raw : s.log;
  }

  replaceLog(log: ClickLog): Promise<boolean> {
    return this.#enqueue(
      (base) => this.#storage.saveLog(base, log),
      (s) => ({ ...s, log, project: { ...s.project, offsetSec: undefined } }),
    );
  }

  /** Reads the project; `ifNewer`: only when another tab stored a newer version, and says so. */
  async #load(ifNewer = false): Promise<void> {
    // A queued write of ours meets a newer version itself (merged or refused); look again after it.
    if (ifNewer && this.#pending > 0) return void this.#queue.then(() => this.#load(true));
    try {
      const { project, log } = await this.#storage.open();
      // Not newer than what this tab holds: a read that started before our own write landed.
      if (ifNewer && (!this.#stored || project.version <= this.#stored.version)) return;
      this.#recording ??= await this.#storage.recording();
      if (this.#deleted) return;
      if (ifNewer) this.update({ notice: { kind: 'info', message: 'This project was changed in another tab: you see the newest version.' } });
      this.#stored = project;
      this.update({ state: { status: 'ready', project, log, recording: this.#recording } });
    } catch (e) {
      if (this.#deleted) return;
      // Gone after it was open: deleted elsewhere (the signal may have been missed).
      if (this.#stored && this.#storage.failure(e) === 'not-found') this.gone();
      else if (!ifNewer) this.update({ state: { status: 'missing', message: messageOf(e) } });
    }
  }

  /**
   * Shows a change at once and queues its write against the latest stored record. Resolves to
   * whether it was stored; if not, the screen goes back to what storage holds.
   */
  #enqueue(write: (base: ProjectRecord) => Promise<ProjectRecord>, show: (s: Ready) => Ready): Promise<boolean> {
    const s = this.snapshot.state;
    if (s.status === 'ready') this.update({ state: show(s) });
    this.#pending++;
    const done = this.#queue.then(async () => {
      const base = this.#stored;
      if (!base) return false;
      try {
        const saved = await write(base);
        this.#stored = saved;
        // More than one version on: another tab wrote in between and ours was merged onto it.
        if (saved.version !== base.version + 1) {
          this.update({ notice: { kind: 'info', message: 'Saved. This project had also been changed in another tab: both changes are kept.' } });
          await this.#load();
        } else if (this.#pending === 1) {
          const now = this.snapshot.state;
          if (now.status === 'ready') this.update({ state: { ...now, project: saved } });
        }
        return true;
      } catch (e) {
        const why = this.#storage.failure(e);
        if (why === 'deleted') this.gone();
        else {
          const message =
            why === 'conflict' ? `${messageOf(e)} This tab now shows the newer version; make your change again if you still want it.` : messageOf(e);
          this.update({ notice: { kind: 'error', message } });
          await this.#load();
        }
        return false;
      } finally {
        this.#pending--;
      }
    });
    this.#queue = done;
    return done;
  }
}
