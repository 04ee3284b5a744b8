import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProjectRecord } from '../../app/projects';
import { downloadShort, removeShort, type SavedShort, saveShortPost, shortFile, shortUploadFile } from '../../app/shorts';
import type { Clip } from '../../domain/clip/override';
import { useShorts, useShortStatus } from './useShorts';
import { useStorageSummary } from '../common/useStorageSummary';
import { ErrorNote } from '../common/ErrorNote';
import { ShortCard } from './ShortCard';
import { StorageLine } from '../common/StorageLine';
import { UploadDialog } from '../common/UploadDialog';
import { ZipExport } from './ZipExport';
import { messageOf } from '../../domain/errors/messageOf';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  /** Undefined while the highlights are being found. */
  clips: readonly Clip[] | undefined;
  /** Brought into view with the focus on its heading (the project opened at Your shorts). */
  focus?: boolean;
}

/** "Your shorts": every render of this project, kept in the browser; play, download, upload, delete, ZIP. */
export function ShortsSection({ project, recording, clips, focus = false }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [focus]);
  const { shorts, error: listError } = useShorts(project.id);
  const status = useShortStatus(project, clips, shorts);
  const { summary, askPersist } = useStorageSummary();
  /** Shorts left out of the ZIP (new ones are in by default). */
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [upload, setUpload] = useState<{ short: SavedShort; file: File } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = shorts ?? [];
  const chosen = list.filter((s) => !left.has(s.id));

  /** A stored short's file action; its failure is shown. */
  const attempt = <T,>(action: Promise<T>, then?: (value: T) => void) => {
    setError(null);
    action.then(then, (e: unknown) => setError(messageOf(e)));
  };
  const remove = (short: SavedShort) => {
    if (!confirm(`Delete the short of “${short.product.name ?? short.product.id}”? Its video is removed from this browser.`)) return;
    removeShort(short).catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <section class="shorts" aria-labelledby="shorts-title" data-testid="your-shorts">
      <div class="list-head">
        <h2 id="shorts-title" ref={heading} tabIndex={-1}>
          Your shorts
        </h2>
        {summary && <StorageLine shorts={summary.byProject.get(project.id) ?? { count: 0, bytes: 0 }} info={summary.info} onPersist={askPersist} />}
      </div>
      {listError && <ErrorNote message={`Your shorts could not be read: ${listError}`} />}
      {error && <ErrorNote message={error} onDismiss={() => setError(null)} />}
      {shorts && list.length === 0 && <p class="empty small">Every short you render (here or in the editor) is kept here, ready to upload or download.</p>}
      {list.length > 0 && (
        <ul class="short-grid">
          {list.map((s) => (
            <ShortCard
              key={s.id}
              short={s}
              status={status.get(s.id)}
              chosen={!left.has(s.id)}
              onChoose={(on) =>
                setLeft((l) => {
                  const next = new Set(l);
                  if (on) next.delete(s.id);
                  else next.add(s.id);
                  return next;
                })
              }
              open={() => shortFile(s)}
              onDownload={() => attempt(downloadShort(s))}
              onUpload={() => attempt(shortUploadFile(s), (file) => setUpload({ short: s, file }))}
              onDelete={() => remove(s)}
            />
          ))}
        </ul>
      )}
      <ZipExport project={project} recording={recording} clips={clips ?? []} shorts={chosen} />
      {upload && (
        <UploadDialog
          file={upload.file}
          postText={upload.short.postText}
          onPostText={(text) => saveShortPost(upload.short.id, text).catch((e: unknown) => setError(messageOf(e)))}
          product={upload.short.product}
          onClose={() => setUpload(null)}
        />
      )}
    </section>
  );
}
