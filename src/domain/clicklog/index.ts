export { parseClickLog, parseClickLogBytes, type ClickLogResult } from './parse';
export type { LogErrorCode, LogNotice, LogNoticeCode, LogRejectedRow } from './result';
export { resolveTimes, needsStreamStart, earliestAbsoluteMs } from './resolve';
export { parseRelativeTime, parseAbsoluteTime } from './time';
export { FIELD_ALIASES, EVENT_ALIASES, normaliseName } from './fields';
export { MAX_REJECTED } from './builder';
