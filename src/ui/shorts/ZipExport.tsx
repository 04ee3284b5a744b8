import { asError } from '../../domain/errors/messageOf';
import { useState } from 'preact/hooks';
import { canPickSaveFile, openFileSink, ZIP } from '../../app/browser/fileSink';
import type { ProjectRecord } from '../../app/projects';
import type { SavedShort } from '../../app/shorts';
import { writeZip } from '../../app/zipExport';
import { clipZipItem, shortZipItem } from '../../app/zipItems';
import type { Clip } from '../../domain/clip/override';
import { formatBytes, slug } from '../../domain/format';
import { LISTING_FILES } from '../../domain/shorts/listing';
import { detailsOf } from '../../domain/errors/mediaFailure';
import { useJob } from '../common/useJob';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';

interface Props {
  project: ProjectRecord;
  recording: Blob;
  clips: readonly Clip[];
  /** The saved shorts chosen for the ZIP. */
  shorts: readonly SavedShort[];
}

type Source = 'shorts' | 'clips';

/** "Download all as ZIP": the chosen shorts or the raw clips, streamed into one file, with their listing. */
export function ZipExport({ project, recording, clips, shorts }: Props) {
  /** null until the user chooses: the shorts when there are any. */
  const [source, setSource] = useState<Source | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const { job, run, cancel } = useJob();
  const from: Source = (source ?? 'shorts') === 'shorts' && shorts.length > 0 ? 'shorts' : 'clips';
  const count = from === 'shorts' ? shorts.length : clips.length;

  const download = async () => {
    setError(null);
    setDone(null);
    const name = `${slug(project.name)}-${from}.zip`;
    try {
      const sink = await openFileSink(name, ZIP);
      if (!sink) return;
      // In the clips' order (a clip's shorts oldest first), as the clip list and the listing read.
      const byRank = [...shorts].sort((a, b) => a.rank - b.rank || a.createdAt - b.createdAt);
      const items = from === 'shorts' ? byRank.map(shortZipItem) : clips.map((c) => clipZipItem(project, recording, c));
      const label = `Zipping ${count} ${from === 'shorts' ? 'short' : 'clip'}${count === 1 ? '' : 's'}`;
      const bytes = await run(label, async (job) => {
        try {
          return await writeZip(items, sink.stream, {
            signal: job.signal,
            onProgress: (p) => {
              job.phase(p.label, { index: p.index, count: p.count, ratio: p.fileRatio });
              job.onProgress({ ratio: p.overall });
            },
          });
        } catch (e) {
          // Cancelled or failed: no half-written ZIP is left behind where the browser lets us remove it.
          await sink.discard();
          throw e;
        }
      });
      setDone(
        bytes === undefined
          ? 'Cancelled: the unfinished ZIP was removed.'
          : `${name}: ${count} ${from === 'shorts' ? 'short' : 'clip'}${count === 1 ? '' : 's'} and a list of what is in it (${LISTING_FILES.csv}), ${formatBytes(bytes)}${sink.where === 'picked' ? ', saved where you chose.' : ', downloaded.'}`,
      );
    } catch (e) {
      setError(asError(e));
    }
  };
  const file = job?.phase?.step && { label: job.phase.name, ...job.phase.step };

  return (
    <div class="zip-export" data-testid="zip-export">
      <div class="zip-row">
        <div class="choice-row" role="radiogroup" aria-label="What goes in the ZIP">
          <label class="check">
            <input
              type="radio"
              name="zip-source"
              checked={from === 'shorts'}
              disabled={shorts.length === 0 || job !== null}
              onChange={() => setSource('shorts')}
            />
            Chosen shorts ({shorts.length})
          </label>
          <label class="check">
            <input type="radio" name="zip-source" checked={from === 'clips'} disabled={job !== null} onChange={() => setSource('clips')} />
            Raw clips ({clips.length}, cut one by one)
          </label>
        </div>
        <button type="button" class="btn secondary" onClick={download} disabled={job !== null || count === 0}>
          Download all as ZIP
        </button>
      </div>
      {!canPickSaveFile() && (
        <p class="muted small">
          This browser cannot write a file as it is made, so the ZIP is gathered in the browser's storage and downloaded when it is complete: it needs room for
          one copy of its size until then.
        </p>
      )}
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {file && (
        <p class="muted small" data-testid="zip-file">
          File {file.index + 1} of {file.count}: {file.label} — {Math.round(file.ratio * 100)}%
        </p>
      )}
      {done && (
        <p class="muted small" role="status" data-testid="zip-done">
          {done}
        </p>
      )}
      {error && <ErrorNote message={`The ZIP could not be made: ${error.message}`} details={detailsOf(error)} onDismiss={() => setError(null)} />}
    </div>
  );
}
