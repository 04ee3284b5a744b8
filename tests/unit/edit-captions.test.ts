import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cleanCueText,
  cuesForClip,
  DEFAULT_CTA,
  ELLIPSIS,
  graphemes,
  parseCaptions,
  parseTimestamp,
  productCaptions,
  wrapByWidth,
  wrapLines,
} from '../../src/domain/edit/captions';

describe('parseTimestamp', () => {
  it('reads SRT and VTT forms', () => {
    expect(parseTimestamp('01:02:03,450')).toBeCloseTo(3723.45, 9);
    expect(parseTimestamp('01:02:03.450')).toBeCloseTo(3723.45, 9);
    expect(parseTimestamp('02:03.5')).toBeCloseTo(123.5, 9);
    expect(parseTimestamp('100:00:00.000')).toBe(360000);
    expect(parseTimestamp('00:07')).toBe(7);
    expect(parseTimestamp('nope')).toBeUndefined();
  });
});

describe('parseCaptions: SRT', () => {
  it('reads cues with BOM, CRLF, multi-line text and tags', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,500 --> 00:00:04,803\r\nHi <i>everyone</i>,\r\n<b>welcome</b> back!\r\n\r\n2\r\n00:00:06,203 --> 00:00:09,764\r\n<font color="#ff0">Five deals</font> today\r\n';
    expect(parseCaptions(srt)).toEqual([
      { start: 1.5, end: 4.803, text: 'Hi everyone,\nwelcome back!' },
      { start: 6.203, end: 9.764, text: 'Five deals today' },
    ]);
  });
  it('survives missing blank lines, extra blank lines, dots, ASS tags and entities', () => {
    const srt = [
      '',
      '',
      '1',
      '00:00:01.000 --> 00:00:02.000',
      '{\\an8}Top &amp; bottom &lt;3',
      '2',
      '00:00:03,000 --> 00:00:04,000',
      'Second',
      '',
      '',
      '',
      '3',
      '0:00:05,000-->0:00:06,250',
      'Third &#x1F600;',
    ].join('\n');
    expect(parseCaptions(srt)).toEqual([
      { start: 1, end: 2, text: 'Top & bottom <3' },
      { start: 3, end: 4, text: 'Second' },
      { start: 5, end: 6.25, text: 'Third 😀' },
    ]);
  });
  it('drops cues without text or with end ≤ start, and sorts by start', () => {
    const srt =
      '1\n00:00:05,000 --> 00:00:06,000\nlater\n\n2\n00:00:01,000 --> 00:00:02,000\n<i></i>\n\n3\n00:00:03,000 --> 00:00:02,000\nbackwards\n\n4\n00:00:01,000 --> 00:00:03,000\nearlier\n';
    expect(parseCaptions(srt)).toEqual([
      { start: 1, end: 3, text: 'earlier' },
      { start: 5, end: 6, text: 'later' },
    ]);
  });
  it('reads the bundled sample transcript', () => {
    const cues = parseCaptions(readFileSync('public/samples/sample.srt', 'utf8'));
    expect(cues.length).toBeGreaterThan(5);
    expect(cues[0]).toEqual({ start: 1.5, end: 4.803, text: 'Hi everyone, welcome back to the Spring Drop live!' });
    for (const c of cues) expect(c.end).toBeGreaterThan(c.start);
  });
});

describe('parseCaptions: WebVTT', () => {
  it('skips header, NOTE/STYLE/REGION blocks, identifiers and cue settings; hours optional', () => {
    const vtt = [
      'WEBVTT - Spring Drop',
      'Kind: captions',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'NOTE this is',
      'a comment',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'intro',
      '00:01.000 --> 00:04.500 align:start position:10% line:0',
      '<v Anna>Hello <c.loud>there</c></v>',
      '',
      '00:00:05.000 --> 00:00:07.000',
      'Karaoke <00:00:05.500>style <00:00:06.000>text',
      '',
      '01:00:00.000 --> 01:00:01.000',
      '   spaced    out   ',
      '',
    ].join('\r\n');
    expect(parseCaptions(vtt)).toEqual([
      { start: 1, end: 4.5, text: 'Hello there' },
      { start: 5, end: 7, text: 'Karaoke style text' },
      { start: 3600, end: 3601, text: 'spaced out' },
    ]);
  });
  it('returns nothing for files without cues', () => {
    expect(parseCaptions('')).toEqual([]);
    expect(parseCaptions('WEBVTT\n\n')).toEqual([]);
    expect(parseCaptions('just some text')).toEqual([]);
  });
  it('cleanCueText keeps line structure', () => {
    expect(cleanCueText('  a  <i>b</i>\n\n c&nbsp;d ')).toBe('a b\nc d');
  });
});

describe('cuesForClip', () => {
  const cues = [
    { start: 1, end: 4, text: 'before and into' },
    { start: 5, end: 8, text: 'inside' },
    { start: 9, end: 9.95, text: 'sliver at the end' },
    { start: 9.5, end: 20, text: 'over the end' },
    { start: 20, end: 22, text: 'after' },
    { start: 6, end: 7, text: '   ' },
  ];
  it('shifts to clip time, clamps to the clip and drops slivers and empty text', () => {
    expect(cuesForClip(cues, 3.9, 10)).toEqual([
      { start: 1.1, end: 4.1, text: 'inside' },
      { start: 5.1, end: 6.05, text: 'sliver at the end' },
      { start: 5.6, end: 6.1, text: 'over the end' },
    ]);
    // the cue that ends 0.1 s after the clip start is dropped
    expect(cuesForClip(cues, 3.9, 10).some((c) => c.text === 'before and into')).toBe(false);
    expect(cuesForClip(cues, 3.5, 10)[0]).toEqual({ start: 0, end: 0.5, text: 'before and into' });
    expect(cuesForClip(cues, 30, 40)).toEqual([]);
    expect(cuesForClip(cues, 3.9, 10, 0).map((c) => c.text)).toContain('before and into');
  });
});

describe('wrapping', () => {
  it('wraps at word boundaries, re-flowing existing line breaks', () => {
    expect(wrapLines('Normally it is forty dollars, but today\nit is only $24.99.', 16)).toEqual([
      'Normally it is',
      'forty dollars,',
      'but today it is',
      'only $24.99.',
    ]);
  });
  it('breaks words longer than a line', () => {
    expect(wrapLines('a supercalifragilistic word', 8)).toEqual(['a', 'supercal', 'ifragili', 'stic', 'word']);
    expect(wrapLines('保湿面霜套装特价', 3)).toEqual(['保湿面', '霜套装', '特价']);
  });
  it('ends the last line with an ellipsis when over maxLines', () => {
    const lines = wrapLines('one two three four five six seven eight', 9, 2);
    expect(lines).toEqual(['one two', 'three…']);
    for (const l of lines) expect(graphemes(l).length).toBeLessThanOrEqual(9);
    expect(wrapLines('one two three four', 7, 1)).toEqual([`one${ELLIPSIS}`]);
    expect(wrapLines('short', 10, 1)).toEqual(['short']);
  });
  it('counts emoji and combining marks as one character', () => {
    expect(wrapLines('👍🏽👍🏽👍🏽 é́é', 3)).toEqual(['👍🏽👍🏽👍🏽', 'é́é']);
  });
  it('wrapByWidth uses the measure callback', () => {
    // 'W' is three units wide, everything else one
    const measure = (s: string) => Array.from(s).reduce((w, ch) => w + (ch === 'W' ? 3 : 1), 0);
    expect(wrapByWidth('WWW aa WW', 7, measure)).toEqual(['WW', 'W aa', 'WW']);
    const lines = wrapByWidth('WW WW WW WW', 7, measure, 2);
    expect(lines).toEqual(['WW', 'WW…']);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(7);
  });
  it('handles empty text and impossible widths without looping', () => {
    expect(wrapLines('', 10)).toEqual([]);
    expect(wrapLines('   ', 10)).toEqual([]);
    expect(wrapLines('abc', 0)).toEqual(['a', 'b', 'c']);
  });
});

describe('productCaptions', () => {
  it('name + price after the intro card, then the call to action to the end', () => {
    expect(productCaptions('Glow Serum', '$24.99', 30)).toEqual([
      { start: 2, end: 10, text: 'Glow Serum\n$24.99' },
      { start: 10, end: 30, text: DEFAULT_CTA },
    ]);
    expect(DEFAULT_CTA).toBe('Tap the link to shop');
  });
  it('splits the time after the intro in half for short clips', () => {
    expect(productCaptions('Glow Serum', undefined, 10)).toEqual([
      { start: 2, end: 6, text: 'Glow Serum' },
      { start: 6, end: 10, text: DEFAULT_CTA },
    ]);
    // intro shrinks to a quarter of a very short clip
    expect(productCaptions('Hat', '$5', 4)).toEqual([
      { start: 1, end: 2.5, text: 'Hat\n$5' },
      { start: 2.5, end: 4, text: DEFAULT_CTA },
    ]);
  });
  it('uses a custom CTA, intro, or drops the name cue without a name', () => {
    expect(productCaptions('  Hat  ', ' ', 20, 'Link below!', 0)).toEqual([
      { start: 0, end: 8, text: 'Hat' },
      { start: 8, end: 20, text: 'Link below!' },
    ]);
    expect(productCaptions('', undefined, 20)).toEqual([{ start: 2, end: 20, text: DEFAULT_CTA }]);
    expect(productCaptions('Hat', undefined, 20, '')).toEqual([{ start: 2, end: 20, text: 'Hat' }]);
    expect(productCaptions('Hat', undefined, 0)).toEqual([]);
  });
});
