import type { ShortsUsage } from '../../app/shorts';
import { freeBytes, type StorageInfo } from '../../app/browser/storageInfo';
import { formatBytes } from '../../domain/format';

interface Props {
  shorts: ShortsUsage;
  info: StorageInfo | undefined;
  /** Asks the browser again to keep this site's data. */
  onPersist: () => void;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Saved shorts, what this site uses of what the browser grants, and whether the browser promised to keep it. */
export function StorageLine({ shorts, info, onPersist }: Props) {
  return (
    <p class="storage-line small" data-testid="storage-line">
      <span data-testid="shorts-usage">
        {plural(shorts.count, 'saved short')} · {formatBytes(shorts.bytes)}
      </span>
      {info && (
        <span class="muted">
          {' '}
          · This site uses {formatBytes(info.usage)}, {formatBytes(freeBytes(info))} available
        </span>
      )}
      {info?.persisted === true && (
        <span class="persist ok" data-testid="persisted" data-persisted="true" title="The browser promised not to clear this site's data when space runs low.">
          {' '}
          · Kept
        </span>
      )}
      {info?.persisted === false && (
        <span class="persist" data-testid="persisted" data-persisted="false">
          {' '}
          · Not kept: the browser may clear it when space runs low.{' '}
          <button type="button" class="btn ghost small" onClick={onPersist}>
            Ask to keep it
          </button>
        </span>
      )}
    </p>
  );
}
