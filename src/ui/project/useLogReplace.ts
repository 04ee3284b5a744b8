import { useState } from 'preact/hooks';
import { ImportError, type ParsedLog, parseLogFile, readProductListFile, readStartFile } from '../../app/importFlow';
import type { ProductList } from '../../domain/clicklog/productList';
import { checkReplacement, type ReplacementCheck } from '../../domain/clicklog/replacement';
import type { StoredProject } from '../../app/stores/projectStore';
import type { ClickLog } from '../../domain/clicklog/model';
import { combineLogs } from '../../domain/clicklog/merge';
import { effectiveStreamStart } from '../../domain/recording/streamStart';
import { useJob } from '../common/useJob';

/**
 * A log that looks wrong, waiting for the user's answer; nothing is stored yet. `log` is what
 * would be stored: the dropped log, or the stored one with it added (`adding`).
 */
export interface PendingReplacement {
  log: ClickLog;
  warnings: string[];
  adding: boolean;
  check: ReplacementCheck;
}

type Outcome = { kind: 'ask'; pending: PendingReplacement } | { kind: 'stored' | 'unchanged'; warnings: string[] };

type ToStore = Omit<PendingReplacement, 'check'>;

/**
 * What dropping `parsed` on a project with `stored` stores (`combineLogs`): it beside the stored
 * files of other kinds, or in place of the file of its kind; `unchanged` (with why) when it is left out.
 */
function beside(stored: ClickLog, parsed: ParsedLog): ToStore | { unchanged: string[] } {
  const combined = combineLogs(stored, parsed.log);
  if (combined.kept.length === 0) return { log: parsed.log, warnings: parsed.warnings, adding: false };
  // Left out (analytics beside a click log): nothing changes, and the warning says why.
  if (combined.log === stored) return { unchanged: combined.warnings };
  const kept = combined.kept.map((p) => p.fileName).join(' and ');
  const replaced = combined.replaced.map((p) => p.fileName).join(' and ');
  const said = replaced
    ? `${parsed.log.fileName} replaced ${replaced}; ${kept} is kept beside it.`
    : `${parsed.log.fileName} was added beside ${kept}: the highlights use both.`;
  return { log: combined.log, warnings: [said, ...parsed.warnings, ...combined.warnings], adding: true };
}

type Ready = Extract<StoredProject, { status: 'ready' }>;

interface Options {
  /** The open project (its log, if any, is what a replacement is checked against); undefined while it loads. */
  data: Ready | undefined;
  /** Stores the log; false when the project is gone. */
  store: (log: ClickLog) => Promise<boolean>;
  /** The stored log without the product list's names: a log of another kind is merged with it. */
  storedLog: () => ClickLog | undefined;
  /** A dropped date file sets the stream start instead. */
  setStart: (ms: number, file: string) => void;
  /** A dropped product list is stored as the project's product list instead. */
  setProductList: (list: ProductList, warnings: string[]) => void;
  onReplaced: (warnings: string[]) => void;
}

/**
 * Adding or replacing the log: parsed in the worker as a job. A log of a kind the project has no
 * file of (a chat log beside a click log) is added beside it; one of a kind it has takes that
 * file's place (`combineLogs`). One that `checkReplacement` finds clearly wrong waits in `pending` until the
 * user stores it anyway or keeps the current log. A normal one is stored without a question.
 */
export function useLogReplace({ data, store, storedLog, setStart, setProductList, onReplaced }: Options) {
  const job = useJob();
  const [error, setError] = useState<ImportError | null>(null);
  const [pending, setPending] = useState<PendingReplacement | null>(null);

  const fail = (file: string, e: unknown) => setError(e instanceof ImportError ? e : new ImportError(`${file}: ${(e as Error).message}`));

  const replace = async (file: File) => {
    // A date file dropped here sets the stream start rather than failing as a log.
    const startMs = await readStartFile(file);
    if (startMs !== undefined) return void setStart(startMs, file.name);
    const listed = await readProductListFile(file);
    if (listed) return void setProductList(listed.list, listed.warnings);
    setError(null);
    setPending(null);
    try {
      const outcome = await job.run('Reading the log', async (): Promise<Outcome | undefined> => {
        const parsed = await parseLogFile(file);
        const log = data?.log;
        const stored = storedLog();
        const toStore = log && stored ? beside(stored, parsed) : { log: parsed.log, warnings: parsed.warnings, adding: false };
        if ('unchanged' in toStore) return { kind: 'unchanged', warnings: toStore.unchanged };
        if (data && log) {
          const { project } = data;
          const { meta } = project.recording;
          // The stream start that applies with a log whose own start is `logMs` (the project's, the log's, the recording's…).
          const startFor = (logMs: number | undefined) =>
            effectiveStreamStart({
              chosenMs: project.streamStartMs,
              chosenFile: project.streamStartFile,
              logMs,
              creationTimeMs: meta.creationTimeMs,
              recordingName: project.recording.name,
            })?.ms;
          const offsetSec = project.offsetSec ?? 0;
          const check = checkReplacement({
            current: log,
            next: parsed.log,
            coverage: parsed.coverage,
            durationSec: meta.durationSec,
            currentBase: { streamStartMs: startFor(log.streamStartMs), offsetSec },
            nextBase: { streamStartMs: startFor(parsed.log.streamStartMs), offsetSec },
          });
          if (check.problems.length > 0) return { kind: 'ask', pending: { ...toStore, check } };
        }
        return (await store(toStore.log)) ? { kind: 'stored', warnings: toStore.warnings } : undefined;
      });
      if (outcome?.kind === 'ask') setPending(outcome.pending);
      else if (outcome) onReplaced(outcome.warnings);
    } catch (e) {
      fail(file.name, e);
    }
  };

  /** "Replace anyway" / "Add anyway": store the pending log. */
  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    try {
      if (await store(p.log)) onReplaced(p.warnings);
    } catch (e) {
      fail(p.check.next.fileName, e);
    }
  };

  return {
    busy: job.job !== null,
    error,
    dismissError: () => setError(null),
    pending,
    replace,
    confirm,
    /** "Keep the current log": forget the replacement; nothing was stored. */
    keep: () => setPending(null),
  };
}
