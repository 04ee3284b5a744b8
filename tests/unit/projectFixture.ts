// Project records for the storage tests: one shape, so a schema change is made in one place.
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import type { RecordingMeta } from '../../src/domain/recording/meta';
import type { NewProject } from '../../src/storage/projects';
import type { ProjectRecord } from '../../src/storage/schema';

/** A 640×360 H.264 MP4 with sound, `durationSec` long. */
export const recordingMeta = (durationSec: number): RecordingMeta => ({
  durationSec,
  width: 640,
  height: 360,
  fps: 30,
  rotation: 0,
  container: 'mp4',
  videoCodec: 'h264',
  hasAudio: true,
});

/** What `createProject` takes for project `id` (its recording is `<id>.mp4`). */
export const newProject = (id: string, durationSec = 20): NewProject => ({
  id,
  name: id,
  createdAt: 1,
  updatedAt: 1,
  recording: { name: `${id}.mp4`, size: 3, type: 'video/mp4', meta: recordingMeta(durationSec) },
  selection: DEFAULT_SELECTION,
});

/** A stored project "stream" (p1) at version 3, for the merge rules (src/storage/versions.ts). */
export const storedProject = (durationSec: number): ProjectRecord => ({
  ...newProject('p1', durationSec),
  name: 'stream',
  version: 3,
  recording: { name: 'stream.mp4', size: 10, type: 'video/mp4', meta: recordingMeta(durationSec) },
});
