import { describe, expect, it } from 'vitest';
import { pcmArgs } from '../../src/media/ffmpeg/pcmArgs';

describe('pcmArgs', () => {
  it('seeks on the input, reads only the range, and writes 16 kHz mono float32 of the first audio stream', () => {
    const args = pcmArgs('/in/input.mp4', '/speech.f32', 140.8, 21, 16000);
    // -ss and -t before -i: ffmpeg seeks and stops reading, it does not decode the recording up to the clip.
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-i') + 2)).toEqual(['-ss', '140.800', '-t', '21.000', '-i', '/in/input.mp4']);
    expect(args.join(' ')).toContain('-map 0:a:0 -vn -sn -dn -ac 1 -ar 16000 -f f32le /speech.f32');
  });
});
