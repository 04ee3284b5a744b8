import { DEFAULT_SELECTION, type ClickLog, type RejectedRow } from '../domain/events';
import { kindOfFile } from '../domain/fileKinds';
import type { JobHooks } from '../media/engine';
import { createProject, saveLog } from '../storage/projects';
import type { ProjectRecord } from '../storage/schema';
import { analysis, engine, newId } from './services';

/** A failure the user can act on, with the log rows it is about. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly rows: RejectedRow[] = [],
    readonly total = 0,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ParsedLog {
  log: ClickLog;
  warnings: string[];
}

/** Parses a log in the worker; a log with nothing usable throws and nothing is stored. */
export async function parseLogFile(file: File): Promise<ParsedLog> {
  const result = await analysis().parse(file, file.name);
  if (!result.ok) throw new ImportError(result.error, result.rejected, result.rejectedCount);
  return { log: result.log, warnings: result.warnings };
}

export function splitDropped(files: File[]): { recording?: File; log?: File; ignored: File[] } {
  const out: { recording?: File; log?: File; ignored: File[] } = { ignored: [] };
  for (const f of files) {
    const kind = kindOfFile(f.name, f.type);
    if (kind === 'recording' && !out.recording) out.recording = f;
    else if (kind === 'log' && !out.log) out.log = f;
    else out.ignored.push(f);
  }
  return out;
}

/**
 * Files in → project. The log is parsed before anything is written, so a bad log leaves
 * storage untouched; the recording is probed by ffmpeg (mounted, not read into memory).
 */
export async function importProject(recording: File, logFile: File | undefined, hooks: JobHooks): Promise<{ project: ProjectRecord; warnings: string[] }> {
  const parsed = logFile ? await parseLogFile(logFile) : undefined;
  const meta = await engine.probe(recording, recording.name, hooks);
  const now = Date.now();
  let project: ProjectRecord = {
    id: newId(),
    name: recording.name.replace(/\.[^.]+$/, ''),
    createdAt: now,
    updatedAt: now,
    recording: { name: recording.name, size: recording.size, type: recording.type, meta },
    selection: DEFAULT_SELECTION,
  };
  await createProject(project, recording);
  if (parsed) project = await saveLog(project, parsed.log);
  return { project, warnings: parsed?.warnings ?? [] };
}
