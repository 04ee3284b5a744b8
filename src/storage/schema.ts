import type { ProductList } from '../domain/clicklog/productList';
import type { DBSchema } from 'idb';
import type { ClipOverrides } from '../domain/clip/override';
import type { ClickLog } from '../domain/clicklog/model';
import type { Highlight, SelectionOptions } from '../domain/selection/model';
import type { Cue } from '../domain/edit/captions';
import type { CaptionLook } from '../domain/edit/captionStyle';
import type { ClipEdit } from '../domain/edit/model';
import type { Loudness } from '../domain/recording/loudness';
import type { RecordingMeta } from '../domain/recording/meta';
import type { SavedShort, ShortFile } from './shortRecord';
import type { Chunk } from '../domain/speech/chunks';
import type { ChunkText } from '../domain/speech/recordingTranscript';
import type { SpeechModelId } from '../domain/speech/models';

export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every write of this record: a write names the version it read (see docs/storage.md). */
  version: number;
  recording: { name: string; size: number; type: string; meta: RecordingMeta };
  log?: { fileName: string; events: number; products: number; rejectedCount: number };
  /** The project's own stream start (epoch ms), over the log's and the recording's: typed by the user or read from a date file. */
  streamStartMs?: number;
  /** The dropped text file `streamStartMs` was read from; absent when the user typed it. */
  streamStartFile?: string;
  /** Seconds the recording started after the log's zero (a recording started late). */
  offsetSec?: number;
  /** SRT/WebVTT dropped with the recording, in recording time: the clips' captions. */
  transcript?: { fileName: string; cues: Cue[] };
  /** The user's standing hashtags for post text. */
  hashtags?: string[];
  /** The caption look new clips start with ("Use for all clips" in the editor). */
  captionLook?: CaptionLook;
  /** "Tighten every clip": pauses are cut in every clip whose edit does not say otherwise. */
  tightenAll?: boolean;
  selection: SelectionOptions;
  /** The user's trims and product links per clip (by clip key); merged per clip across tabs. */
  clipOverrides?: ClipOverrides;
  /** The shop's product list (an export or typed names): names and prices for the log's products. */
  productList?: ProductList;
}

/** Large values live in their own stores so listing projects never loads a recording or a log. */
export interface StudioDB extends DBSchema {
  projects: { key: string; value: ProjectRecord; indexes: { byUpdated: number } };
  /** The File/Blob itself: IndexedDB keeps it on disk, never as an ArrayBuffer copy. */
  recordings: { key: string; value: { projectId: string; blob: Blob } };
  logs: { key: string; value: { projectId: string; log: ClickLog } };
  picks: { key: string; value: { projectId: string; picks: Highlight[]; computedAt: number } };
  /** The recording's loudness envelope, measured once, for snapping clip edges to pauses. */
  loudness: { key: string; value: { projectId: string; loudness: Loudness } };
  /** Auto-edit adjustments per clip, keyed "<projectId>/<clipKey>". */
  edits: { key: string; value: { key: string; projectId: string; edit: ClipEdit; version?: number }; indexes: { byProject: string } };
  /** Rendered shorts (docs/shorts.md): the record here, the MP4 in `shortFiles` under the same id. */
  shorts: { key: string; value: SavedShort; indexes: { byProject: string } };
  shortFiles: { key: string; value: ShortFile };
  /** The whole recording's transcription (issue 19): its chunk plan, written as it starts… */
  transcripts: { key: string; value: TranscriptPlan };
  /** …and each chunk's text as soon as it is done, keyed "<projectId>/<index>" (a resume starts at the first missing). */
  transcriptChunks: { key: string; value: StoredChunk; indexes: { byProject: string } };
}

export interface TranscriptPlan {
  projectId: string;
  modelId: SpeechModelId;
  durationSec: number;
  chunks: Chunk[];
  /** Whether the user stopped it (reopening offers to continue) rather than a reload or crash (reopening continues it). */
  paused: boolean;
  createdAt: number;
}

export interface StoredChunk extends ChunkText {
  key: string;
  projectId: string;
  /** When it was stored (ms): a chunk transcribed twice would show a later time. */
  savedAt: number;
}

export const DB_NAME = 'live-highlights-studio';
export const DB_VERSION = 6;
export const STORES = ['projects', 'recordings', 'logs', 'picks', 'loudness', 'edits', 'shorts', 'shortFiles', 'transcripts', 'transcriptChunks'] as const;
