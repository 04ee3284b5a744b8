/**
 * Several logs of one stream as one (issue 19 item 1: the inputs a seller has, in any
 * combination): a per-event click log beside a chat/event log, or per-minute analytics beside a
 * chat log. Products are matched by id; events keep their times (absolute or not) and kinds.
 * Per-minute analytics beside a per-event click log are left out: they count the same clicks
 * again, coarser.
 */
import type { ClickLog, LogSignals, Product } from './model';
import { productKey } from './productList';

export interface MergedLogs {
  log: ClickLog;
  /** What was left out, and why. */
  warnings: string[];
}

const isInterval = (log: ClickLog) => log.signals?.source === 'interval';
const isClickLog = (log: ClickLog) => log.signals === undefined;

/** The logs as one, in the order given (the first one's format and stream start lead). */
export function mergeLogs(given: readonly ClickLog[]): MergedLogs {
  const clickLog = given.find(isClickLog);
  const dropped = clickLog ? given.filter(isInterval) : [];
  const logs = given.filter((l) => !dropped.includes(l));
  const warnings = dropped.map(
    (l) => `${l.fileName} was not used: its per-minute clicks are the ones ${clickLog?.fileName} has per event, and would count twice.`,
  );
  const [first] = logs;
  if (!first) throw new RangeError('mergeLogs needs at least one log');
  if (logs.length === 1) return { log: first, warnings };

  const products: Product[] = [];
  const indexOf = new Map<string, number>();
  const remap = logs.map((l) =>
    l.products.map((p) => {
      const key = productKey(p.id);
      const known = indexOf.get(key);
      if (known === undefined) {
        indexOf.set(key, products.length);
        products.push({ ...p });
        return products.length - 1;
      }
      // A name or price only a later log has is kept; the first log's win.
      products[known] = { ...p, ...products[known]! };
      return known;
    }),
  );

  const n = logs.reduce((sum, l) => sum + l.events.time.length, 0);
  const time = new Float64Array(n);
  const absolute = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const product = new Uint32Array(n);
  let at = 0;
  logs.forEach((l, k) => {
    time.set(l.events.time, at);
    absolute.set(l.events.absolute, at);
    kind.set(l.events.kind, at);
    l.events.product.forEach((p, i) => {
      product[at + i] = remap[k]![p]!;
    });
    at += l.events.time.length;
  });

  const signals = mergedSignals(logs);
  const streamStartMs = logs.find((l) => l.streamStartMs !== undefined)?.streamStartMs;
  return {
    log: {
      fileName: logs.map((l) => l.fileName).join(' + '),
      format: first.format,
      ...(signals && { signals }),
      products,
      events: { time, absolute, kind, product },
      ...(streamStartMs !== undefined && { streamStartMs }),
      // Each rejected row says which file it is from: their line numbers are each file's own.
      rejected: logs.flatMap((l) => l.rejected.map((r) => ({ ...r, reason: `${l.fileName}: ${r.reason}` }))),
      rejectedCount: logs.reduce((sum, l) => sum + l.rejectedCount, 0),
    },
    warnings,
  };
}

/**
 * The summary of every log that is not a click log; `interval` when one is (its clicks are spread
 * over their minutes, so the selection treats clicks as coarse), else `chat`.
 */
function mergedSignals(logs: readonly ClickLog[]): LogSignals | undefined {
  const read = logs.flatMap((l) => (l.signals ? [l.signals] : []));
  if (read.length === 0) return undefined;
  const clicks = logs.filter(isClickLog).map((l) => `${l.fileName}: clicks per event.`);
  return { source: read.some((s) => s.source === 'interval') ? 'interval' : 'chat', summary: [...clicks, ...read.map((s) => s.summary)].join(' ') };
}
