import { formatBytes } from '../../domain/format';

interface Props {
  /** Estimated bytes of what is about to be rendered, and what the browser reports free. */
  needed: number;
  free: number;
  what: string;
  onAnyway: () => void;
}

/** Said before a render whose output will not fit in the site's storage: it would be made, then not kept. */
export function FitWarning({ needed, free, what, onAnyway }: Props) {
  return (
    <div class="note warn" role="alert" data-testid="fit-warning">
      <p>
        {what} needs about {formatBytes(needed)} of storage, and the browser reports {formatBytes(free)} free for this site: it would not be kept in Your
        shorts. Delete old shorts or projects, or free disk space — or render anyway and download the result.
      </p>
      <button type="button" class="btn small" onClick={onAnyway}>
        Render anyway
      </button>
    </div>
  );
}
