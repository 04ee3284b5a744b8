import type { ClickLog, EventTable } from './model';

function hasAbsolute(events: EventTable): boolean {
  const abs = events.absolute;
  for (let i = 0; i < abs.length; i++) if (abs[i] === 1) return true;
  return false;
}

/**
 * Seconds from the recording start of event `i`: a relative time as it is, an absolute one (epoch
 * ms) minus `streamStartMs`, divided by 1000; NaN when it is absolute and no start is given.
 */
export function eventSeconds(events: EventTable, i: number, streamStartMs: number | undefined): number {
  const t = events.time[i] ?? 0;
  if (events.absolute[i] !== 1) return t;
  return streamStartMs === undefined ? Number.NaN : (t - streamStartMs) / 1000;
}

/**
 * `eventSeconds` of every event. Returns null when some event is absolute and no start is given.
 * An event before the start gets a negative time; callers decide whether to drop it.
 */
export function resolveTimes(events: EventTable, streamStartMs: number | undefined): Float64Array | null {
  const n = events.time.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (events.absolute[i] === 1 && streamStartMs === undefined) return null;
    out[i] = eventSeconds(events, i, streamStartMs);
  }
  return out;
}

/** True when some event has a clock time, so the log needs a stream start to line up with the recording. */
export const hasAbsoluteTimes = (log: ClickLog): boolean => hasAbsolute(log.events);

/** True when the log has absolute times but does not state its stream start: the user must give one. */
export function needsStreamStart(log: ClickLog): boolean {
  return log.streamStartMs === undefined && hasAbsolute(log.events);
}

/** Earliest absolute event time (epoch ms), a default for the stream start; undefined when all times are relative. */
export function earliestAbsoluteMs(log: ClickLog): number | undefined {
  const { time, absolute } = log.events;
  let min = Infinity;
  for (let i = 0; i < time.length; i++) {
    const t = time[i] ?? Infinity;
    if (absolute[i] === 1 && t < min) min = t;
  }
  return min === Infinity ? undefined : min;
}
