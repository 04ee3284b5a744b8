import { useRef, useState } from 'preact/hooks';
import { findHostPath } from '../../app/followHost';
import { followHostPins, type RunCommand } from '../../domain/edit/commands';
import type { ReframeSource } from '../../domain/edit/reframe';
import { messageOf } from '../../domain/errors/messageOf';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import { useJob } from '../common/useJob';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "Follow the host" for the open clip: finds the faces (a job, with progress and Cancel), puts the
 * path's pins into the edit, and says what it found. `status` goes under the reframe choice.
 */
export function useFollowHost(recording: Blob, clip: { start: number; end: number }, source: ReframeSource, run: RunCommand) {
  const { job, run: runJob, cancel } = useJob();
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const latest = useRef(run);
  latest.current = run;

  const start = async () => {
    setNote(null);
    try {
      const found = await runJob('Following the host', (hooks) => findHostPath(recording, clip, source, hooks));
      if (!found) return;
      latest.current(followHostPins, found.pins);
      setNote({
        failed: false,
        text:
          found.pins.length === 0
            ? `No face was found in this clip (${plural(found.frames, 'frame')} looked at): the crop stays in the centre. Drag the picture or pin the crop to frame the host yourself.`
            : `Following the host: a face in ${found.withFace} of ${plural(found.frames, 'frame')}; the crop moves ${plural(found.pins.length - 1, 'time')}.${
                found.bySpeaker > 0
                  ? ` Where two people don't fit together, the one speaking is framed (the side their voice is on): ${plural(found.bySpeaker, 'frame')}.`
                  : ''
              } Pin the crop to change the path.`,
      });
    } catch (err) {
      setNote({ failed: true, text: `The host could not be followed: ${messageOf(err)}` });
    }
  };

  const status = (
    <>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {note &&
        (note.failed ? (
          <ErrorNote message={note.text} onDismiss={() => setNote(null)} />
        ) : (
          <p class="muted small" role="status" data-testid="follow-note">
            {note.text}
          </p>
        ))}
    </>
  );
  return { start, busy: job !== null, status };
}
