import { formatBytes } from '../domain/format';

export type StorageErrorCode = 'quota' | 'unavailable' | 'not-found' | 'deleted' | 'conflict' | 'unknown';

export class StorageError extends Error {
  constructor(
    message: string,
    readonly code: StorageErrorCode,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export const isStorageError = (err: unknown, code: StorageErrorCode): err is StorageError => err instanceof StorageError && err.code === code;

/** Which of `codes` the error is a storage error with, or 'other'. */
export const storageErrorCode = <C extends StorageErrorCode>(err: unknown, codes: readonly C[]): C | 'other' =>
  codes.find((code) => isStorageError(err, code)) ?? 'other';

export const deletedError = () => new StorageError('This project was deleted in another tab.', 'deleted');

/** Maps IndexedDB's DOMExceptions to messages a user can act on. */
export function storageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError('Not saved: browser storage is full. Delete old projects or free disk space, then try again.', 'quota');
  }
  const detail = err instanceof Error ? err.message || err.name : String(err);
  // Safari's engine in a private window (and WebKit under automation) stores no files at all.
  if (/preparing Blob\/File data/i.test(detail)) {
    return new StorageError(
      'Nothing was saved: this looks like a private window, where this browser keeps no files for a site. Open the app in a normal window to import a recording.',
      'unavailable',
    );
  }
  return new StorageError(`Browser storage failed, nothing was saved: ${detail}`, 'unknown');
}

/**
 * A refused write (`what`: "The project") with what it needed and what the browser reports free. The reported figure can
 * exceed what the browser actually grants (it keeps disk headroom; DevTools quota overrides do
 * not show in estimate()), so the message never claims the two must disagree.
 */
export async function spaceError(what: string, neededBytes: number): Promise<StorageError> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const free = estimate?.quota !== undefined && estimate.usage !== undefined ? Math.max(0, estimate.quota - estimate.usage) : undefined;
  const reported =
    free === undefined
      ? ''
      : ` The browser reports ${formatBytes(free)} free for this site (${formatBytes(estimate?.usage ?? 0)} used)${free >= neededBytes ? ', but it refused this write: its real limit is lower, e.g. when the disk is nearly full' : ''}.`;
  return new StorageError(
    `${what} was not saved: not enough storage space. It needs about ${formatBytes(neededBytes)}.${reported} Nothing was stored. Delete old projects or free disk space, then try again.`,
    'quota',
  );
}
