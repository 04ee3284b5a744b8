import { EncodedPacketSink, type Input, type InputAudioTrack } from 'mediabunny';

/**
 * Whether a track mediabunny calls 'mp3' is really MPEG audio layer I or II: one MP4 object type
 * (and one Matroska id family) covers all three layers, and only layer III is MP3. Read from the
 * first frame's header (sync, then the layer bits: 01 is layer III).
 */
export async function notReallyMp3(track: InputAudioTrack): Promise<boolean> {
  if (track.codec !== 'mp3') return false;
  const b = (await new EncodedPacketSink(track).getFirstPacket())?.data;
  return !b || b.length < 2 || b[0] !== 0xff || ((b[1]! >> 1) & 3) !== 1;
}

/** The input's first audio track when this browser's decoder reads it (MPEG layer I/II it can't), else null. */
export async function decodableAudioTrack(input: Input): Promise<InputAudioTrack | null> {
  const track = await input.getPrimaryAudioTrack();
  return track && !(await notReallyMp3(track)) && (await track.canDecode()) ? track : null;
}
