import { DEFAULT_SELECTION, type ClickLog, type RejectedRow } from '../domain/events';
import { parseCaptions } from '../domain/edit/captions';
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

export interface Dropped {
  recording?: File;
  log?: File;
  transcript?: File;
  ignored: File[];
}

export function splitDropped(files: File[]): Dropped {
  const out: Dropped = { ignored: [] };
  for (const f of files) {
    const kind = kindOfFile(f.name, f.type);
    if (kind !== 'unknown' && !out[kind]) out[kind] = f;
    else out.ignored.push(f);
  }
  return out;
}

/** An SRT/WebVTT transcript; one with no cues is an error that changes nothing. */
export async function parseTranscriptFile(file: File): Promise<NonNullable<ProjectRecord['transcript']>> {
  const cues = parseCaptions(await file.text());
  if (cues.length === 0) throw new ImportError(`${file.name}: no subtitle cues found. Expected SRT ("00:00:01,000 --> 00:00:03,000") or WebVTT.`);
  return { fileName: file.name, cues };
}

/**
 * Files in → project. The log is parsed before anything is written, so a bad log leaves
 * storage untouched; the recording is probed by ffmpeg (mounted, not read into memory).
 */
export async function importProject(dropped: Dropped & { recording: File }, hooks: JobHooks): Promise<{ project: ProjectRecord; warnings: string[] }> {
  const { recording, log: logFile } = dropped;
  const parsed = logFile ? await parseLogFile(logFile) : undefined;
  const transcript = dropped.transcript ? await parseTranscriptFile(dropped.transcript) : undefined;
  const meta = await engine.probe(recording, recording.name, hooks);
  const now = Date.now();
  let project: ProjectRecord = {
    id: newId(),
    name: recording.name.replace(/\.[^.]+$/, ''),
    createdAt: now,
    updatedAt: now,
    recording: { name: recording.name, size: recording.size, type: recording.type, meta },
    selection: DEFAULT_SELECTION,
    ...(transcript && { transcript }),
  };
  await createProject(project, recording);
  if (parsed) project = await saveLog(project, parsed.log);
  return { project, warnings: parsed?.warnings ?? [] };
}
