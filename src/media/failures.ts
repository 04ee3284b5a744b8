/**
 * Every media error the app shows is a MediaFailure: a code and a sentence for the seller, the
 * engine's own text as details. This turns what the engines throw (ffmpeg logs, wasm exceptions,
 * WebCodecs DOMExceptions, our own engine errors) into one.
 */
import { MediaFailure, type MediaFailureCode } from '../domain/errors/mediaFailure';
import { messageOf } from '../domain/errors/messageOf';
import { EngineUnsupportedError } from './engine';
import { ProbeError } from './ffmpeg/probe';

/** First match wins: running out of memory can surface as any other symptom, so it goes first. */
const PATTERNS: Array<[MediaFailureCode, RegExp]> = [
  ['out-of-memory', /Cannot allocate memory|out of memory|\bOOM\b|memory access out of bounds|Array buffer allocation failed|Cannot enlarge memory/i],
  ['truncated', /moov atom not found|partial file|File ended prematurely|Truncating packet|End of file/i],
  ['no-video', /matches no streams|does not contain any stream|no video stream|no video track/i],
  ['codec-unsupported', /Decoder \(codec [^)]*\) not found|Unknown decoder|not currently supported|unsupported codec|cannot decode/i],
  ['unreadable', /Invalid data found when processing input|EBML header parsing failed|could not find codec parameters|Unknown format|error reading header/i],
];

/** Names a failure from the text an engine printed or threw. */
export function classifyText(text: string): { code: MediaFailureCode; codec?: string } {
  const code = PATTERNS.find(([, re]) => re.test(text))?.[0] ?? 'failed';
  const codec = /Decoder \(codec (\w+)\) not found/.exec(text)?.[1];
  return codec && codec !== 'none' ? { code, codec } : { code };
}

/** What a WebCodecs engine step that gave up means for the user. */
const ENGINE_STEP: Record<EngineUnsupportedError['code'], MediaFailureCode> = {
  'no-webcodecs': 'codec-unsupported',
  decode: 'codec-unsupported',
  codec: 'codec-unsupported',
  encode: 'failed',
  demux: 'unreadable',
  mux: 'failed',
};

/** DOMException names the browser's codecs use, by what they mean here. */
const DOM_NAMES: Record<string, MediaFailureCode> = {
  QuotaExceededError: 'out-of-memory',
  NotSupportedError: 'codec-unsupported',
  EncodingError: 'truncated',
};

export function toMediaFailure(err: unknown, fileName: string): MediaFailure {
  if (err instanceof MediaFailure) return err;
  const details = messageOf(err);
  if (err instanceof ProbeError) return new MediaFailure(err.code, { fileName, ...(err.codec && { codec: err.codec }) }, details);
  if (err instanceof EngineUnsupportedError) return new MediaFailure(ENGINE_STEP[err.code], { fileName }, details);
  const byName = err instanceof Error ? DOM_NAMES[err.name] : undefined;
  const { code, codec } = byName ? { code: byName, codec: undefined } : classifyText(details);
  return new MediaFailure(code, { fileName, ...(codec && { codec }) }, details);
}
