/**
 * The whole recording's transcript (issue 19): the chunk plan, written as the transcription
 * starts, and each chunk's text in its own row the moment it is done, so a reload or a crash
 * loses at most the chunk being worked on. Written only while the project exists (inProject);
 * deleted with it (deleteProject).
 */
import type { ChunkText } from '../domain/speech/recordingTranscript';
import { openStudioDB } from './db';
import { deletedError } from './errors';
import { guarded, inProject } from './projects';
import type { StoredChunk, TranscriptPlan } from './schema';

/** Keys sort by index ("<projectId>/00012"), so a project's chunks read back in order. */
export const chunkKey = (projectId: string, index: number): string => `${projectId}/${String(index).padStart(6, '0')}`;
const projectChunks = (projectId: string) => IDBKeyRange.bound(`${projectId}/`, `${projectId}/\uffff`);

export function getTranscriptPlan(projectId: string): Promise<TranscriptPlan | undefined> {
  return guarded(async () => (await openStudioDB()).get('transcripts', projectId));
}

/** Starts a transcript: its plan, replacing any earlier transcript of the project and its chunks. */
export function startTranscript(plan: TranscriptPlan): Promise<void> {
  return guarded(() =>
    inProject(plan.projectId, ['transcripts', 'transcriptChunks'], async (tx) => {
      await tx.objectStore('transcriptChunks').delete(projectChunks(plan.projectId));
      await tx.objectStore('transcripts').put(plan);
    }),
  );
}

/** Marks the transcript stopped by the user (or going again). */
export function setTranscriptPaused(projectId: string, paused: boolean): Promise<void> {
  return guarded(() =>
    inProject(projectId, ['transcripts'], async (tx) => {
      const plan = await tx.objectStore('transcripts').get(projectId);
      if (plan && plan.paused !== paused) await tx.objectStore('transcripts').put({ ...plan, paused });
    }),
  );
}

/** Stores a finished chunk, only while its transcript exists (one discarded meanwhile takes nothing). */
export function saveChunk(projectId: string, chunk: ChunkText): Promise<StoredChunk> {
  const row: StoredChunk = { ...chunk, key: chunkKey(projectId, chunk.index), projectId, savedAt: Date.now() };
  return guarded(() =>
    inProject(projectId, ['transcripts', 'transcriptChunks'], async (tx) => {
      if (!(await tx.objectStore('transcripts').get(projectId))) throw deletedError();
      await tx.objectStore('transcriptChunks').put(row);
      return row;
    }),
  );
}

/** The stored chunks, in order; only those from `from` to `to` (indexes, inclusive) when given. */
export function getChunks(projectId: string, from = 0, to = Number.MAX_SAFE_INTEGER): Promise<StoredChunk[]> {
  const range = IDBKeyRange.bound(chunkKey(projectId, from), to === Number.MAX_SAFE_INTEGER ? `${projectId}/\uffff` : chunkKey(projectId, to));
  return guarded(async () => (await openStudioDB()).getAll('transcriptChunks', range));
}

/** The transcript and its chunks go. */
export function discardTranscript(projectId: string): Promise<void> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction(['transcripts', 'transcriptChunks'], 'readwrite');
    await Promise.all([tx.objectStore('transcripts').delete(projectId), tx.objectStore('transcriptChunks').delete(projectChunks(projectId)), tx.done]);
  });
}
