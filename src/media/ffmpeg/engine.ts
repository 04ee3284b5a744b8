import { FFmpeg, FFFSType } from '@ffmpeg/ffmpeg';
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import { clipDuration, type RenderAssets, type RenderPlan } from '../../domain/edit/plan';
import { LOUDNESS_STEP_SEC, type Loudness } from '../../domain/recording/loudness';
import { CancelledError, MediaFailure } from '../../domain/errors/mediaFailure';
import type { RecordingMeta } from '../../domain/recording/meta';
import { MediaError, type CutRequest, type CutResult, type JobHooks, type MediaEngine, type RenderResult } from '../engine';
import { toMediaFailure } from '../failures';
import { copyContainer, cutArgs, proxyArgs } from './cutArgs';
import { ffmpegFailure } from './failure';
import { ffmpegLogTime } from './logTime';
import { loudnessArgs, parseAstatsMetadata } from './loudnessArgs';
import { pcmArgs } from './pcmArgs';
import { ProbeError } from './probe';
import { probeRecording, readLayout, type ProbeTools } from './probeRecording';
import type { AssetPaths } from './renderArgs';

/** The render graphs' builder: loaded with the first render, not on the home page (its 60 kB budget). */
const graphs = () => import('./renderArgs');

const LOAD_TIMEOUT_MS = 60_000;
const IN_DIR = '/in';
/** The probe's stand-in for a Matroska file's tail, mounted beside the recording. */
const TAIL_NAME = 'tail.mkv';

function extOf(name: string): string {
  const m = /\.([a-z0-9]{2,4})$/i.exec(name);
  return m ? m[1]!.toLowerCase() : 'bin';
}

/**
 * ffmpeg.wasm (single-thread core, loaded from our own origin on first use).
 * Jobs run one at a time; cancelling terminates the instance, the next job loads a fresh one.
 * The recording is mounted read-only with WORKERFS, so only the bytes ffmpeg reads leave disk.
 */
export class FfmpegEngine implements MediaEngine {
  #ffmpeg: FFmpeg | undefined;
  #loading: Promise<FFmpeg> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  /** `fetchCore` gets the core's files before their first load (the app caches them then, with progress). */
  constructor(private readonly fetchCore: () => Promise<void> = async () => {}) {}

  #load(fileName: string): Promise<FFmpeg> {
    if (this.#ffmpeg?.loaded) return Promise.resolve(this.#ffmpeg);
    this.#loading ??= (async () => {
      try {
        await this.fetchCore();
      } catch (err) {
        this.#loading = undefined;
        throw new MediaFailure('engine-download', { fileName }, String(err));
      }
      const ffmpeg = new FFmpeg();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MediaError('ffmpeg.wasm did not load within 60 s.')), LOAD_TIMEOUT_MS);
      });
      try {
        // A bad config makes load() hang forever: race it.
        await Promise.race([ffmpeg.load({ coreURL, wasmURL }), timeout]);
      } catch (err) {
        ffmpeg.terminate();
        throw new MediaFailure('engine-start', { fileName }, String(err));
      } finally {
        clearTimeout(timer);
        this.#loading = undefined;
      }
      this.#ffmpeg = ffmpeg;
      return ffmpeg;
    })();
    return this.#loading;
  }

  /**
   * Runs `work` after earlier jobs, with the recording (and any `extra` blobs, by name) mounted
   * and everything cleaned after. Whatever fails leaves as a named MediaFailure about `fileName`.
   */
  #job<T>(recording: Blob, fileName: string, hooks: JobHooks, work: (ff: FFmpeg, input: string) => Promise<T>, extra: Record<string, Blob> = {}): Promise<T> {
    const run = async (): Promise<T> => {
      if (hooks.signal?.aborted) throw new CancelledError();
      const ff = await this.#load(fileName);
      // Cancelled while the core was loading: the abort listener below was not there yet.
      if (hooks.signal?.aborted) throw new CancelledError();
      const onAbort = () => this.dispose();
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      const name = `input.${extOf(fileName)}`;
      const blobs = [{ name, data: recording }, ...Object.entries(extra).map(([n, data]) => ({ name: n, data }))];
      let mounted = false;
      try {
        await ff.createDir(IN_DIR);
        await ff.mount(FFFSType.WORKERFS, { blobs }, IN_DIR);
        mounted = true;
        return await work(ff, `${IN_DIR}/${name}`);
      } catch (err) {
        if (hooks.signal?.aborted) throw new CancelledError();
        // An exception from inside the wasm (not an exit code or our own check) may leave the instance broken: start afresh next time.
        if (!(err instanceof MediaFailure || err instanceof MediaError || err instanceof ProbeError)) this.dispose();
        throw toMediaFailure(err, fileName);
      } finally {
        hooks.signal?.removeEventListener('abort', onAbort);
        if (ff === this.#ffmpeg) {
          if (mounted) await ff.unmount(IN_DIR).catch(() => undefined);
          await ff.deleteDir(IN_DIR).catch(() => undefined);
        }
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * exec with progress from ffmpeg's "time=" log lines against the expected output length. The log
   * level is set on every run: ffprobe's `-v error` would otherwise stay in force in this shared
   * wasm module and silence the "time=" lines.
   */
  async #exec(ff: FFmpeg, fileName: string, args: string[], outSec: number, hooks: JobHooks): Promise<string[]> {
    const logs: string[] = [];
    const onLog = ({ message }: { message: string }) => {
      logs.push(message);
      if (logs.length > 400) logs.splice(0, 200);
      const t = ffmpegLogTime(message);
      if (t !== null && outSec > 0) hooks.onProgress?.({ ratio: t / outSec });
    };
    ff.on('log', onLog);
    try {
      const code = await ff.exec(['-loglevel', 'info', ...args]);
      // Every run's log ends with "Aborted()", even a good one: only the exit code tells.
      if (code !== 0) throw ffmpegFailure(logs, fileName);
      return logs;
    } finally {
      ff.off('log', onLog);
    }
  }

  async probe(recording: Blob, fileName: string, hooks: JobHooks = {}): Promise<RecordingMeta> {
    const layout = await readLayout(recording);
    return this.#job(
      recording,
      fileName,
      hooks,
      (ff, input) => probeRecording(this.#probeTools(ff, fileName, hooks), input, layout, layout.tail && `${IN_DIR}/${TAIL_NAME}`),
      layout.tail ? { [TAIL_NAME]: layout.tail } : {},
    );
  }

  #probeTools(ff: FFmpeg, fileName: string, hooks: JobHooks): ProbeTools {
    return {
      ffprobe: async (args, file) => {
        const out = '/probe.json';
        const logs: string[] = [];
        const onLog = ({ message }: { message: string }) => void logs.push(message);
        ff.on('log', onLog);
        try {
          await ff.ffprobe(['-v', 'error', '-of', 'json', ...args, '-o', out, file]);
          // This core's ffprobe reports -1 even when it wrote its JSON: trust the file, not the code.
          const json = await ff.readFile(out, 'utf8').then(String, () => '');
          if (!json.trim() || hasProbeError(json)) throw ffmpegFailure(logs, fileName, 'unreadable');
          return json;
        } finally {
          ff.off('log', onLog);
          await ff.deleteFile(out).catch(() => undefined);
        }
      },
      ffmpeg: (args) => this.#exec(ff, fileName, args, 0, hooks),
    };
  }

  cut(recording: Blob, fileName: string, request: CutRequest, hooks: JobHooks = {}): Promise<CutResult> {
    return this.#job(recording, fileName, hooks, async (ff, input) => {
      const ext = request.exact ? 'mp4' : copyContainer(request.codecs);
      const out = `/clip.${ext}`;
      try {
        await this.#exec(
          ff,
          fileName,
          cutArgs(input, out, request.start, request.end, request.exact, request.codecs.hasAudio),
          request.end - request.start,
          hooks,
        );
        const data = await ff.readFile(out);
        if (!(data instanceof Uint8Array) || data.byteLength === 0) throw new MediaError('ffmpeg wrote an empty clip.');
        hooks.onProgress?.({ ratio: 1 });
        const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: ext === 'mp4' ? 'video/mp4' : 'video/x-matroska' });
        return { blob, ext, method: request.exact ? 'reencode' : 'copy', engine: 'ffmpeg' };
      } finally {
        await ff.deleteFile(out).catch(() => undefined);
      }
    });
  }

  previewProxy(recording: Blob, fileName: string, start: number, end: number, hooks: JobHooks = {}): Promise<Blob> {
    return this.#job(recording, fileName, hooks, async (ff, input) => {
      const out = '/preview.mp4';
      try {
        await this.#exec(ff, fileName, proxyArgs(input, out, start, end), end - start, hooks);
        const data = await ff.readFile(out);
        if (!(data instanceof Uint8Array) || data.byteLength === 0) throw new MediaError('ffmpeg wrote an empty preview.');
        hooks.onProgress?.({ ratio: 1 });
        return new Blob([data as Uint8Array<ArrayBuffer>], { type: 'video/mp4' });
      } finally {
        await ff.deleteFile(out).catch(() => undefined);
      }
    });
  }

  loudness(recording: Blob, fileName: string, durationSec: number, hooks: JobHooks = {}): Promise<Loudness> {
    return this.#job(recording, fileName, hooks, async (ff, input) => {
      const out = '/loudness.txt';
      try {
        await this.#exec(ff, fileName, loudnessArgs(input, out, LOUDNESS_STEP_SEC), durationSec, hooks);
        const text = await ff.readFile(out, 'utf8').then(String, () => '');
        const loudness = parseAstatsMetadata(text, LOUDNESS_STEP_SEC);
        if (loudness.db.length === 0) throw new MediaError('ffmpeg measured no audio in this recording.');
        hooks.onProgress?.({ ratio: 1 });
        return loudness;
      } finally {
        await ff.deleteFile(out).catch(() => undefined);
      }
    });
  }

  speechPcm(recording: Blob, fileName: string, start: number, end: number, rate: number, hooks: JobHooks = {}): Promise<Float32Array> {
    return this.#job(recording, fileName, hooks, async (ff, input) => {
      const out = '/speech.f32';
      try {
        await this.#exec(ff, fileName, pcmArgs(input, out, start, end - start, rate), end - start, hooks);
        const data = await ff.readFile(out);
        if (!(data instanceof Uint8Array) || data.byteLength < 4) throw new MediaError('ffmpeg decoded no audio in this range.');
        hooks.onProgress?.({ ratio: 1 });
        // A copy on a 4-byte boundary: float32 views need one.
        return new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + (data.byteLength - (data.byteLength % 4))));
      } finally {
        await ff.deleteFile(out).catch(() => undefined);
      }
    });
  }

  render(recording: Blob, fileName: string, plan: RenderPlan, assets: RenderAssets, hooks: JobHooks = {}): Promise<RenderResult> {
    return this.#job(recording, fileName, hooks, async (ff, input) => {
      const started = performance.now();
      const { renderArgs } = await graphs();
      const data = await this.#withAssets(ff, plan, assets, 'render.mp4', (paths, out) =>
        this.#exec(ff, fileName, renderArgs(plan, input, out, paths), clipDuration(plan), hooks),
      );
      hooks.onProgress?.({ ratio: 1 });
      return {
        blob: new Blob([data as Uint8Array<ArrayBuffer>], { type: 'video/mp4' }),
        engine: 'ffmpeg',
        timings: { totalSec: (performance.now() - started) / 1000 },
      };
    });
  }

  /** The plan's audio mix alone, as AAC in an MP4 (for an engine that makes the video itself). */
  mixAudio(recording: Blob, fileName: string, plan: RenderPlan, assets: RenderAssets, hooks: JobHooks = {}): Promise<Uint8Array> {
    return this.#job(recording, fileName, hooks, async (ff, input) => {
      const { audioMixArgs } = await graphs();
      return this.#withAssets(ff, plan, assets, 'audio.m4a', (paths, out) =>
        this.#exec(ff, fileName, audioMixArgs(plan, input, out, paths), clipDuration(plan), hooks),
      );
    });
  }

  /** Writes the assets, runs `run`, reads the output; every file is deleted afterwards. */
  async #withAssets(
    ff: FFmpeg,
    plan: RenderPlan,
    assets: RenderAssets,
    outName: string,
    run: (paths: AssetPaths, out: string) => Promise<unknown>,
  ): Promise<Uint8Array> {
    const paths = (await graphs()).defaultAssetPaths(assets.music?.ext);
    const out = `/${outName}`;
    const written: string[] = [out];
    try {
      // writeFile transfers (empties) the buffer it is given: hand it a copy.
      for (const o of plan.overlays) {
        const png = assets.overlays.get(o.id);
        if (!png) continue;
        written.push(paths.overlay(o.id));
        await ff.writeFile(paths.overlay(o.id), png.slice());
      }
      if (plan.music && assets.music && paths.music) {
        written.push(paths.music);
        await ff.writeFile(paths.music, assets.music.data.slice());
      }
      await run(paths, out);
      const data = await ff.readFile(out);
      if (!(data instanceof Uint8Array) || data.byteLength === 0) throw new MediaError('ffmpeg wrote an empty file.');
      return data;
    } finally {
      for (const path of written) await ff.deleteFile(path).catch(() => undefined);
    }
  }

  dispose(): void {
    this.#ffmpeg?.terminate();
    this.#ffmpeg = undefined;
  }
}

/** ffprobe's `-show_error` section: it could not open the file at all. */
function hasProbeError(json: string): boolean {
  try {
    return 'error' in (JSON.parse(json) as object);
  } catch {
    return true;
  }
}
