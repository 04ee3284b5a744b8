/**
 * Adds TFLite model metadata to BlazeFace full-range (@mediapipe/face_detection ships it without):
 * MediaPipe Tasks' face detector refuses a float input without "NormalizationOptions" in the
 * metadata. The metadata says what the model expects: an RGB image scaled to [-1, 1] (mean and std
 * 127.5). Schemas: tensorflow/lite/schema/schema.fbs (Model, Metadata, Buffer) and
 * tensorflow_lite_support/metadata/metadata_schema.fbs (ModelMetadata, file identifier "M001").
 */
import { Builder } from 'flatbuffers';

/** The metadata flatbuffer: one image input normalised by 127.5, the two SSD outputs named. */
export function blazeFaceMetadata(): Uint8Array {
  const b = new Builder(512);
  const floats = (values: number[]) => {
    b.startVector(4, values.length, 4);
    for (const v of [...values].reverse()) b.addFloat32(v);
    return b.endVector();
  };
  const offsets = (values: number[]) => {
    b.startVector(4, values.length, 4);
    for (const v of [...values].reverse()) b.addOffset(v);
    return b.endVector();
  };
  const mean = floats([127.5]);
  const std = floats([127.5]);
  b.startObject(2); // NormalizationOptions { mean, std }
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();
  b.startObject(2); // ProcessUnit { options: NormalizationOptions (union type 1) }
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, normalization, 0);
  const unit = b.endObject();
  b.startObject(2); // ImageProperties { color_space: RGB }
  b.addFieldInt8(0, 1, 0);
  const image = b.endObject();
  b.startObject(3); // Content { content_properties: ImageProperties (union type 2) }
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, image, 0);
  const content = b.endObject();
  const inputName = b.createString('image');
  const units = offsets([unit]);
  b.startObject(7); // TensorMetadata { name, content, process_units }
  b.addFieldOffset(0, inputName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, units, 0);
  const input = b.endObject();
  const outputs = ['regressors', 'classificators'].map((n) => {
    const name = b.createString(n);
    b.startObject(7);
    b.addFieldOffset(0, name, 0);
    return b.endObject();
  });
  const inputList = offsets([input]);
  const outputList = offsets(outputs);
  b.startObject(10); // SubGraphMetadata { input_tensor_metadata, output_tensor_metadata }
  b.addFieldOffset(2, inputList, 0);
  b.addFieldOffset(3, outputList, 0);
  const subgraph = b.endObject();
  const name = b.createString('BlazeFace full-range');
  const subgraphs = offsets([subgraph]);
  const version = b.createString('1.0.0');
  b.startObject(8); // ModelMetadata { name, subgraph_metadata, min_parser_version }
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, version, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array();
}

/** Model fields by index (schema.fbs): buffers 4, metadata 6; the root table gets seven. */
const FIELDS = 7;
const BUFFERS = 4;
const METADATA = 6;
const NAME = 'TFLITE_METADATA';

/**
 * `model` with `metadata` in a new buffer, named "TFLITE_METADATA" in the Model's metadata list.
 * A flatbuffer's offsets point forward, so the new root table, buffer list and metadata list go
 * in front of the old bytes, which stay as they are (16-byte aligned, as buffers need).
 */
export function withTfliteMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const dv = new DataView(model.buffer, model.byteOffset, model.byteLength);
  const u32 = (p: number) => dv.getUint32(p, true);
  const root = u32(0);
  const vtable = root - dv.getInt32(root, true);
  const fieldCount = (dv.getUint16(vtable, true) - 4) / 2;
  const slot = (i: number) => (i < fieldCount ? dv.getUint16(vtable + 4 + 2 * i, true) : 0);
  const target = (i: number) => (slot(i) ? root + slot(i) + u32(root + slot(i)) : undefined);
  if (target(METADATA) !== undefined) throw new Error('the model has metadata already');
  const buffers = target(BUFFERS);
  if (buffers === undefined) throw new Error('the model has no buffer list');
  const bufferCount = u32(buffers);

  const align = (n: number, to: number) => Math.ceil(n / to) * to;
  const vt = 8; // after the root offset and the "TFL3" identifier
  const table = align(vt + 4 + 2 * FIELDS, 4);
  const bufferList = table + 4 + 4 * FIELDS;
  const metadataList = bufferList + 4 + 4 * (bufferCount + 1);
  const entryVt = metadataList + 8;
  const entry = entryVt + 8;
  const name = entry + 12;
  const bufferVt = name + 4 + align(NAME.length + 1, 4);
  const buffer = align(bufferVt + 6, 4);
  const data = align(buffer + 8 + 4, 16) - 4;
  const shift = align(data + 4 + metadata.length, 16);

  const out = new Uint8Array(shift + model.length);
  out.set(model, shift);
  const o = new DataView(out.buffer);
  const w32 = (p: number, v: number) => o.setUint32(p, v, true);
  const w16 = (p: number, v: number) => o.setUint16(p, v, true);
  const ref = (p: number, to: number) => w32(p, to - p);
  w32(0, table);
  out.set(model.subarray(4, 8), 4);
  // The root: the old fields (now `shift` further on), the new buffer list and metadata list.
  w16(vt, 4 + 2 * FIELDS);
  w16(vt + 2, 4 + 4 * FIELDS);
  o.setInt32(table, table - vt, true);
  for (let i = 0; i < FIELDS; i++) {
    const at = table + 4 + 4 * i;
    const old = target(i);
    if (i === BUFFERS) ref(at, bufferList);
    else if (i === METADATA) ref(at, metadataList);
    else if (i === 0 && slot(0))
      w32(at, u32(root + slot(0))); // version, inline
    else if (old !== undefined) ref(at, old + shift);
    else continue;
    w16(vt + 4 + 2 * i, 4 + 4 * i);
  }
  w32(bufferList, bufferCount + 1);
  for (let k = 0; k < bufferCount; k++) {
    const element = buffers + 4 + 4 * k;
    ref(bufferList + 4 + 4 * k, element + u32(element) + shift);
  }
  ref(bufferList + 4 + 4 * bufferCount, buffer);
  w32(metadataList, 1);
  ref(metadataList + 4, entry);
  // Metadata { name, buffer }
  w16(entryVt, 8);
  w16(entryVt + 2, 12);
  w16(entryVt + 4, 4);
  w16(entryVt + 6, 8);
  o.setInt32(entry, entry - entryVt, true);
  ref(entry + 4, name);
  w32(entry + 8, bufferCount);
  w32(name, NAME.length);
  out.set(new TextEncoder().encode(NAME), name + 4);
  // Buffer { data }
  w16(bufferVt, 6);
  w16(bufferVt + 2, 8);
  w16(bufferVt + 4, 4);
  o.setInt32(buffer, buffer - bufferVt, true);
  ref(buffer + 4, data);
  w32(data, metadata.length);
  out.set(metadata, data + 4);
  return out;
}
