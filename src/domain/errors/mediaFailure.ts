/**
 * Why a media job failed, named: each code has one sentence a seller can act on (what went wrong,
 * which file, what to do). The engines' raw text is kept apart as details, never as the sentence.
 */
export type MediaFailureCode =
  | 'unreadable'
  | 'no-video'
  | 'truncated'
  | 'out-of-memory'
  | 'codec-unsupported'
  | 'engine-start'
  | 'engine-download'
  | 'cancelled'
  | 'failed';

/** What the sentence may mention beside the file: the codec, when it is known. */
export interface FailureContext {
  fileName: string;
  codec?: string;
}

const quoted = (name: string) => `“${name}”`;

const SENTENCES: Record<MediaFailureCode, (c: FailureContext) => string> = {
  unreadable: ({ fileName }) =>
    `${quoted(fileName)} could not be read as a video: it is not a format this app reads, or it is damaged. ` +
    'Export or download it again as MP4 (H.264) and drop that file.',
  'no-video': ({ fileName }) =>
    `${quoted(fileName)} has no video this app can use (only sound, a still picture or data). Drop the recording itself: MP4, MOV, WebM or MKV.`,
  truncated: ({ fileName }) =>
    `${quoted(fileName)} is cut short or damaged: part of the file is missing. ` +
    'If it is still being recorded, copied or downloaded, wait until that finishes and drop the finished file.',
  'out-of-memory': ({ fileName }) =>
    `The browser ran out of memory while working on ${quoted(fileName)}. Close other tabs, choose a shorter clip or the 720×1280 size, and try again.`,
  'codec-unsupported': ({ fileName, codec }) =>
    `${quoted(fileName)} uses a codec${codec ? ` (${codec})` : ''} that cannot be decoded here. ` +
    'If Advanced → Video engine is set to the fast engine only, set it back to Automatic; otherwise convert the recording to MP4 (H.264) and drop it again.',
  'engine-start': () => 'The video engine could not start. Reload the page and try again; to work offline, open the app once while online first.',
  'engine-download': () =>
    'The video engine (a one-time download) could not be downloaded, so nothing was changed. Check the connection and try again; to work offline later, choose "Keep everything for offline use" while online.',
  cancelled: () => 'Cancelled: nothing was made and nothing was changed.',
  failed: ({ fileName }) =>
    `Working on ${quoted(fileName)} failed for a reason the app could not name. Try again; if it fails again, ` +
    'choose the other video engine under Advanced → Video engine.',
};

export const failureSentence = (code: MediaFailureCode, context: FailureContext): string => SENTENCES[code](context);

/** A media job that failed for a named reason; `details` holds the engine's own words. */
export class MediaFailure extends Error {
  override name = 'MediaFailure';
  constructor(
    readonly code: MediaFailureCode,
    readonly context: FailureContext,
    readonly details?: string,
  ) {
    super(failureSentence(code, context));
  }
}

/** The user cancelled (a media job, a transcription, an analysis run): a named failure that views show as nothing at all. */
export class CancelledError extends MediaFailure {
  override name = 'CancelledError';
  constructor() {
    super('cancelled', { fileName: '' });
  }
}

/** The raw text behind an error, for a "Details" disclosure (none for plain errors). */
export const detailsOf = (err: unknown): string | undefined => (err instanceof MediaFailure ? err.details : undefined);
