import { makeZip } from 'client-zip';
import { LISTING_FILES, listingCsv, listingJson, type ListingRow } from '../domain/shorts/listing';
import type { JobHooks } from '../media/engine';

/** A file of the ZIP, read or made only when the ZIP reaches it, so one at most is held at a time. */
export interface ZipItem {
  /** Shown in the progress while it is read or made. */
  label: string;
  /** Bytes, when known before: the overall progress then goes by bytes, otherwise by files. */
  size?: number;
  load(hooks: JobHooks): Promise<{ blob: Blob; name: string; lastModified?: number; row: Omit<ListingRow, 'file'> }>;
}

export interface ZipProgress {
  /** The file being read or made (0-based), of `count`. */
  index: number;
  count: number;
  label: string;
  /** Of that file, 0..1: made (a cut), then written. */
  fileRatio: number;
  /** Of the whole ZIP, 0..1. */
  overall: number;
}

/**
 * Bytes read at a time from a file. Chromium's Blob.stream() hands over chunks of up to 2 MB with
 * more queued behind them; reading slices on demand keeps what the ZIP holds to about this.
 */
const READ_BYTES = 512 * 1024;

/** A Blob read slice by slice, only as fast as the reader takes it; `onRead` gets the bytes read so far. */
function sliceStream(blob: Blob, onRead: (bytes: number) => void): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (at >= blob.size) return controller.close();
        const chunk = new Uint8Array(await blob.slice(at, at + READ_BYTES).arrayBuffer());
        at += chunk.byteLength;
        onRead(at);
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}

/** `name`, or `name-2.ext`, `name-3.ext`… when an earlier entry took it (two shorts of one clip). */
function unique(name: string, used: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
  used.add(candidate);
  return candidate;
}

/**
 * Streams `items` as a ZIP into `sink`, followed by `zip-contents.csv` and `zip-contents.json` listing
 * them. Files are stored, not compressed (MP4 does not compress). client-zip pulls the next file
 * only once the sink has taken the last one, so memory holds about one file's chunks whatever the
 * count. Aborting `signal` stops the stream, the file being made and the sink. Resolves to the
 * ZIP's size in bytes.
 */
export async function writeZip(
  items: readonly ZipItem[],
  sink: WritableStream<Uint8Array>,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (p: ZipProgress) => void },
): Promise<number> {
  const bySize = items.every((i) => i.size !== undefined);
  const weights = items.map((i) => (bySize ? (i.size ?? 0) : 1));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let doneWeight = 0;
  const report = (index: number, made: number, written: number) => {
    const item = items[index];
    if (!item) return;
    const fileRatio = item.size !== undefined ? written : (made + written) / 2;
    onProgress({ index, count: items.length, label: item.label, fileRatio, overall: (doneWeight + (weights[index] ?? 0) * fileRatio) / total });
  };

  async function* entries() {
    const rows: ListingRow[] = [];
    const used = new Set<string>();
    for (const [index, item] of items.entries()) {
      signal.throwIfAborted();
      report(index, 0, 0);
      const { blob, name, lastModified, row } = await item.load({ signal, onProgress: (p) => report(index, p.ratio, 0) });
      const file = unique(name, used);
      rows.push({ ...row, file });
      const input = sliceStream(blob, (read) => report(index, 1, read / Math.max(1, blob.size)));
      yield { name: file, input, size: blob.size, lastModified: new Date(lastModified ?? Date.now()) };
      doneWeight += weights[index] ?? 0;
    }
    yield { name: LISTING_FILES.csv, input: listingCsv(rows) };
    yield { name: LISTING_FILES.json, input: listingJson(rows) };
  }

  let bytes = 0;
  const measured = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, out) {
      bytes += chunk.byteLength;
      out.enqueue(chunk);
    },
  });
  await makeZip(entries(), { buffersAreUTF8: true }).pipeThrough(measured).pipeTo(sink, { signal });
  return bytes;
}
