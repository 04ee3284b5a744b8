import { describe, expect, it } from 'vitest';
import { CancelledError, detailsOf, failureSentence, MediaFailure, type MediaFailureCode } from '../../src/domain/errors/mediaFailure';
import { EngineUnsupportedError, MediaError } from '../../src/media/engine';
import { ffmpegFailure } from '../../src/media/ffmpeg/failure';
import { ProbeError } from '../../src/media/ffmpeg/probe';
import { classifyText, toMediaFailure } from '../../src/media/failures';
import { mediaErrorOf, mediaFailureOf } from '../../src/media/webcodecs/protocol';

// Log lines as ffmpeg 5.1 / ffmpeg.wasm / Chromium print them.
const LOGS: Array<[MediaFailureCode, string[]]> = [
  ['truncated', ['[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found', '/in/input.mp4: Invalid data found when processing input']],
  ['truncated', ['[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] stream 1, offset 0x310bc: partial file']],
  ['truncated', ['[matroska,webm @ 0x1] File ended prematurely']],
  [
    'unreadable',
    [
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] invalid STSD entries 0',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] error reading header',
      'x.mp4: Invalid data found when processing input',
    ],
  ],
  ['unreadable', ['[matroska,webm @ 0x1] EBML header parsing failed']],
  ['no-video', ["Stream map '0:v:0' matches no streams."]],
  ['codec-unsupported', ['Decoder (codec prores_raw) not found for input stream #0:0']],
  ['out-of-memory', ['Aborted(OOM)']],
  ['out-of-memory', ['RuntimeError: memory access out of bounds']],
  ['out-of-memory', ['[libx264 @ 0x1] malloc of size 8294400 failed', 'Error initializing output stream 0:0 -- Cannot allocate memory']],
  ['failed', ['Conversion failed!']],
];

describe('classifyText', () => {
  for (const [code, lines] of LOGS) {
    it(`names "${lines.at(-1)}" ${code}`, () => expect(classifyText(lines.join('\n')).code).toBe(code));
  }
  it('keeps the codec a decoder was missing for (not "none")', () => {
    expect(classifyText('Decoder (codec prores_raw) not found for input stream #0:0')).toEqual({ code: 'codec-unsupported', codec: 'prores_raw' });
    expect(classifyText('Decoder (codec none) not found for input stream #0:1')).toEqual({ code: 'codec-unsupported' });
  });
});

describe('ffmpegFailure', () => {
  it('gives the sentence for the file and keeps the last useful log lines as details', () => {
    const logs = ['frame=  12 fps=0.0 q=-1.0 size=0kB time=00:00:00.40', '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found', 'Aborted()'];
    const failure = ffmpegFailure(logs, 'shop.mp4');
    expect(failure).toBeInstanceOf(MediaFailure);
    expect(failure.code).toBe('truncated');
    expect(failure.message).toContain('“shop.mp4”');
    expect(failure.message).not.toContain('moov');
    expect(failure.details).toBe('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found');
    expect(ffmpegFailure(['Aborted()'], 'a.mp4', 'unreadable')).toMatchObject({ code: 'unreadable', details: 'ffmpeg printed nothing.' });
  });
});

describe('toMediaFailure', () => {
  it('names probe problems, fast-engine steps, browser codec exceptions and wasm crashes', () => {
    expect(toMediaFailure(new ProbeError('no-video', 'No video stream.'), 'a.m4a')).toMatchObject({ code: 'no-video', details: 'No video stream.' });
    expect(toMediaFailure(new ProbeError('codec-unsupported', 'x', 'apcn'), 'a.mov').message).toContain('apcn');
    expect(toMediaFailure(new EngineUnsupportedError('decode', 'This browser cannot decode hevc video.'), 'h.mp4').code).toBe('codec-unsupported');
    expect(toMediaFailure(new EngineUnsupportedError('encode', 'The H.264 encoder failed.'), 'h.mp4').code).toBe('failed');
    const decodeError = new MediaError('Decoding error.');
    decodeError.name = 'EncodingError'; // a DOMException's name, carried across the worker boundary
    expect(toMediaFailure(decodeError, 'c.mp4').code).toBe('truncated');
    expect(toMediaFailure(new RangeError('Array buffer allocation failed'), 'big.mp4').code).toBe('out-of-memory');
    expect(toMediaFailure(new Error('something odd'), 'x.mp4')).toMatchObject({ code: 'failed', details: 'something odd' });
  });
  it('passes named failures and cancellations through unchanged', () => {
    const cancelled = new CancelledError();
    expect(toMediaFailure(cancelled, 'x.mp4')).toBe(cancelled);
    expect(cancelled).toBeInstanceOf(MediaFailure);
    expect(cancelled.code).toBe('cancelled');
  });
});

describe('media worker failures', () => {
  it('cross from the worker as coded values and name the same failure on the app side', () => {
    const across = (err: unknown) => toMediaFailure(mediaErrorOf(structuredClone(mediaFailureOf(err))), 'a.mp4');
    const step = mediaErrorOf(mediaFailureOf(new EngineUnsupportedError('demux', 'no moov')));
    expect(step).toBeInstanceOf(EngineUnsupportedError);
    expect(step).toMatchObject({ code: 'demux', message: 'no moov' });
    expect(across(new DOMException('too big', 'QuotaExceededError')).code).toBe('out-of-memory');
    expect(across(new Error('memory access out of bounds')).code).toBe('out-of-memory');
    expect(across(new EngineUnsupportedError('decode', 'x')).code).toBe('codec-unsupported');
  });
});

describe('sentences', () => {
  it('say what went wrong, which file, and what to do, for every code', () => {
    const codes: MediaFailureCode[] = ['unreadable', 'no-video', 'truncated', 'out-of-memory', 'codec-unsupported', 'engine-start', 'cancelled', 'failed'];
    for (const code of codes) {
      const text = failureSentence(code, { fileName: 'live-0314.mp4' });
      expect(text.length, code).toBeGreaterThan(30);
      if (code !== 'engine-start' && code !== 'cancelled') expect(text, code).toContain('“live-0314.mp4”');
      expect(text, code).not.toMatch(/ffmpeg|stderr|exit code|undefined/i);
    }
    expect(detailsOf(new MediaFailure('failed', { fileName: 'a' }, 'raw'))).toBe('raw');
    expect(detailsOf(new Error('plain'))).toBeUndefined();
  });
});
