import { describe, expect, it } from 'vitest';
import { effectiveStreamStart, parseCreationTime, parseDateText, startFromFileName } from '../../src/domain/recording/streamStart';

// File names and zone-less text are local time: expected values are built in the test machine's zone.
const local = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();
const at19 = local(2026, 3, 14, 19, 0, 5);

describe('startFromFileName', () => {
  it.each([
    ['2026-03-14 19-00-05.mkv', at19], // OBS default
    ['Replay 2026-03-14 19-00-05.mp4', at19], // OBS with a prefix
    ['2026-03-14_19-00-05-shop.mkv', at19], // OBS with underscores and a suffix
    ['My Game 2026-03-14 19-00-05.mp4', at19], // Windows Game Bar
    ['Screen Recording 2026-03-14 at 19.00.05.mov', at19], // macOS
    ['Screen Recording 2026-03-14 at 7.00.05\u202fPM.mov', at19], // older macOS, 12-hour clock
    ['Bildschirmaufnahme 2026-03-14 um 19.00.05.mov', at19], // macOS in German
    ['Desktop 2026.03.14 - 19.00.05.02.DVR.mp4', at19], // ShadowPlay
    ['VID_20260314_190005.mp4', at19], // Android
    ['20260314_190005.mp4', at19], // Samsung
    ['PXL_20260314_190005123.mp4', local(2026, 3, 14, 19, 0, 5, 123)], // Pixel, with milliseconds
    ['C:\\Videos\\2026-03-14 19-00-05.mkv', at19],
  ])('%s', (name, expected) => {
    expect(startFromFileName(name)).toBe(expected);
  });

  it.each([
    'stream.mp4',
    'rec-20s.mp4',
    '2026-02-30 19-00-05.mkv', // no 30 February
    '2026-03-14 25-00-05.mkv',
    '2026-13-14 19-00-05.mkv',
    '1999-03-14 19-00-05.mkv', // before any plausible recording
    'Screen Recording 2026-03-14 at 13.00.05 PM.mov',
    '2026-03-14 19-00-0512.mkv', // digits run on: not a time
    'VID_20260314_19000.mp4',
    'IMG_123456789012345.mp4',
  ])('rejects %s', (name) => {
    expect(startFromFileName(name)).toBeUndefined();
  });
});

describe('parseDateText', () => {
  it('reads ISO with a zone as written and without one as local time', () => {
    expect(parseDateText('2026-03-14T18:00:05Z\n')).toBe(Date.UTC(2026, 2, 14, 18, 0, 5));
    expect(parseDateText('  2026-03-14 20:00:05+02:00 ')).toBe(Date.UTC(2026, 2, 14, 18, 0, 5));
    expect(parseDateText('2026-03-14 19:00:05')).toBe(at19);
    expect(parseDateText('2026-03-14T19:00')).toBe(local(2026, 3, 14, 19, 0, 0));
    expect(parseDateText('2026-03-14T19:00:05.25')).toBe(local(2026, 3, 14, 19, 0, 5, 250));
  });
  it('reads epoch seconds and milliseconds', () => {
    expect(parseDateText('1773511205')).toBe(1773511205000);
    expect(parseDateText('1773511205000')).toBe(1773511205000);
  });
  it.each(['', 'hello', '2026-03-14', '19:00:05', '2026-03-14 19:00:05 and more', '2026-02-30 19:00:05', '42', 'time,event\n1,click'])('rejects %j', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});

describe('parseCreationTime', () => {
  it('reads ffprobe creation_time as UTC', () => {
    expect(parseCreationTime('2026-03-14T18:00:05.000000Z')).toBe(Date.UTC(2026, 2, 14, 18, 0, 5));
    expect(parseCreationTime('2026-03-14 18:00:05')).toBe(Date.UTC(2026, 2, 14, 18, 0, 5));
  });
  it('drops the zero dates muxers write when they know nothing', () => {
    expect(parseCreationTime('1904-01-01T00:00:00.000000Z')).toBeUndefined();
    expect(parseCreationTime('1970-01-01T00:00:00.000000Z')).toBeUndefined();
    expect(parseCreationTime('not a date')).toBeUndefined();
    expect(parseCreationTime(undefined)).toBeUndefined();
  });
});

describe('effectiveStreamStart', () => {
  const all = { chosenMs: 1, logMs: 2, creationTimeMs: 3, recordingName: '2026-03-14 19-00-05.mkv' };
  it('prefers the user, then the log, then creation_time, then the file name', () => {
    expect(effectiveStreamStart(all)).toEqual({ ms: 1, source: 'user' });
    expect(effectiveStreamStart({ ...all, chosenFile: 'start.txt' })).toEqual({ ms: 1, source: 'date-file', file: 'start.txt' });
    expect(effectiveStreamStart({ ...all, chosenMs: undefined })).toEqual({ ms: 2, source: 'log' });
    expect(effectiveStreamStart({ ...all, chosenMs: undefined, logMs: undefined })).toEqual({ ms: 3, source: 'creation-time' });
    expect(effectiveStreamStart({ recordingName: all.recordingName })).toEqual({ ms: at19, source: 'file-name', file: all.recordingName });
  });
  it('is undefined when nothing tells', () => {
    expect(effectiveStreamStart({ recordingName: 'stream.mp4' })).toBeUndefined();
    expect(effectiveStreamStart({})).toBeUndefined();
  });
});
