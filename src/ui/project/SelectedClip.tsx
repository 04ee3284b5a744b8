import type { RefObject } from 'preact';
import type { ProjectRecord } from '../../app/projects';
import type { TimeBase } from '../../domain/selection/analysis';
import type { Clip, ClipOverride } from '../../domain/clip/override';
import type { ClickLog } from '../../domain/clicklog/model';
import type { Loudness } from '../../domain/recording/loudness';
import type { SaidSpan } from '../../domain/clip/trimSnap';
import { ClipActions } from './ClipActions';
import { clipLength } from './ClipList';
import { ClipReview } from './ClipReview';
import { ClipWhy } from './ClipWhy';

interface Props {
  /** The panel a choice in the list or chart scrolls into view. */
  panelRef: RefObject<HTMLElement | null>;
  clip: Clip;
  project: ProjectRecord;
  recording: Blob;
  log: ClickLog;
  timeBase: TimeBase;
  loudness: Loudness | undefined;
  /** The recording's transcribed speech (none until transcribed). */
  said: readonly SaidSpan[];
  /** Whether the selection snapped edges to pauses. */
  snapping: boolean;
  onOverride: (override: ClipOverride | undefined) => void;
}

/** The chosen clip: its preview and trim, why it was picked, the next step and its downloads. */
export function SelectedClip({ panelRef, clip, project, recording, log, timeBase, loudness, said, snapping, onOverride }: Props) {
  const { meta } = project.recording;
  return (
    <aside class="side-col" aria-label="Selected clip" ref={panelRef}>
      <h2>
        #{clip.rank} {clip.productName ?? clip.productId}
      </h2>
      <ClipReview
        recording={recording}
        clip={clip}
        durationSec={meta.durationSec}
        log={log}
        timeBase={timeBase}
        weights={project.selection.weights}
        loudness={loudness}
        said={said}
        onOverride={onOverride}
      />
      <ClipWhy clip={clip} snapping={snapping} />
      {/* The page's next step, kept in view at the bottom of the screen. */}
      <div class="action-bar">
        <p class="action-bar-what">
          <strong>
            #{clip.rank} {clip.productName ?? clip.productId}
          </strong>{' '}
          <span class="muted">{clipLength(clip)}</span>
        </p>
        <a class="btn primary" href={`#/p/${project.id}/edit/${encodeURIComponent(clip.key)}`}>
          Auto-edit<span class="wide-only"> (9:16 short)</span>
        </a>
      </div>
      <ClipActions project={project} recording={recording} recordingName={project.recording.name} meta={meta} clip={clip} />
    </aside>
  );
}
