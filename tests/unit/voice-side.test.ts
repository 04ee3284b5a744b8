import { describe, expect, it } from 'vitest';
import { SIDE_DB, SideMeter, sideAt, sideOf, VOICE_DB } from '../../src/domain/edit/voiceSide';

const RATE = 8000;
/** `sec` of a 220 Hz tone at `gain` from `from` (clip seconds). */
const tone = (sec: number, gain: number, from = 0) =>
  Float32Array.from({ length: sec * RATE }, (_, i) => gain * Math.sin((2 * Math.PI * 220 * (from * RATE + i)) / RATE));

describe("the voice's side", () => {
  it('is the channel clearly the louder, and says nothing for an even, quiet or mono sound', () => {
    expect(sideOf(-20, -20 - SIDE_DB - 1)).toBe('left');
    expect(sideOf(-30, -12)).toBe('right');
    expect(sideOf(-20, -20 - SIDE_DB + 1)).toBeUndefined();
    expect(sideOf(VOICE_DB - 1, VOICE_DB - 20)).toBeUndefined();
  });

  it('follows a voice handing over from the right to the left channel, fed in chunks that straddle windows', () => {
    const start = 100;
    const meter = new SideMeter(start);
    // 0–3 s the right one speaks (the left mic catches it at -20 dB), 3–6 s the left one.
    const chunk = 0.3;
    for (let t = 0; t < 6; t += chunk) {
      const right = t < 3;
      meter.add(tone(chunk, right ? 0.05 : 0.5, t), tone(chunk, right ? 0.5 : 0.05, t), start + t, RATE);
    }
    const levels = meter.finish();
    expect(sideAt(levels, 1)).toBe('right');
    expect(sideAt(levels, 5)).toBe('left');
    // Right at the hand-over, both are heard: it doesn't say.
    expect(sideAt(levels, 3)).toBeUndefined();
  });

  it('hears a pause between words as its speaker: the second either side counts', () => {
    const meter = new SideMeter(0);
    meter.add(tone(1, 0.5), tone(1, 0.02), 0, RATE);
    meter.add(new Float32Array(RATE * 0.5), new Float32Array(RATE * 0.5), 1, RATE);
    meter.add(tone(1, 0.5, 1.5), tone(1, 0.02, 1.5), 1.5, RATE);
    expect(sideAt(meter.finish(), 1.25)).toBe('left');
  });
});
