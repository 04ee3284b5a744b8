import { DEFAULT_SELECTION } from '../domain/selection/model';
import type { ClickLog, RejectedRow } from '../domain/clicklog/model';
import { parseCaptions } from '../domain/edit/captions';
import type { LogCoverage } from '../domain/clicklog/result';
import { type ProductList, readProductList } from '../domain/clicklog/productList';
import { mergeLogs } from '../domain/clicklog/merge';
import { SAVE_AS_CSV } from '../domain/clicklog/signatures';
import { kindOfFile, mayHoldStreamStart } from '../domain/fileKinds';
import { parseDateText } from '../domain/recording/streamStart';
import type { JobHooks } from '../media/engine';
import { createProject } from '../storage/projects';
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
  /** How much of the file became the log. */
  coverage: LogCoverage;
}

/** Parses a log in the worker; a log with nothing usable throws and nothing is stored. */
export async function parseLogFile(file: File): Promise<ParsedLog> {
  const result = await analysis().parse(file, file.name);
  if (!result.ok) throw new ImportError(result.error, result.rejected, result.rejectedCount);
  return { log: result.log, warnings: result.warnings, coverage: result.coverage };
}

export interface Dropped {
  recording?: File;
  log?: File;
  /** A tiny .txt beside the log: the stream start if it holds just a date-time (read on import). */
  startText?: File;
  transcript?: File;
  /** A spreadsheet workbook (.xlsx, .xls, .ods, Numbers): read as the log when there is no other, to say "save it as CSV". */
  spreadsheet?: File;
  ignored: File[];
}

/** Workbook extensions: not a log, but what a seller drops when the log lives in a spreadsheet. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

const tiny = (f: File) => mayHoldStreamStart(f.name, f.size);

export function splitDropped(files: File[]): Dropped {
  const out: Dropped = { ignored: [] };
  // Of several text files the log is one that is not tiny; a tiny .txt may be the stream start.
  const texts = files.filter((f) => kindOfFile(f.name, f.type) === 'log');
  const log = texts.find((f) => !tiny(f)) ?? texts[0];
  const startText = texts.find((f) => f !== log && tiny(f));
  if (log) out.log = log;
  if (startText) out.startText = startText;
  for (const f of files) {
    const kind = kindOfFile(f.name, f.type);
    if (kind === 'log') {
      if (f !== log && f !== startText) out.ignored.push(f);
    } else if (kind !== 'unknown' && !out[kind]) out[kind] = f;
    else if (kind === 'unknown' && SPREADSHEET.test(f.name) && !out.spreadsheet) out.spreadsheet = f;
    else out.ignored.push(f);
  }
  return out;
}

/** The stream start a dropped file gives when it is a tiny .txt holding just a date-time. */
export async function readStartFile(file: File): Promise<number | undefined> {
  return tiny(file) ? parseDateText(await file.text()) : undefined;
}

/** The shop's product list when `file` is one (a delimited text with product columns and no time or event), read on this thread. */
export async function readProductListFile(file: File): Promise<{ list: ProductList; warnings: string[] } | undefined> {
  if (!/\.(csv|tsv|txt)$/i.test(file.name) || file.size > 5_000_000) return undefined;
  return readProductList(await file.text(), file.name);
}

/**
 * Of the dropped text files, the product list (when one is) comes out; the log is then the
 * first other text file, as if the list had not been dropped.
 */
async function takeProductList(d: Dropped): Promise<{ dropped: Dropped; productList?: ProductList; warnings: string[] }> {
  const texts = [d.log, ...d.ignored.filter((f) => kindOfFile(f.name, f.type) === 'log' && f !== d.startText)].filter((f): f is File => f !== undefined);
  for (const f of texts) {
    const read = await readProductListFile(f);
    if (!read) continue;
    const others = texts.filter((t) => t !== f);
    const log = d.log === f ? others[0] : d.log;
    const rest: Dropped = { ...d, ignored: d.ignored.filter((x) => x !== f && x !== log) };
    if (log) rest.log = log;
    else delete rest.log;
    return { dropped: rest, productList: read.list, warnings: read.warnings };
  }
  return { dropped: d, warnings: [] };
}

/** A date file is the stream start, not a bad log; whichever text file is not the start is the log. */
async function startAndLog(d: Dropped): Promise<{ start?: { ms: number; file: string }; log?: File; warnings: string[] }> {
  const texts = [d.log, d.startText].filter((f): f is File => f !== undefined);
  for (const f of texts) {
    const ms = await readStartFile(f);
    if (ms !== undefined) return { start: { ms, file: f.name }, log: texts.find((t) => t !== f), warnings: [] };
  }
  // Beside a log, a tiny .txt that is not a date-time is an extra file, as a second log would be.
  const unused = d.startText ? [`${d.startText.name} was not used: it does not hold just a date-time (a stream start).`] : [];
  return { log: d.log, warnings: unused };
}

/** Each log parsed (one that fails fails the import, nothing stored), merged into one (mergeLogs). */
async function parseLogs(files: readonly File[]): Promise<{ log: ClickLog; warnings: string[] }> {
  const parsed: ParsedLog[] = [];
  for (const f of files) parsed.push(await parseLogFile(f));
  const merged = mergeLogs(parsed.map((p) => p.log));
  return {
    log: merged.log,
    warnings: [...parsed.flatMap((p) => (files.length > 1 ? p.warnings.map((w) => `${p.log.fileName}: ${w}`) : p.warnings)), ...merged.warnings],
  };
}

/** An SRT/WebVTT transcript; one with no cues is an error that changes nothing. */
export async function parseTranscriptFile(file: File): Promise<NonNullable<ProjectRecord['transcript']>> {
  const cues = parseCaptions(await file.text());
  if (cues.length === 0) throw new ImportError(`${file.name}: no subtitle cues found. Expected SRT ("00:00:01,000 --> 00:00:03,000") or WebVTT.`);
  return { fileName: file.name, cues };
}

/**
 * Files in → project. Everything is read first (the log parsed, the recording probed by ffmpeg:
 * mounted, not read into memory), then stored in one transaction: a bad log or a full disk
 * leaves storage untouched.
 */
export async function importProject(dropped: Dropped & { recording: File }, hooks: JobHooks): Promise<{ project: ProjectRecord; warnings: string[] }> {
  const { recording } = dropped;
  // Measured for the benches (scripts/bench/cut.mjs and bigImport.mjs read them from the page).
  const importStart = performance.now();
  const listed = await takeProductList(dropped);
  const texts = await startAndLog(listed.dropped);
  texts.warnings.push(...listed.warnings);
  const { spreadsheet } = dropped;
  // A workbook beside the recording is read as the log when there is no other: the parser knows
  // it by its bytes and says how to save it as CSV. Beside a log, it is named as not used.
  const logFile = texts.log ?? spreadsheet;
  if (spreadsheet && logFile !== spreadsheet) {
    texts.warnings.push(
      `${spreadsheet.name} was not used: it is a spreadsheet, and ${logFile?.name} is the click log. To use the spreadsheet instead: ${SAVE_AS_CSV}`,
    );
  }
  // Other logs dropped with it (a chat log beside the click log, say) are read and merged.
  const others = listed.dropped.ignored.filter((f) => kindOfFile(f.name, f.type) === 'log' && f !== listed.dropped.startText && f !== logFile);
  const parsed = logFile ? await parseLogs([logFile, ...others]) : undefined;
  const transcript = dropped.transcript ? await parseTranscriptFile(dropped.transcript) : undefined;
  const probeStart = performance.now();
  const meta = await engine.probe(recording, recording.name, hooks);
  performance.measure('lhs:probe', { start: probeStart });
  const now = Date.now();
  const project = await createProject(
    {
      id: newId(),
      name: recording.name.replace(/\.[^.]+$/, ''),
      createdAt: now,
      updatedAt: now,
      recording: { name: recording.name, size: recording.size, type: recording.type, meta },
      selection: DEFAULT_SELECTION,
      ...(transcript && { transcript }),
      ...(listed.productList && { productList: listed.productList }),
      ...(texts.start && { streamStartMs: texts.start.ms, streamStartFile: texts.start.file }),
    },
    recording,
    parsed?.log,
  );
  performance.measure('lhs:import', { start: importStart });
  return { project, warnings: [...texts.warnings, ...(parsed?.warnings ?? [])] };
}
