import { crc32 } from 'node:zlib';

/** A ZIP entry as its central directory lists it, with its bytes (stored entries only: what client-zip writes). */
export interface ZipEntry {
  name: string;
  data: Buffer;
  crc: number;
}

/**
 * A tiny ZIP reader for the tests (no `unzip` on a fresh CI machine): the end-of-central-directory
 * record (ZIP64 too), then each central-directory entry and its local header. Checks each
 * entry's CRC-32 and refuses compressed entries.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a ZIP reader for test oracles: one pass over local headers and the central directory
export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory: not a ZIP');
  let count = zip.readUInt16LE(eocd + 10);
  let dirOffset = zip.readUInt32LE(eocd + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) {
    const locator = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]), eocd);
    const eocd64 = Number(zip.readBigUInt64LE(locator + 8));
    count = Number(zip.readBigUInt64LE(eocd64 + 32));
    dirOffset = Number(zip.readBigUInt64LE(eocd64 + 48));
  }
  const entries: ZipEntry[] = [];
  for (let at = dirOffset, i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    let size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    let local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64 extra field: the 64-bit values of the fields set to 0xffffffff, in order.
    for (let x = at + 46 + nameLength; x < at + 46 + nameLength + extraLength; ) {
      const id = zip.readUInt16LE(x);
      const len = zip.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (size === 0xffffffff) {
          size = Number(zip.readBigUInt64LE(f));
          f += 8;
        }
        if (zip.readUInt32LE(at + 20) === 0xffffffff) f += 8; // compressed size
        if (local === 0xffffffff) local = Number(zip.readBigUInt64LE(f));
      }
      x += 4 + len;
    }
    if (method !== 0) throw new Error(`${name}: compressed (method ${method}); client-zip stores`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, data, crc });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
