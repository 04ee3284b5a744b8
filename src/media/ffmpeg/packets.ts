/**
 * The readable end of a recording from ffprobe's packet lists (`-show_entries
 * packet=codec_type,pts_time,dts_time,duration_time,pos,size -of json`): the end of its last
 * whole video packet, and never past the decode time of a packet cut by the end of the file.
 */

export interface Packet {
  video: boolean;
  pts: number;
  /** Decode time (B-frames are decoded before they are shown); pts when unknown. */
  dts: number;
  duration: number;
  /** Byte offset in the file read, when ffprobe knows it. */
  pos?: number;
  size: number;
}

interface PacketJson {
  packets?: Array<{ codec_type?: string; pts_time?: string; dts_time?: string; duration_time?: string; pos?: string; size?: string }>;
}

export function parsePackets(jsonText: string): Packet[] {
  let parsed: PacketJson;
  try {
    parsed = JSON.parse(jsonText) as PacketJson;
  } catch {
    return [];
  }
  return (parsed.packets ?? []).flatMap((p) => {
    const pts = Number(p.pts_time);
    if (p.pts_time === undefined || !Number.isFinite(pts)) return [];
    const pos = Number(p.pos);
    const dts = Number(p.dts_time);
    return [
      {
        video: p.codec_type === 'video',
        pts,
        dts: p.dts_time !== undefined && Number.isFinite(dts) ? dts : pts,
        duration: Number(p.duration_time) || 0,
        ...(p.pos !== undefined && Number.isFinite(pos) && { pos }),
        size: Number(p.size) || 0,
      },
    ];
  });
}

/** The usual gap between frames (median), for packets that carry no duration of their own. */
function frameInterval(packets: Packet[]): number {
  const pts = packets.map((p) => p.pts).sort((a, b) => a - b);
  const gaps = pts
    .slice(1)
    .map((t, i) => t - pts[i]!)
    .filter((g) => g > 1e-4)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}

const reaches = (p: Packet, cutAt: number) => p.pos !== undefined && p.pos + p.size >= cutAt;

/**
 * End time (stream seconds) of the last whole video packet. When the data read stops at `cutAt`
 * bytes (a cut-short file), a packet of any stream reaching it is partial: the end stops before
 * its decode time too, so a cut up to the end never copies it. undefined: no whole video packet.
 */
export function lastEnd(packets: Packet[], cutAt?: number): number | undefined {
  const partial = cutAt === undefined ? [] : packets.filter((p) => reaches(p, cutAt));
  const whole = packets.filter((p) => p.video && !partial.includes(p));
  if (whole.length === 0) return undefined;
  const step = frameInterval(whole);
  const end = Math.max(...whole.map((p) => p.pts + Math.max(p.duration, step)));
  return Math.min(end, ...partial.map((p) => Math.min(p.pts, p.dts)));
}

/**
 * Packets from the keyframe at or before `fromSec` (stream time), for `spanSec` after that
 * keyframe, or to the end of the file.
 */
export type ListPackets = (fromSec: number, spanSec?: number) => Promise<Packet[]>;

const WINDOW_SEC = 2;

/**
 * The readable end of a cut-short file whose index still promises `claimedEnd`: a binary search
 * for the last keyframe that still has whole packets, each step reading one short window (the
 * index seeks straight there), then the read from there to where the data stops. About
 * log2(length / 2 s) small reads, never the whole file.
 */
export async function cutShortEnd(list: ListPackets, startSec: number, claimedEnd: number, cutAt: number): Promise<number | undefined> {
  const readableAt = async (t: number) => (await list(t, WINDOW_SEC)).some((p) => p.video && !reaches(p, cutAt));
  let lo = startSec;
  let hi = claimedEnd;
  while (hi - lo > WINDOW_SEC) {
    const mid = (lo + hi) / 2;
    if (await readableAt(mid)) lo = mid;
    else hi = mid;
  }
  return lastEnd(await list(lo), cutAt);
}
