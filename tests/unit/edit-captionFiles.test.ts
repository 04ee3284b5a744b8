import { describe, expect, it } from 'vitest';
import { formatTimestamp, toSrt, toVtt } from '../../src/domain/edit/captionFiles';
import { parseCaptions, type Cue } from '../../src/domain/edit/captions';

const cues: Cue[] = [
  { start: 0.5, end: 2.25, text: 'Silk scarf\n$24.99' },
  { start: 2.25, end: 4, text: 'Tom & Jerry <3 --> shop' },
  { start: 3661.001, end: 3662, text: 'An hour in' },
];

describe('formatTimestamp', () => {
  it('writes hh:mm:ss with milliseconds, rounded, never negative', () => {
    expect(formatTimestamp(0, ',')).toBe('00:00:00,000');
    expect(formatTimestamp(3723.4567, '.')).toBe('01:02:03.457');
    expect(formatTimestamp(59.9996, ',')).toBe('00:01:00,000');
    expect(formatTimestamp(-1, ',')).toBe('00:00:00,000');
  });
});

describe('toSrt', () => {
  it('numbers the cues and uses comma milliseconds', () => {
    expect(toSrt(cues.slice(0, 1))).toBe('1\n00:00:00,500 --> 00:00:02,250\nSilk scarf\n$24.99\n');
  });

  it('round-trips through parseCaptions (an arrow in the text cannot end the timing line)', () => {
    // SRT has no escapes: '<' opens a tag for players and parseCaptions alike, so this text has none.
    const srtCues = cues.map((c) => ({ ...c, text: c.text.replace(' <3', '') }));
    expect(parseCaptions(toSrt(srtCues))).toEqual([srtCues[0], { ...srtCues[1], text: 'Tom & Jerry -> shop' }, srtCues[2]]);
  });

  it('leaves out cues a player would drop or misread: empty text, no duration; blank lines closed up', () => {
    const srt = toSrt([
      { start: 1, end: 1, text: 'zero' },
      { start: 1, end: 2, text: ' ' },
      { start: 2, end: 3, text: 'a\n\nb' },
    ]);
    expect(srt).toBe('1\n00:00:02,000 --> 00:00:03,000\na\nb\n');
  });
});

describe('toVtt', () => {
  it('has the header and escapes markup characters', () => {
    const vtt = toVtt(cues.slice(1, 2));
    expect(vtt).toBe('WEBVTT\n\n00:00:02.250 --> 00:00:04.000\nTom &amp; Jerry &lt;3 -&gt; shop\n');
  });

  it('round-trips through parseCaptions', () => {
    expect(parseCaptions(toVtt(cues))).toEqual([cues[0], { ...cues[1], text: 'Tom & Jerry <3 -> shop' }, cues[2]]);
  });
});
