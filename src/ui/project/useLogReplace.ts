import { useState } from 'preact/hooks';
import { ImportError, type ParsedLog, parseLogFile, readProductListFile, readStartFile } from '../../app/importFlow';
import type { ProductList } from '../../domain/clicklog/productList';
import { checkReplacement, type ReplacementCheck } from '../../domain/clicklog/replacement';
import type { StoredProject } from '../../app/stores/projectStore';
import type { ClickLog } from '../../domain/clicklog/model';
import { effectiveStreamStart } from '../../domain/recording/streamStart';
import { useJob } from '../common/useJob';

/** A replacement that looks wrong, waiting for the user's answer; nothing is stored yet. */
export interface PendingReplacement {
  parsed: ParsedLog;
  check: ReplacementCheck;
}

type Outcome = { kind: 'ask'; pending: PendingReplacement } | { kind: 'stored'; parsed: ParsedLog };

type Ready = Extract<StoredProject, { status: 'ready' }>;

interface Options {
  /** The open project (its log, if any, is what a replacement is checked against); undefined while it loads. */
  data: Ready | undefined;
  /** Stores the log; false when the project is gone. */
  store: (log: ClickLog) => Promise<boolean>;
  /** A dropped date file sets the stream start instead. */
  setStart: (ms: number, file: string) => void;
  /** A dropped product list is stored as the project's product list instead. */
  setProductList: (list: ProductList, warnings: string[]) => void;
  onReplaced: (warnings: string[]) => void;
}

/**
 * Adding or replacing the click log: parsed in the worker as a job; a replacement that
 * `checkReplacement` finds clearly wrong waits in `pending` until the user replaces anyway or
 * keeps the current log. A normal replacement is stored without a question.
 */
export function useLogReplace({ data, store, setStart, setProductList, onReplaced }: Options) {
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
      const outcome = await job.run('Replacing the click log', async (): Promise<Outcome | undefined> => {
        const parsed = await parseLogFile(file);
        const log = data?.log;
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
          if (check.problems.length > 0) return { kind: 'ask', pending: { parsed, check } };
        }
        return (await store(parsed.log)) ? { kind: 'stored', parsed } : undefined;
      });
      if (outcome?.kind === 'ask') setPending(outcome.pending);
      else if (outcome) onReplaced(outcome.parsed.warnings);
    } catch (e) {
      fail(file.name, e);
    }
  };

  /** "Replace anyway": store the pending log. */
  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    try {
      if (await store(p.parsed.log)) onReplaced(p.parsed.warnings);
    } catch (e) {
      fail(p.parsed.log.fileName, e);
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
