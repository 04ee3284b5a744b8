import { describe, expect, it } from 'vitest';
import {
  avc3CodecString,
  bytesOf,
  containsIdr,
  coveringProfile,
  joinNalUnits,
  nalType,
  parseAvcC,
  repairAvcC,
  splitNalUnits,
  spliceAvcC,
  toLengthSize4,
  withLengthSize4,
  withParameterSets,
} from '../../src/media/webcodecs/avc';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

// Written by native ffmpeg/libx264 (64x48 Constrained Baseline level 1.0, `-x264-params aud=1`).
const X264_AVCC = hex('0142c00affe100156742c00ada11ec0440000003004000000503c489a801000468ce0fc8');
const X264_SPS = '6742c00ada11ec0440000003004000000503c489a8';
const X264_PPS = '68ce0fc8';
// The clip's second sample: an access unit delimiter and a P slice, 4-byte lengths.
const X264_P_SAMPLE = hex(
  '0000000209300000003d419a20ebc2d06d322b9978fad5c200032054ac200226601c000c8038132f007a84842188610a42fde070020c325e00ff7b31f572f6fbcbd7093975ab80',
);

// Hand-built: High profile level 3.1, 2-byte NAL lengths, two SPS (only the count bits matter).
const HIGH_AVCC_2 = hex('0164001ffde2' + '0003' + '676400' + '0002' + '6765' + '01' + '0002' + '68ee');
const SEI = hex('0605ff');
const IDR = hex('6588aabb');
const AUD = hex('0910');

describe('parseAvcC', () => {
  it('reads the x264 record', () => {
    const c = parseAvcC(X264_AVCC);
    expect([c.profile, c.compat, c.level, c.lengthSize]).toEqual([0x42, 0xc0, 0x0a, 4]);
    expect(c.sps.map(toHex)).toEqual([X264_SPS]);
    expect(c.pps.map(toHex)).toEqual([X264_PPS]);
  });

  it('reads several SPS and 2-byte lengths', () => {
    const c = parseAvcC(HIGH_AVCC_2);
    expect([c.profile, c.level, c.lengthSize]).toEqual([0x64, 0x1f, 2]);
    expect(c.sps.map(toHex)).toEqual(['676400', '6765']);
    expect(c.pps.map(toHex)).toEqual(['68ee']);
  });

  it('rejects broken records', () => {
    expect(() => parseAvcC(X264_AVCC.subarray(0, 20))).toThrow(/truncated/);
    expect(() => parseAvcC(hex('02'))).toThrow(/version/);
    expect(() => parseAvcC(hex('0164001fffe0' + '00'))).toThrow(/no SPS/);
  });

  it('rewrites the NAL length size to 4 without touching the original', () => {
    const four = withLengthSize4(HIGH_AVCC_2);
    expect(parseAvcC(four).lengthSize).toBe(4);
    expect(parseAvcC(HIGH_AVCC_2).lengthSize).toBe(2);
    expect(four.subarray(5)).toEqual(HIGH_AVCC_2.subarray(5));
  });
});

describe('NAL units', () => {
  it('splits the real x264 sample', () => {
    const nals = splitNalUnits(X264_P_SAMPLE, 4);
    expect(nals.map(nalType)).toEqual([9, 1]);
    expect(nals[1]?.length).toBe(61);
    expect(containsIdr(X264_P_SAMPLE, 4)).toBe(false);
    expect(joinNalUnits(nals)).toEqual(X264_P_SAMPLE);
  });

  it('converts 2-byte lengths to 4', () => {
    const two = hex(`00030988770004${toHex(IDR)}`);
    const four = toLengthSize4(two, 2);
    expect(toHex(four)).toBe(`0000000309887700000004${toHex(IDR)}`);
    expect(containsIdr(two, 2)).toBe(true);
    expect(toLengthSize4(X264_P_SAMPLE, 4)).toBe(X264_P_SAMPLE);
  });

  it('throws when a length runs past the sample', () => {
    expect(() => splitNalUnits(hex('00000009' + '6588'), 4)).toThrow(/past the end/);
  });

  it('accepts ArrayBuffer and views alike', () => {
    const buf = new Uint8Array([1, 2, 3, 4]).buffer;
    expect(bytesOf(buf)).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(bytesOf(new DataView(buf, 1, 2))).toEqual(new Uint8Array([2, 3]));
  });
});

describe('withParameterSets', () => {
  const x264 = parseAvcC(X264_AVCC);

  it('puts SPS/PPS right before the first slice, after SEI and AUD', () => {
    const sample = joinNalUnits([SEI, AUD, IDR]);
    const out = splitNalUnits(withParameterSets(sample, 4, x264), 4);
    expect(out.map(nalType)).toEqual([6, 9, 7, 8, 5]);
    expect(out.map(toHex)).toEqual([toHex(SEI), toHex(AUD), X264_SPS, X264_PPS, toHex(IDR)]);
  });

  it('replaces parameter sets already in the sample and re-frames 2-byte lengths', () => {
    const high = parseAvcC(HIGH_AVCC_2);
    const old = joinNalUnits([hex('67aa'), hex('68bb'), IDR]);
    const twoByte = hex(`000267aa000268bb0004${toHex(IDR)}`);
    for (const [sample, size] of [
      [old, 4],
      [twoByte, 2],
    ] as const) {
      const out = splitNalUnits(withParameterSets(sample, size, high), 4);
      expect(out.map(toHex)).toEqual(['676400', '6765', '68ee', toHex(IDR)]);
    }
  });
});

describe('spliceAvcC', () => {
  const baseline = parseAvcC(X264_AVCC);
  const high = parseAvcC(HIGH_AVCC_2);

  it('covers the highest profile and level, and only the flags all segments set', () => {
    expect(coveringProfile([baseline])).toEqual({ profile: 0x42, compat: 0xc0, level: 0x0a });
    expect(coveringProfile([baseline, high])).toEqual({ profile: 0x64, compat: 0x00, level: 0x1f });
    // The encoder's High SPS says "no B-frames" (constraint_set5); the copied source does not.
    expect(coveringProfile([{ ...high, compat: 0x0c, level: 0x28 }, high])).toEqual({ profile: 0x64, compat: 0, level: 0x28 });
  });

  it("keeps the first segment's parameter sets under a covering header with 4-byte lengths", () => {
    const record = spliceAvcC(HIGH_AVCC_2, [high, { ...baseline, level: 0x28 }]);
    const parsed = parseAvcC(record);
    expect([parsed.profile, parsed.compat, parsed.level, parsed.lengthSize]).toEqual([0x64, 0, 0x28, 4]);
    expect(parsed.sps.map(toHex)).toEqual(['676400', '6765']);
    expect(avc3CodecString(record)).toBe('avc3.640028');
    expect(avc3CodecString(X264_AVCC)).toBe('avc3.42C00A');
  });
});

// Firefox's encoder writes each parameter set's NAL header byte twice in its avcC (Firefox ESR 153;
// its keyframes carry the sets right). The same x264 sets, as Firefox would store them:
// Header, SPS count, length 0x16 (one more), 67 + the SPS, PPS count, length 5, 68 + the PPS.
const DOUBLED_X264_AVCC = hex(`0142c00affe1001667${X264_SPS}01000568${X264_PPS}`);
// High profile, with the trailing chroma format / bit depth fields High records carry.
const HIGH_AVCC = hex('0164001fffe1' + '0004' + '6764001f' + '01' + '0003' + '68ebe3' + 'fdf8f800');
const DOUBLED_HIGH_AVCC = hex('0164001fffe1' + '0005' + '676764001f' + '01' + '0004' + '6868ebe3' + 'fdf8f800');

describe('repairAvcC', () => {
  it('leaves a well-formed record as it is', () => {
    expect(repairAvcC(X264_AVCC)).toBe(X264_AVCC);
    expect(repairAvcC(HIGH_AVCC)).toBe(HIGH_AVCC);
  });

  it("drops the header byte Firefox's encoder repeats in every SPS and PPS", () => {
    expect(toHex(repairAvcC(DOUBLED_X264_AVCC))).toBe(toHex(X264_AVCC));
    const fixed = repairAvcC(DOUBLED_HIGH_AVCC);
    expect(toHex(fixed)).toBe(toHex(HIGH_AVCC));
    // What a smart cut then writes in-band: the sets the keyframes carry.
    expect(parseAvcC(fixed).sps.map(toHex)).toEqual(['6764001f']);
    expect(parseAvcC(fixed).pps.map(toHex)).toEqual(['68ebe3']);
  });

  it('refuses a record whose SPS matches its header neither way', () => {
    expect(() => repairAvcC(hex('0164001fffe1' + '0004' + '67420028' + '01' + '0002' + '68ee'))).toThrow(/does not match/);
  });
});
