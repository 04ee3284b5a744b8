import { deleteShort, getShortFile, setShortPost, type SavedShort } from '../storage/shorts';
import { saveBlob } from './browser/fileSink';

export type { SavedShort, ShortsUsage } from '../storage/shorts';
/** The project's saved shorts, re-read whenever they change in any tab. */
export { listShorts, shortsUsage } from '../storage/shorts';
export { onShortsChange } from '../storage/changes';

/** A saved short's MP4, read back from this browser's storage. */
export const shortFile = (short: SavedShort): Promise<Blob> => getShortFile(short.id);

/** "Download": the stored MP4 under the name it was rendered with. */
export async function downloadShort(short: SavedShort): Promise<void> {
  saveBlob(await shortFile(short), short.fileName);
}

/** The stored MP4 as a named file, for the share sheet or the uploader. */
export async function shortUploadFile(short: SavedShort): Promise<File> {
  return new File([await shortFile(short)], short.fileName, { type: 'video/mp4' });
}

/** "Delete": the short and its video leave this browser (other tabs are told). */
export const removeShort = (short: SavedShort): Promise<void> => deleteShort(short);

/** The post text the user settled on in the upload dialog, kept with the short. */
export const saveShortPost = (shortId: string, text: string): Promise<void> => setShortPost(shortId, text);
