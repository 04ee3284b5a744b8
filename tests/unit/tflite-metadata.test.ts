// The face model gets the TFLite metadata MediaPipe Tasks needs (scripts/tfliteMetadata.ts); the
// model itself is left as it was. Read back with a minimal flatbuffer reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteBuffer } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { blazeFaceMetadata, withTfliteMetadata } from '../../scripts/tfliteMetadata';

const MODEL = join(import.meta.dirname, '..', '..', 'node_modules', '@mediapipe', 'face_detection', 'face_detection_full_range.tflite');

/** A table's field `i`: where its value is, or undefined. */
function field(bb: ByteBuffer, table: number, i: number): number | undefined {
  const o = bb.__offset(table, 4 + 2 * i);
  return o ? table + o : undefined;
}
const vector = (bb: ByteBuffer, table: number, i: number) => {
  const at = field(bb, table, i);
  return at === undefined ? undefined : { start: bb.__vector(at), length: bb.__vector_len(at) };
};

describe('TFLite metadata for the face model', () => {
  const model = new Uint8Array(readFileSync(MODEL));
  const out = withTfliteMetadata(model, blazeFaceMetadata());
  const before = new ByteBuffer(model);
  const after = new ByteBuffer(out);
  const rootBefore = before.readInt32(0);
  const rootAfter = after.readInt32(0);

  it('keeps the model: version, operators, subgraphs and every buffer the same bytes', () => {
    expect(after.__has_identifier('TFL3')).toBe(true);
    expect(after.readUint32(field(after, rootAfter, 0)!)).toBe(before.readUint32(field(before, rootBefore, 0)!));
    for (const i of [1, 2]) expect(vector(after, rootAfter, i)?.length).toBe(vector(before, rootBefore, i)?.length);
    const buffersBefore = vector(before, rootBefore, 4)!;
    const buffersAfter = vector(after, rootAfter, 4)!;
    expect(buffersAfter.length).toBe(buffersBefore.length + 1);
    for (let k = 0; k < buffersBefore.length; k++) {
      const a = before.__indirect(buffersBefore.start + 4 * k);
      const b = after.__indirect(buffersAfter.start + 4 * k);
      const da = vector(before, a, 0);
      const db = vector(after, b, 0);
      expect(db?.length).toBe(da?.length);
      if (da && db) expect(Buffer.compare(out.subarray(db.start, db.start + db.length), model.subarray(da.start, da.start + da.length))).toBe(0);
      if (db) expect(db.start % 16).toBe(0);
    }
  });

  it('adds "TFLITE_METADATA": a ModelMetadata flatbuffer ("M001") whose input is normalised by 127.5', () => {
    const list = vector(after, rootAfter, 6)!;
    expect(list.length).toBe(1);
    const entry = after.__indirect(list.start);
    expect(after.__string(field(after, entry, 0)!)).toBe('TFLITE_METADATA');
    const index = after.readUint32(field(after, entry, 1)!);
    const buffer = after.__indirect(vector(after, rootAfter, 4)!.start + 4 * index);
    const data = vector(after, buffer, 0)!;
    const meta = new ByteBuffer(out.subarray(data.start, data.start + data.length));
    expect(meta.__has_identifier('M001')).toBe(true);
    const root = meta.readInt32(0);
    const subgraph = meta.__indirect(vector(meta, root, 3)!.start);
    const input = meta.__indirect(vector(meta, subgraph, 2)!.start);
    expect(meta.__string(field(meta, input, 0)!)).toBe('image');
    const unit = meta.__indirect(vector(meta, input, 4)!.start);
    expect(meta.readUint8(field(meta, unit, 0)!)).toBe(1); // NormalizationOptions
    const options = meta.__indirect(field(meta, unit, 1)!);
    expect(meta.readFloat32(vector(meta, options, 0)!.start)).toBe(127.5);
    expect(meta.readFloat32(vector(meta, options, 1)!.start)).toBe(127.5);
  });
});
