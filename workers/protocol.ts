import type { Analysis, TimeBase } from '../src/domain/analysis';
import type { ClickLogResult } from '../src/domain/clicklog/parse';
import type { ClickLog, SelectionOptions } from '../src/domain/events';
import type { Loudness } from '../src/domain/loudness';

/** Requests the analysis worker understands; each is answered once with the same `id`. */
export type AnalysisRequest =
  | { type: 'parse'; file: Blob; fileName: string }
  | {
      type: 'analyse';
      log: ClickLog;
      durationSec: number;
      timeBase: TimeBase;
      options: SelectionOptions;
      loudness: Loudness | undefined;
    };

export interface AnalysisResults {
  parse: ClickLogResult;
  analyse: Analysis;
}

/** Errors are returned, never thrown across the boundary. */
export type AnalysisResponse =
  | { id: number; ok: true; result: AnalysisResults[AnalysisRequest['type']] }
  | { id: number; ok: false; error: string; code?: string };
