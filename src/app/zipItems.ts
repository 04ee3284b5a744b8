import type { Clip } from '../domain/clip/override';
import { clipFileName } from '../domain/format';
import { getShortFile, type SavedShort } from '../storage/shorts';
import type { ProjectRecord } from '../storage/schema';
import { clipPostText } from './clipEdits';
import { engine } from './services';
import type { ZipItem } from './zipExport';

/** A saved short, read from storage only when the ZIP reaches it. */
export function shortZipItem(s: SavedShort): ZipItem {
  return {
    label: s.fileName,
    size: s.size,
    load: async () => ({
      blob: await getShortFile(s.id),
      name: s.fileName,
      lastModified: s.createdAt,
      row: {
        rank: s.rank,
        productId: s.product.id,
        productName: s.product.name ?? '',
        price: s.product.price ?? '',
        start: s.range.start,
        end: s.range.end,
        score: s.score,
        engine: s.engine,
        postText: s.postText,
      },
    }),
  };
}

/** A raw clip, cut (exact: smart cut where it can) only when the ZIP reaches it. */
export function clipZipItem(project: ProjectRecord, recording: Blob, c: Clip): ZipItem {
  const label = `${c.rank}-${c.product.name ?? c.product.id}`;
  return {
    label: clipFileName(label, c.start, c.end),
    load: async (hooks) => {
      const cut = await engine.cut(recording, project.recording.name, { start: c.start, end: c.end, exact: true, codecs: project.recording.meta }, hooks);
      return {
        blob: cut.blob,
        name: clipFileName(label, c.start, c.end, cut.ext),
        row: {
          rank: c.rank,
          productId: c.product.id,
          productName: c.product.name ?? '',
          price: c.product.price ?? '',
          start: c.start,
          end: c.end,
          score: c.score,
          engine: cut.engine,
          postText: await clipPostText(project, c),
        },
      };
    },
  };
}
