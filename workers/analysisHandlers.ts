import { LogAnalyser } from '../src/domain/selection/analysis';
import { parseClickLogBytes } from '../src/domain/clicklog/parse';
import type { Loudness } from '../src/domain/recording/loudness';
import { spokenSignals } from '../src/domain/speech/spokenSignals';
import type { Handlers } from './dispatch';
import { NOT_RESIDENT } from './protocol';

/**
 * Logs the worker holds at once (a 1 M-event log is ~14 MB plus ~8 MB of resolved times): the
 * open project's and one more, e.g. a replacement being parsed. The least recently used goes.
 */
export const MAX_RESIDENT_LOGS = 2;

class NotResidentError extends Error {
  override name = NOT_RESIDENT;
}

interface Resident {
  analyser: LogAnalyser;
  loudness?: Loudness;
}

/** The analysis worker's requests, over the logs it holds. */
export function analysisHandlers(): Handlers {
  const logs = new Map<string, Resident>();
  // Map order is insertion order: re-inserting on use keeps the least recently used first.
  const touch = (key: string, r: Resident) => {
    logs.delete(key);
    logs.set(key, r);
    for (const old of logs.keys()) if (logs.size > MAX_RESIDENT_LOGS) logs.delete(old);
  };
  const resident = (key: string) => {
    const r = logs.get(key);
    if (!r) throw new NotResidentError(`The worker does not hold log ${key}.`);
    touch(key, r);
    return r;
  };

  return {
    parse: async ({ file, fileName, key }) => {
      // Bytes, not file.text(): the parser tells binaries, UTF-16 and Windows-1252 from UTF-8.
      const result = parseClickLogBytes(new Uint8Array(await file.arrayBuffer()), fileName);
      if (result.ok) touch(key, { analyser: new LogAnalyser(result.log) });
      return result;
    },
    load: ({ key, log }) => {
      touch(key, { analyser: new LogAnalyser(log) });
      return null;
    },
    loudness: ({ key, loudness }) => {
      resident(key).loudness = loudness;
      return null;
    },
    select: ({ key, durationSec, timeBase, options }) => {
      const { analyser, loudness } = resident(key);
      return analyser.run(durationSec, timeBase, options, loudness);
    },
    unload: ({ key }) => {
      logs.delete(key);
      return null;
    },
    spoken: ({ segments, products, durationSec, loudness }) => spokenSignals(segments, products, durationSec, loudness),
  };
}
