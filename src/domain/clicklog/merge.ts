/**
 * Several logs of one stream as one (issue 19 item 1: the inputs a seller has, in any
 * combination): a per-event click log beside a chat/event log, or per-minute analytics beside a
 * chat log. Products are matched by id; events keep their times (absolute or not) and kinds.
 * Per-minute analytics beside a per-event click log are left out: they count the same clicks
 * again, coarser.
 */
import type { ClickLog, LogPart, LogSignals, LogSource, Product } from './model';
import { productKey } from './productList';

export interface MergedLogs {
  log: ClickLog;
  /** What was left out, and why. */
  warnings: string[];
}

/** The files a log was read from, each with what it is. */
export const partsOf = (log: ClickLog): LogPart[] =>
  log.parts ?? [
    {
      fileName: log.fileName,
      source: log.signals?.source ?? 'clicks',
      events: log.events.time.length,
      rejectedCount: log.rejectedCount,
      ...(log.signals && { summary: log.signals.summary }),
    },
  ];

const has = (log: ClickLog, source: LogSource) => partsOf(log).some((p) => p.source === source);
const isInterval = (log: ClickLog) => partsOf(log).every((p) => p.source === 'interval');
const isClickLog = (log: ClickLog) => has(log, 'clicks');

/** `log` with only the parts at `keep` (their events, rejected rows and summaries); products stay. */
function keepParts(log: ClickLog, keep: readonly number[]): ClickLog {
  const parts = partsOf(log);
  if (keep.length === parts.length) return log;
  let at = 0;
  const ranges = parts.map((p) => {
    const from = at;
    at += p.events;
    return [from, at] as const;
  });
  const pick = <T extends Float64Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
    const out = make(keep.reduce((n, k) => n + parts[k]!.events, 0));
    let o = 0;
    for (const k of keep) {
      const [from, to] = ranges[k]!;
      out.set(a.subarray(from, to), o);
      o += to - from;
    }
    return out;
  };
  const kept = keep.map((k) => parts[k]!);
  const names = new Set(kept.map((p) => p.fileName));
  const { events } = log;
  const signals = signalsOf(kept);
  return {
    ...log,
    fileName: kept.map((p) => p.fileName).join(' + '),
    ...(signals ? { signals } : { signals: undefined }),
    parts: kept,
    events: {
      time: pick(events.time, (n) => new Float64Array(n)),
      absolute: pick(events.absolute, (n) => new Uint8Array(n)),
      kind: pick(events.kind, (n) => new Uint8Array(n)),
      product: pick(events.product, (n) => new Uint32Array(n)),
    },
    rejected: log.rejected.filter((r) => [...names].some((f) => r.reason.startsWith(`${f}: `))),
    rejectedCount: kept.reduce((n, p) => n + p.rejectedCount, 0),
  };
}

export interface CombinedLogs extends MergedLogs {
  /** The stored log's files that `next` took the place of (all of them: a plain replacement). */
  replaced: LogPart[];
  /** The stored log's files kept beside `next`. */
  kept: LogPart[];
}

/**
 * A log dropped on a project that has `current` (issue 19 item 1: the inputs a seller has, in
 * any combination). It goes beside the files of kinds it is not (a chat log beside a click log)
 * and takes the place of a file of its kind. A click log also takes the place of per-minute
 * analytics (the same clicks, finer); analytics beside a click log are left out, and said so.
 */
export function combineLogs(current: ClickLog, next: ClickLog): CombinedLogs {
  const parts = partsOf(current);
  const sources = new Set(partsOf(next).map((p) => p.source));
  const stays = (p: LogPart) => !sources.has(p.source) && !(p.source === 'interval' && sources.has('clicks'));
  const keep = parts.flatMap((p, k) => (stays(p) ? [k] : []));
  const replaced = parts.filter((p) => !stays(p));
  if (keep.length === 0) return { log: next, warnings: [], replaced, kept: [] };
  return { ...mergeLogs([keepParts(current, keep), next]), replaced, kept: keep.map((k) => parts[k]!) };
}

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

  const parts = logs.flatMap(partsOf);
  const signals = signalsOf(parts);
  const streamStartMs = logs.find((l) => l.streamStartMs !== undefined)?.streamStartMs;
  return {
    log: {
      fileName: logs.map((l) => l.fileName).join(' + '),
      format: first.format,
      ...(signals && { signals }),
      parts,
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
 * The summary of every file that is not a click log; `interval` when one is (its clicks are
 * spread over their minutes, so the selection treats clicks as coarse), else `chat`.
 */
function signalsOf(parts: readonly LogPart[]): LogSignals | undefined {
  const read = parts.filter((p) => p.source !== 'clicks');
  if (read.length === 0) return undefined;
  const summary = parts.map((p) => (p.source === 'clicks' ? `${p.fileName}: clicks per event.` : (p.summary ?? ''))).join(' ');
  return { source: read.some((p) => p.source === 'interval') ? 'interval' : 'chat', summary };
}
