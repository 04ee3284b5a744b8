/** A file type for the save picker: what it is called and its MIME type and extension. */
export interface FileKind {
  description: string;
  mime: string;
  ext: string;
}

export const MP4: FileKind = { description: 'MP4 video', mime: 'video/mp4', ext: '.mp4' };
export const ZIP: FileKind = { description: 'ZIP archive', mime: 'application/zip', ext: '.zip' };

interface SavePickerOptions {
  suggestedName: string;
  types: Array<{ description: string; accept: Record<string, string[]> }>;
}
/** File System Access (Chromium): not in TypeScript's DOM types, which hold only what every engine has. */
type SavePicker = (options: SavePickerOptions) => Promise<FileSystemFileHandle>;
/** Chromium's FileSystemHandle.remove(), not in the standard either. */
type Removable = FileSystemFileHandle & { remove?: () => Promise<void> };

const savePicker = (): SavePicker | undefined => (window as Window & { showSaveFilePicker?: SavePicker }).showSaveFilePicker;

/** Whether files can be written straight to a place the user picks (otherwise they are downloaded once whole). */
export const canPickSaveFile = () => typeof savePicker() === 'function';

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** The user picks where the file goes; null when they closed the picker. Needs a click (user activation). */
async function pickFile(name: string, kind: FileKind): Promise<FileSystemFileHandle | null> {
  const picker = savePicker();
  if (!picker) return null;
  try {
    return await picker.call(window, { suggestedName: name, types: [{ description: kind.description, accept: { [kind.mime]: [kind.ext] } }] });
  } catch (e) {
    if (isAbort(e)) return null;
    throw e;
  }
}

/** Downloads a Blob as `fileName` (no picker: where the browser puts downloads). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task; revoke later to be safe on slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves a Blob where the user picks (streamed from disk to disk), or as a download where the
 * browser has no save picker. 'cancelled' when the user closed the picker.
 */
export async function saveFile(blob: Blob, name: string, kind: FileKind): Promise<'picked' | 'downloaded' | 'cancelled'> {
  if (!canPickSaveFile()) {
    saveBlob(blob, name);
    return 'downloaded';
  }
  const handle = await pickFile(name, kind);
  if (!handle) return 'cancelled';
  await blob.stream().pipeTo(await handle.createWritable());
  return 'picked';
}

/** Where a streamed file goes, and how to take back a file that was not finished. */
export interface FileSink {
  stream: WritableStream<Uint8Array>;
  where: 'picked' | 'download';
  /** After a cancel or a failure: removes the file the picker made, where the browser can. */
  discard(): Promise<void>;
}

/** The download fallback keeps the renderer's share to this much: whole parts go to the browser's blob store. */
const PART_BYTES = 1 << 20;

/**
 * A download made once the stream ends. Without a save picker nothing can be written to disk as
 * it comes, so the file is gathered first — but as Blob parts of 1 MB, which the browser keeps
 * in its blob store (outside the page, moved to disk when large), never as one buffer in the page.
 */
function downloadSink(name: string, kind: FileKind): FileSink {
  let parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  const drop = () => {
    parts = [];
    pending = [];
    pendingBytes = 0;
  };
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= PART_BYTES) flush();
    },
    close() {
      flush();
      saveBlob(new Blob(parts, { type: kind.mime }), name);
      drop();
    },
    abort: drop,
  });
  return { stream, where: 'download', discard: async () => drop() };
}

/**
 * Opens a file to stream into: the save picker's file where the browser has one (written as it
 * comes, nothing held), a download otherwise. null when the user closed the picker.
 */
export async function openFileSink(name: string, kind: FileKind): Promise<FileSink | null> {
  if (!canPickSaveFile()) return downloadSink(name, kind);
  const handle: Removable | null = await pickFile(name, kind);
  if (!handle) return null;
  const stream = await handle.createWritable();
  return {
    stream,
    where: 'picked',
    // An aborted writable leaves the target as the picker made it (empty): remove that too.
    discard: () => (handle.remove?.() ?? Promise.resolve()).catch(() => undefined),
  };
}
