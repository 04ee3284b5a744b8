import type { Clip } from '../domain/clip/override';
import type { ClipEdit } from '../domain/edit/model';
import { outputPreset } from '../domain/edit/output';
import { qualityPreset } from '../domain/edit/quality';
import { shortFingerprint } from '../domain/shorts/fingerprint';
import type { RenderResult } from '../media/engine';
import { saveShort, type SavedShort } from '../storage/shorts';
import { posterOf } from './browser/shortPoster';
import { newId } from './services';
import { requestPersistence } from './browser/storageInfo';

export interface Kept {
  short: SavedShort;
  /** The MP4 as stored: on disk, so the rendered copy in memory can go. */
  blob: Blob;
}

/**
 * Keeps a finished render as a saved short of `projectId`: poster, facts, post text and the
 * fingerprint of what it shows. The first one also asks the browser to keep the site's storage.
 * Throws a StorageError (`deleted`, `quota`) when it could not be kept.
 */
export async function keepShort(projectId: string, clip: Clip, edit: ClipEdit, render: RenderResult, seconds: number, fileName: string): Promise<Kept> {
  const { poster, durationSec } = await posterOf(render.blob);
  const size = outputPreset(edit.output);
  const short: SavedShort = {
    id: newId(),
    projectId,
    clipKey: clip.key,
    rank: clip.rank,
    score: clip.score,
    product: clip.product,
    range: { start: clip.start, end: clip.end },
    settings: { output: size.id, width: size.width, height: size.height, quality: qualityPreset(edit.quality).id },
    engine: render.engine,
    ...(render.fallbackReason !== undefined && { fallbackReason: render.fallbackReason }),
    timings: { totalSec: seconds, ...(render.timings && { stages: render.timings }) },
    size: render.blob.size,
    durationSec: durationSec ?? clip.end - clip.start,
    postText: edit.post,
    createdAt: Date.now(),
    fingerprint: shortFingerprint({ edit, range: clip, product: clip.product }),
    fileName,
    ...(poster && { poster }),
  };
  const blob = await saveShort(short, render.blob);
  void requestPersistence();
  return { short, blob };
}
