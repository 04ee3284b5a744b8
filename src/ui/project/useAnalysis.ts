import { useEffect, useState } from 'preact/hooks';
import { NeedsStreamStartError, type Analysis, type TimeBase } from '../../domain/selection/analysis';
import type { ClickLog } from '../../domain/clicklog/model';
import type { SelectionOptions } from '../../domain/selection/model';
import type { Loudness } from '../../domain/recording/loudness';
import { messageOf } from '../../domain/errors/messageOf';
import { CancelledError } from '../../domain/errors/mediaFailure';
import { savePicks } from '../../app/picks';
import { analysis } from '../../app/services';

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; last?: Analysis }
  | { status: 'done'; result: Analysis }
  | { status: 'needs-start' }
  | { status: 'error'; message: string };

/**
 * Re-runs selection in the worker whenever its inputs change. The log is sent to the worker
 * once and forgotten there when it is replaced or the view closes; a newer run cancels an older one.
 */
export function useAnalysis(
  projectId: string,
  log: ClickLog | undefined,
  durationSec: number,
  streamStartMs: number | undefined,
  offsetSec: number,
  options: SelectionOptions,
  loudness: Loudness | undefined,
): AnalysisState {
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  useEffect(() => {
    if (log) return () => analysis().unload(log);
  }, [log]);
  useEffect(() => {
    if (!log) {
      setState({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    // The last list stays on screen while newer runs replace one another.
    setState((s) => {
      const last = s.status === 'done' ? s.result : s.status === 'running' ? s.last : undefined;
      return last ? { status: 'running', last } : { status: 'running' };
    });
    // Debounced so dragging the length slider does not post a run per pixel.
    const timer = setTimeout(() => {
      analysis()
        .select(log, durationSec, timeBase(streamStartMs, offsetSec), options, loudness, abort.signal)
        .then(async (result) => {
          if (abort.signal.aborted) return;
          setState({ status: 'done', result });
          await savePicks(projectId, result.picks);
        })
        .catch((e: unknown) => {
          if (abort.signal.aborted || e instanceof CancelledError) return;
          setState(e instanceof NeedsStreamStartError ? { status: 'needs-start' } : { status: 'error', message: messageOf(e) });
        });
    }, 120);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [projectId, log, durationSec, streamStartMs, offsetSec, options, loudness]);
  return state;
}

const timeBase = (streamStartMs: number | undefined, offsetSec: number): TimeBase =>
  streamStartMs === undefined ? { offsetSec } : { streamStartMs, offsetSec };
