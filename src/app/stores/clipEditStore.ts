/**
 * One clip's edit while it is open in the editor: undo / redo for this session, a save at once
 * after a one-off change and shortly after a run of them (typing, a slider; at once on `flush`:
 * page hidden, editor closed), and versions across
 * tabs. A save names the version it was made from, so storage merges it with a newer one from
 * another tab part by part, or refuses it when both changed the same part; an idle tab shows the
 * other tab's newer edit.
 */
import { canRedo, canUndo, record, redo, startHistory, throughout, undo, type History } from '../../domain/edit/history';
import type { EditCommand } from '../../domain/edit/commands';
import { mergeEdit } from '../../domain/edit/mergeEdit';
import type { ClipEdit } from '../../domain/edit/model';
import { messageOf } from '../../domain/errors/messageOf';
import type { StoredEdit } from '../../storage/projects';
import { Store, type Notice } from './store';

/** Storage for one clip's edit (src/app/clipEdits.ts wires the real one). */
export interface ClipEditStorage {
  load(): Promise<StoredEdit | undefined>;
  save(edit: ClipEdit, base: StoredEdit): Promise<StoredEdit & { merged: boolean }>;
  remove(): Promise<void>;
  /** Another tab stored (or deleted: version 0) this clip's edit; returns the unsubscribe. */
  onRemoteChange(listener: (version: number) => void): () => void;
  /** Why a save failed: the project is gone, another tab changed the same part, or else. */
  failure(error: unknown): 'deleted' | 'conflict' | 'other';
}

export interface ClipEditState {
  history: History<ClipEdit> | null;
  saveError: string | null;
  /** Something the user should know about another tab's changes. */
  notice: Notice | null;
  /** The clip's auto-edit is shown, made here just now (nothing was stored, or "Reset to auto") and not changed since. */
  fresh: boolean;
}

export const SAVE_DELAY_MS = 250;

export class ClipEditStore extends Store<ClipEditState> {
  readonly #storage: ClipEditStorage;
  readonly #fallback: () => ClipEdit;
  readonly #onGone: () => void;
  /** The edit as storage holds it, as far as this tab knows: what the next save names. */
  #base: StoredEdit | null = null;
  #unsaved: ClipEdit | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Saves run one after another, each naming the version the previous one stored. */
  #queue: Promise<void> = Promise.resolve();
  #saving = 0;
  #unsubscribe: (() => void) | undefined;
  #disposed = false;

  /** `fallback`: the edit a clip starts with when none is stored (its auto-edit). */
  constructor(storage: ClipEditStorage, fallback: () => ClipEdit, onGone: () => void) {
    super({ history: null, saveError: null, notice: null, fresh: false });
    this.#storage = storage;
    this.#fallback = fallback;
    this.#onGone = onGone;
  }

  /** Loads the stored edit (or the fallback) and starts listening to other tabs. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#storage.onRemoteChange((version) => void this.#remoteChanged(version));
    try {
      const stored = await this.#storage.load();
      if (this.#disposed) return;
      this.#base = stored ?? { edit: this.#fallback(), version: 0 };
      this.update({ history: startHistory(this.#base.edit), fresh: !stored });
    } catch (e) {
      this.update({ saveError: messageOf(e) });
    }
  }

  get canUndo(): boolean {
    const h = this.snapshot.history;
    return !!h && canUndo(h);
  }

  get canRedo(): boolean {
    const h = this.snapshot.history;
    return !!h && canRedo(h);
  }

  /** A change; `coalesce` names a run of changes (typing, nudging) that undoes as one step. */
  change(next: ClipEdit, coalesce?: string): void {
    const h = this.snapshot.history;
    if (!h) return;
    this.#show(record(h, next, coalesce === undefined ? {} : { key: coalesce }), coalesce !== undefined);
  }

  /**
   * A named edit command on `edit` (the edit as shown), by its undo policy: one step, a run of
   * changes merged into one, or (`never`) applied to the whole history.
   */
  run<A>(command: EditCommand<A>, edit: ClipEdit, arg: A): void {
    const h = this.snapshot.history;
    if (!h) return;
    if (command.undo === 'never') this.#show(throughout(h, (e) => command.apply(e, arg)));
    else this.change(command.apply(edit, arg), command.undo === 'coalesce' ? command.runKey?.(arg) : undefined);
  }

  undo(): void {
    const h = this.snapshot.history;
    if (h) this.#show(undo(h));
  }

  redo(): void {
    const h = this.snapshot.history;
    if (h) this.#show(redo(h));
  }

  /** Back to the auto-edit: the stored edit is deleted. Undoable: undoing it saves the edit from before again. */
  async reset(): Promise<void> {
    clearTimeout(this.#timer);
    this.#unsaved = null;
    await this.#storage.remove();
    const fresh = this.#fallback();
    this.#base = { edit: fresh, version: 0 };
    const h = this.snapshot.history;
    if (h) this.update({ history: record(h, fresh), fresh: true });
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  /** Writes a change still waiting for its save now (page hidden, editor closed). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    const next = this.#unsaved;
    this.#unsaved = null;
    if (!next) return this.#queue;
    this.#saving++;
    this.#queue = this.#queue.then(() => this.#save(next)).finally(() => this.#saving--);
    return this.#queue;
  }

  /** Stops listening; a change still waiting is saved (storage refuses it if the project is gone). */
  dispose(): Promise<void> {
    this.#disposed = true;
    this.#unsubscribe?.();
    return this.flush();
  }

  /**
   * Shows a new present and saves it: a run of changes (typing, a slider) once it pauses, a
   * one-off change (a click, undo) at once, so a reload right after it keeps it (the flush on
   * pagehide is an IndexedDB write the page may not live to finish).
   */
  #show(history: History<ClipEdit>, run = false): void {
    if (history === this.snapshot.history) return;
    this.update({ history, fresh: false });
    this.#unsaved = history.present;
    clearTimeout(this.#timer);
    if (run) this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    else void this.flush();
  }

  async #save(edit: ClipEdit): Promise<void> {
    const base = this.#base;
    if (!base) return;
    try {
      const saved = await this.#storage.save(edit, base);
      this.#base = saved;
      if (saved.merged) this.#merged(edit, saved.edit);
      else this.update({ saveError: null });
    } catch (e) {
      const why = this.#storage.failure(e);
      if (why === 'deleted') this.#onGone();
      else if (why === 'conflict') {
        await this.#reload({ kind: 'error', message: `${messageOf(e)} This tab now shows the newer edit; make your change again if you still want it.` });
      } else this.update({ saveError: messageOf(e) });
    }
  }

  /**
   * Storage merged `sent` with another tab's edit. A change made here meanwhile goes on top of the
   * merged edit too; otherwise its save (naming the merged version) would drop the other tab's part.
   */
  #merged(sent: ClipEdit, stored: ClipEdit): void {
    const both: Notice = { kind: 'info', message: 'Saved. This clip had also been changed in another tab: both changes are kept.' };
    if (!this.#unsaved) {
      this.#showStored(stored, both);
      return;
    }
    const m = mergeEdit(sent, this.#unsaved, stored);
    if (!m.ok) {
      this.#unsaved = null;
      this.#showStored(stored, {
        kind: 'error',
        message: `Not saved: ${m.clash} of this clip was changed in another tab. This tab now shows the newer edit.`,
      });
      return;
    }
    this.#showStored(m.edit, both);
    this.#unsaved = m.edit;
  }

  /** Another tab stored a version: shown here unless a change of ours is on its way (that save merges). */
  async #remoteChanged(version: number): Promise<void> {
    // Versions only grow (0: deleted): one older than ours is already in what this tab shows.
    if (this.#disposed || !this.#base || version === this.#base.version || (version > 0 && version < this.#base.version)) return;
    if (this.#unsaved) return;
    // A save of ours on its way may have been made before that version: look again once it is stored.
    if (this.#saving > 0) {
      void this.#queue.then(() => this.#remoteChanged(version));
      return;
    }
    await this.#reload({ kind: 'info', message: 'This clip was changed in another tab: you see the newest version.' });
  }

  async #reload(notice: Notice): Promise<void> {
    const stored = await this.#storage.load();
    // A change made meanwhile (or a later save queued behind the one that called this) wins the screen.
    if (this.#disposed || this.#unsaved || this.#saving > 1) return;
    this.#base = stored ?? { edit: this.#fallback(), version: 0 };
    this.#showStored(this.#base.edit, notice);
  }

  /**
   * Shows what storage holds as the present, with a fresh undo history: undoing past another
   * tab's change would silently write over it.
   */
  #showStored(edit: ClipEdit, notice: Notice): void {
    this.update({ history: startHistory(edit), notice, saveError: null });
  }
}
