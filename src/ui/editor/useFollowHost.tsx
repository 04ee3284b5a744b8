import { useEffect, useRef, useState } from 'preact/hooks';
import { findHostPath, type HostPath, looksForHostByDefault } from '../../app/followHost';
import { followHostPins, reframeUntouched, type RunCommand } from '../../domain/edit/commands';
import type { ClipEdit } from '../../domain/edit/model';
import type { ReframeSource } from '../../domain/edit/reframe';
import { messageOf } from '../../domain/errors/messageOf';
import { ErrorNote } from '../common/ErrorNote';
import { JobProgressBar } from '../common/JobProgress';
import { useJob } from '../common/useJob';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

const following = (found: HostPath) =>
  `a face in ${found.withFace} of ${plural(found.frames, 'frame')}; the crop moves ${plural(found.pins.length - 1, 'time')}.${
    found.bySpeaker > 0
      ? ` Where two people don't fit together, the one speaking is framed (the side their voice is on): ${plural(found.bySpeaker, 'frame')}.`
      : ''
  }`;

interface Opened {
  edit: ClipEdit | null;
  /** The clip's auto-edit, made just now: nobody chose its reframe. */
  fresh: boolean;
}

/**
 * "Follow the host" for the open clip: finds the faces (a job, with progress and Cancel), puts the
 * path's pins into the edit, and says what it found. `status` goes under the reframe choice. A
 * fresh auto-edit of a 16:9 recording looks by itself (issue 23: following is the default there
 * when a face is found) and keeps the blurred fill when none is, or when the seller chose a
 * reframe meanwhile.
 */
export function useFollowHost(recording: Blob, clip: { start: number; end: number }, source: ReframeSource, run: RunCommand, { edit, fresh }: Opened) {
  const { job, run: runJob, cancel } = useJob();
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const latest = useRef({ run, edit });
  latest.current = { run, edit };
  /** The seller asked to follow: the reframe choice waits. A search by itself leaves it free (a choice made meanwhile wins). */
  const [asked, setAsked] = useState(false);

  const search = (label: string) => runJob(label, (hooks) => findHostPath(recording, clip, source, hooks));

  /** The seller chose "Follow the host". */
  const follow = async () => {
    setNote(null);
    cancel();
    setAsked(true);
    try {
      const found = await search('Following the host');
      if (!found) return;
      latest.current.run(followHostPins, found.pins);
      setNote({
        failed: false,
        text:
          found.pins.length === 0
            ? `No face was found in this clip (${plural(found.frames, 'frame')} looked at): the crop stays in the centre. Drag the picture or pin the crop to frame the host yourself.`
            : `Following the host: ${following(found)} Pin the crop to change the path.`,
      });
    } catch (err) {
      setNote({ failed: true, text: `The host could not be followed: ${messageOf(err)}` });
    } finally {
      setAsked(false);
    }
  };

  /** The search a fresh auto-edit runs by itself, while it runs. */
  const byDefault = useRef(false);
  /** A fresh auto-edit looking by itself: applied only while the reframe is still nobody's choice. */
  const lookByDefault = async () => {
    setNote(null);
    byDefault.current = true;
    try {
      const found = await search('Looking for the host');
      const now = latest.current.edit;
      if (!found || !now || !reframeUntouched(now)) return;
      if (found.pins.length > 0) latest.current.run(followHostPins, found.pins);
      setNote({
        failed: false,
        text:
          found.pins.length > 0
            ? `Following the host, the default for a 16:9 recording with a face: ${following(found)} Choose another reframe to change it.`
            : `No face was found in this clip (${plural(found.frames, 'frame')} looked at): it keeps the blurred background.`,
      });
    } catch (err) {
      // A detector that can't run here is a sentence, not an error: nobody asked for it.
      setNote({ failed: false, text: `The host could not be looked for in this browser (${messageOf(err)}): the clip keeps the blurred background.` });
    } finally {
      byDefault.current = false;
    }
  };

  /** A render starts: it makes the edit as shown, so a search by itself stops rather than change the edit after it. */
  const settle = () => {
    if (!byDefault.current) return;
    cancel();
    setNote({ failed: false, text: 'Looking for the host stopped: the render keeps the reframe shown. Choose "Follow the host" to look again.' });
  };

  // Once per clip range opened fresh (again after "Reset to auto").
  const looked = useRef<string | null>(null);
  const range = `${clip.start}-${clip.end}`;
  useEffect(() => {
    if (!fresh) looked.current = null;
    else if (edit && looked.current !== range && looksForHostByDefault(edit, source)) {
      looked.current = range;
      void lookByDefault();
    }
  });

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
  return { start: follow, busy: asked, status, settle };
}
