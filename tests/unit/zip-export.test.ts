// The streamed ZIP (issue 10) in Node: client-zip's real output, read back with the tests' own reader.
import { describe, expect, it } from 'vitest';
import type { ListingRow } from '../../src/domain/shorts/listing';
import { writeZip, type ZipItem, type ZipProgress } from '../../src/app/zipExport';
import { readZip } from '../e2e/unzip';

const row = (rank: number): Omit<ListingRow, 'file'> => ({
  rank,
  productId: `P${rank}`,
  productName: `Product ${rank}`,
  price: '',
  start: rank * 10,
  end: rank * 10 + 6,
  score: 5,
  engine: 'webcodecs',
  postText: `post ${rank}`,
});

/** A file of `bytes` bytes, counting how often it was loaded. */
function item(rank: number, bytes: number, name = `clip-${rank}.mp4`, sized = true): ZipItem & { loads: number } {
  const it = {
    label: name,
    loads: 0,
    ...(sized && { size: bytes }),
    load: async () => {
      it.loads++;
      return { blob: new Blob([new Uint8Array(bytes).fill(rank)]), name, row: row(rank) };
    },
  };
  return it;
}

/** A sink that keeps what it is given (the test's stand-in for a file). */
function memorySink() {
  const chunks: Uint8Array[] = [];
  let aborted = false;
  const stream = new WritableStream<Uint8Array>({
    write: (c) => void chunks.push(c.slice()),
    abort: () => {
      aborted = true;
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks), aborted: () => aborted };
}

describe('writeZip', () => {
  it('stores each file, then zip-contents.csv and zip-contents.json listing them; names stay unique', async () => {
    const sink = memorySink();
    const progress: ZipProgress[] = [];
    const items = [item(1, 300_000), item(2, 5), item(3, 70_000, 'clip-1.mp4')];
    const size = await writeZip(items, sink.stream, { signal: new AbortController().signal, onProgress: (p) => progress.push(p) });

    const entries = readZip(sink.bytes());
    expect(size).toBe(sink.bytes().length);
    expect(entries.map((e) => e.name)).toEqual(['clip-1.mp4', 'clip-2.mp4', 'clip-1-2.mp4', 'zip-contents.csv', 'zip-contents.json']);
    expect(entries[0]!.data.length).toBe(300_000);
    expect(entries[2]!.data.every((b) => b === 3)).toBe(true);
    const listing = JSON.parse(entries[4]!.data.toString()) as Array<{ file: string; product_id: string; post_text: string }>;
    expect(listing.map((r) => [r.file, r.product_id, r.post_text])).toEqual([
      ['clip-1.mp4', 'P1', 'post 1'],
      ['clip-2.mp4', 'P2', 'post 2'],
      ['clip-1-2.mp4', 'P3', 'post 3'],
    ]);
    expect(entries[3]!.data.toString().split('\n')[3]).toMatch(/^clip-1-2\.mp4,3,P3,Product 3,,30,36,6,5,webcodecs,post 3$/);

    // Per file and overall, the overall ratio never goes back, and ends at 1.
    const overall = progress.map((p) => p.overall);
    expect(overall.every((r, i) => i === 0 || r >= overall[i - 1]!)).toBe(true);
    expect(overall.at(-1)).toBeCloseTo(1, 5);
    expect(progress.at(-1)).toMatchObject({ index: 2, count: 3, fileRatio: 1 });
    expect(items.map((i) => i.loads)).toEqual([1, 1, 1]);
  });

  it('goes by files when sizes are not known before (raw clips are cut as it goes)', async () => {
    const sink = memorySink();
    const progress: number[] = [];
    await writeZip([item(1, 1000, 'a.mp4', false), item(2, 10, 'b.mp4', false)], sink.stream, {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.overall),
    });
    expect(progress.some((r) => Math.abs(r - 0.5) < 1e-9)).toBe(true);
    expect(readZip(sink.bytes())).toHaveLength(4);
  });

  it('loads a file only when the ZIP reaches it, and a cancel stops the stream, the file being made and the sink', async () => {
    const sink = memorySink();
    const abort = new AbortController();
    const first = item(1, 1000);
    const third = item(3, 1000);
    let started = false;
    const slow: ZipItem = {
      label: 'slow',
      load: (hooks) =>
        new Promise((_, reject) => {
          started = true;
          expect(first.loads).toBe(1);
          hooks.signal?.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')));
          abort.abort();
        }),
    };
    await expect(writeZip([first, slow, third], sink.stream, { signal: abort.signal, onProgress: () => undefined })).rejects.toThrow();
    expect(started).toBe(true);
    expect(third.loads).toBe(0);
    expect(sink.aborted()).toBe(true);
  });
});
