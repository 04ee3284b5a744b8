import { CLICK_LOG_KINDS, EVENT_KINDS } from '../clicklog/model';
import { weightOf as kindWeight, type Weights } from './model';

/**
 * Each kind's weight, and what one of its events counts for where the selection *counts*
 * events (windows, bursts): a scored click-log kind counts 1, as it always has; a chat/event-log
 * kind counts its weight (at most 1), so a stream of comments or likes cannot shape a moment the
 * way the same number of clicks does: clicks, where they exist, lead.
 */
export function countUnits(weights: Partial<Weights>): { weightOf: number[]; unit: number[] } {
  const weightOf = EVENT_KINDS.map((k) => kindWeight(weights, k));
  const unit = weightOf.map((w, k) => (w > 0 ? (k < CLICK_LOG_KINDS.length ? 1 : Math.min(1, w)) : 0));
  return { weightOf, unit };
}
