import { useEffect, useState } from 'preact/hooks';
import type { Analysis, TimeBase } from '../domain/analysis';
import type { ClickLog, SelectionOptions } from '../domain/events';
import type { Loudness } from '../domain/loudness';
import { savePicks } from '../storage/projects';
import { analysis } from './services';

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; last?: Analysis }
  | { status: 'done'; result: Analysis }
  | { status: 'needs-start' }
  | { status: 'error'; message: string };

/** Re-runs selection in the worker whenever its inputs change; stale answers are dropped. */
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
    if (!log) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'running', ...(s.status === 'done' && { last: s.result }) }));
    // Debounced so dragging the length slider does not queue a run per pixel.
    const timer = setTimeout(() => {
      analysis()
        .analyse(log, durationSec, timeBase(streamStartMs, offsetSec), options, loudness)
        .then(async (result) => {
          if (!live) return;
          setState({ status: 'done', result });
          await savePicks(projectId, result.picks);
        })
        .catch((e: unknown) => {
          if (!live) return;
          const err = e as Error & { code?: string };
          setState(err.code === 'NeedsStreamStartError' ? { status: 'needs-start' } : { status: 'error', message: err.message });
        });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [projectId, log, durationSec, streamStartMs, offsetSec, options, loudness]);
  return state;
}

const timeBase = (streamStartMs: number | undefined, offsetSec: number): TimeBase =>
  streamStartMs === undefined ? { offsetSec } : { streamStartMs, offsetSec };
