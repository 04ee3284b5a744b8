import { useEffect, useMemo } from 'preact/hooks';
import type { TimeBase } from '../../domain/selection/analysis';
import type { ClickLog } from '../../domain/clicklog/model';
import type { SelectionOptions } from '../../domain/selection/model';
import type { Loudness } from '../../domain/recording/loudness';
import { savePicks } from '../../app/picks';
import { analysis } from '../../app/services';
import { SelectionStore, type SelectionState } from '../../app/stores/selectionStore';
import { useStore } from '../common/useStore';

/** The project's highlights from its selection store (src/app/stores/selectionStore.ts). */
export function useSelection(
  projectId: string,
  log: ClickLog | undefined,
  durationSec: number,
  streamStartMs: number | undefined,
  offsetSec: number,
  options: SelectionOptions,
  loudness: Loudness | undefined,
): SelectionState {
  const store = useMemo(
    () =>
      new SelectionStore({
        select: (...args) => analysis().select(...args),
        unload: (l) => analysis().unload(l),
        savePicks: (picks) => savePicks(projectId, picks),
      }),
    [projectId],
  );
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => {
    const timeBase: TimeBase = streamStartMs === undefined ? { offsetSec } : { streamStartMs, offsetSec };
    store.set({ log, durationSec, timeBase, options, loudness });
  }, [store, log, durationSec, streamStartMs, offsetSec, options, loudness]);
  return useStore(store).state;
}
