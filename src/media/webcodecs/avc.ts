/**
 * Byte-level H.264 helpers for splicing streams: the avcC record (ISO 14496-15) and
 * length-prefixed NAL units as MP4 stores them. Pure functions, no WebCodecs.
 */

export const NAL_IDR = 5;
export const NAL_SPS = 7;
export const NAL_PPS = 8;

/** What a splice needs from an AVCDecoderConfigurationRecord. */
export interface AvcConfig {
  profile: number;
  compat: number;
  level: number;
  /** Bytes in each NAL unit's length prefix (1, 2 or 4). */
  lengthSize: number;
  sps: Uint8Array[];
  pps: Uint8Array[];
}

/** A view on BufferSource bytes (WebCodecs hands out either kind). */
export function bytesOf(source: AllowSharedBufferSource): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

export function parseAvcC(record: Uint8Array): AvcConfig {
  const fail = (why: string): never => {
    throw new Error(`Invalid avcC: ${why}`);
  };
  const at = (i: number): number => record[i] ?? fail('truncated');
  if (at(0) !== 1) fail(`version ${at(0)}`);
  const lengthSize = (at(4) & 3) + 1;
  if (lengthSize === 3) fail('3-byte NAL lengths');
  let pos = 5;
  const readSets = (count: number): Uint8Array[] => {
    const sets: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const len = (at(pos) << 8) | at(pos + 1);
      if (pos + 2 + len > record.length) fail('truncated parameter set');
      sets.push(record.subarray(pos + 2, pos + 2 + len));
      pos += 2 + len;
    }
    return sets;
  };
  const sps = readSets(at(pos++) & 0x1f);
  const pps = readSets(at(pos++));
  if (sps.length === 0 || pps.length === 0) fail('no SPS or PPS');
  return { profile: at(1), compat: at(2), level: at(3), lengthSize, sps, pps };
}

/**
 * The record with well-formed parameter sets. Firefox's encoder repeats each SPS's and PPS's NAL
 * header byte in its avcC (`67 67 64 00 1f…` for `67 64 00 1f…`; its keyframes carry them right):
 * copied into a file, or in-band into a smart cut, decoders reject them. A well-formed SPS's bytes
 * 1–3 are the record's profile, constraints and level; a doubled one has them a byte later, and
 * then every parameter set starting with its header twice loses the copy. A record that is
 * neither throws: it is never written into a file.
 */
export function repairAvcC(record: Uint8Array): Uint8Array {
  const sps = parseAvcC(record).sps[0]!;
  const header = record.subarray(1, 4);
  const at = (set: Uint8Array, from: number) => set.subarray(from, from + 3).every((b, i) => b === header[i]);
  if (at(sps, 1)) return record;
  if (!(sps[0] === sps[1] && at(sps, 2))) throw new Error('Invalid avcC: its SPS does not match its profile and level');
  const out: number[] = Array.from(record.subarray(0, 5));
  let pos = 5;
  const copySets = (countByte: number, mask: number) => {
    out.push(countByte);
    for (let i = 0; i < (countByte & mask); i++) {
      const len = ((record[pos] ?? 0) << 8) | (record[pos + 1] ?? 0);
      const set = record.subarray(pos + 2, pos + 2 + len);
      const fixed = set[0] === set[1] ? set.subarray(1) : set;
      out.push(fixed.length >> 8, fixed.length & 0xff, ...fixed);
      pos += 2 + len;
    }
  };
  copySets(record[pos++] ?? 0, 0x1f);
  copySets(record[pos++] ?? 0, 0xff);
  // High profile's trailing fields (chroma format, bit depths, SPS extensions) as they were.
  out.push(...record.subarray(pos));
  return Uint8Array.from(out);
}

/** A copy of the record declaring 4-byte NAL lengths (the muxer writes samples that way). */
export function withLengthSize4(record: Uint8Array): Uint8Array {
  const copy = record.slice();
  copy[4] = (copy[4] ?? 0) | 3;
  return copy;
}

/**
 * The profile/constraints/level that cover every segment of a spliced stream: the highest profile
 * (Baseline < Main < High for the usual ids), only the constraint flags all segments set (a flag
 * like "no B-frames" must hold for the whole stream), the highest level.
 */
export function coveringProfile(configs: readonly AvcConfig[]): Pick<AvcConfig, 'profile' | 'compat' | 'level'> {
  return {
    profile: Math.max(...configs.map((c) => c.profile)),
    compat: configs.reduce((flags, c) => flags & c.compat, 0xff),
    level: Math.max(...configs.map((c) => c.level)),
  };
}

/**
 * The sample entry's record for a spliced stream: the first segment's parameter sets (players
 * start with them), a header announcing what the whole stream needs, 4-byte NAL lengths.
 */
export function spliceAvcC(firstRecord: Uint8Array, configs: readonly AvcConfig[]): Uint8Array {
  const { profile, compat, level } = coveringProfile(configs);
  const copy = withLengthSize4(firstRecord);
  copy.set([profile, compat, level], 1);
  return copy;
}

/** The NAL units of one sample, as views into it. */
export function splitNalUnits(sample: Uint8Array, lengthSize: number): Uint8Array[] {
  const nals: Uint8Array[] = [];
  let pos = 0;
  while (pos + lengthSize <= sample.length) {
    let len = 0;
    for (let i = 0; i < lengthSize; i++) len = len * 256 + (sample[pos + i] ?? 0);
    pos += lengthSize;
    if (len === 0) continue;
    if (pos + len > sample.length) throw new Error('NAL unit runs past the end of its sample');
    nals.push(sample.subarray(pos, pos + len));
    pos += len;
  }
  return nals;
}

/** NAL units joined with 4-byte big-endian lengths. */
export function joinNalUnits(nals: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(nals.reduce((sum, n) => sum + 4 + n.length, 0));
  const view = new DataView(out.buffer);
  let pos = 0;
  for (const nal of nals) {
    view.setUint32(pos, nal.length);
    out.set(nal, pos + 4);
    pos += 4 + nal.length;
  }
  return out;
}

export const nalType = (nal: Uint8Array): number => (nal[0] ?? 0) & 0x1f;

export function containsIdr(sample: Uint8Array, lengthSize: number): boolean {
  return splitNalUnits(sample, lengthSize).some((n) => nalType(n) === NAL_IDR);
}

/**
 * The sample with `config`'s SPS/PPS right before its first slice (as ffmpeg's h264_mp4toannexb
 * does, so a leading access unit delimiter stays first), any parameter sets it carried dropped,
 * and 4-byte lengths. With an `avc3` sample entry this makes each segment of a spliced stream
 * announce its own parameter sets.
 */
export function withParameterSets(sample: Uint8Array, lengthSize: number, config: AvcConfig): Uint8Array {
  const nals = splitNalUnits(sample, lengthSize).filter((n) => nalType(n) !== NAL_SPS && nalType(n) !== NAL_PPS);
  const firstSlice = nals.findIndex((n) => nalType(n) >= 1 && nalType(n) <= NAL_IDR);
  nals.splice(firstSlice < 0 ? nals.length : firstSlice, 0, ...config.sps, ...config.pps);
  return joinNalUnits(nals);
}

/** A sample re-framed with 4-byte lengths (a no-op view when it already has them). */
export function toLengthSize4(sample: Uint8Array, lengthSize: number): Uint8Array {
  return lengthSize === 4 ? sample : joinNalUnits(splitNalUnits(sample, lengthSize));
}

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** The `avc3` codec string for a record (mediabunny writes an avc3 entry for it). */
export function avc3CodecString(record: Uint8Array): string {
  const { profile, compat, level } = parseAvcC(record);
  return `avc3.${hex2(profile)}${hex2(compat)}${hex2(level)}`;
}
