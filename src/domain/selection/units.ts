import { CLICK_LOG_KINDS, EVENT_KINDS, SPOKEN_KINDS, type EventKind } from '../clicklog/model';
import { weightOf as kindWeight, type Weights } from './model';

/**
 * Each kind's weight, and what one of its events counts for where the selection *counts*
 * events (windows, bursts): a scored click-log kind counts 1, as it always has; a chat/event-log
 * kind counts its weight (at most 1), so a stream of comments or likes cannot shape a moment the
 * way the same number of clicks does: clicks, where they exist, lead. What the host says counts
 * twice its weight: a pitch names its product and says its price a few times, not hundreds, so one
 * said price must stand for the seconds of pitch around it (a burst needs 3 units above the rest).
 */
export function countUnits(weights: Partial<Weights>): { weightOf: number[]; unit: number[] } {
  const weightOf = EVENT_KINDS.map((k) => kindWeight(weights, k));
  const spoken = new Set<EventKind>(SPOKEN_KINDS);
  const unit = weightOf.map((w, k) => (w > 0 ? (k < CLICK_LOG_KINDS.length ? 1 : spoken.has(EVENT_KINDS[k]!) ? 2 * w : Math.min(1, w)) : 0));
  return { weightOf, unit };
}
