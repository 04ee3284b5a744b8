/**
 * The MediaEngine the app uses. Renders and exact cuts go to WebCodecs where the browser can
 * (several times faster), and fall back to ffmpeg.wasm with the same plan when it cannot or
 * fails mid-way. Probing, copy cuts and the loudness envelope go to mediabunny and the browser's
 * decoders (no ffmpeg.wasm to load) where they can read the file, else to ffmpeg; speech audio
 * and preview proxies are ffmpeg's. The preference can force either engine.
 */
import type { RenderAssets, RenderPlan } from '../domain/edit/plan';
import { type Loudness, LOUDNESS_STEP_SEC } from '../domain/recording/loudness';
import type { RecordingMeta } from '../domain/recording/meta';
import { CancelledError } from '../domain/errors/mediaFailure';
import { messageOf } from '../domain/errors/messageOf';
import { ENGINE_NAMES } from '../domain/media/engineNames';
import { type OutputExpectation, outputProblems } from '../domain/media/outputCheck';
import { cutPictureCheck, type PictureCheck, shortPictureCheck } from '../domain/media/pictureCheck';
import { clipDuration } from '../domain/edit/plan';
import {
  type CutRequest,
  type CutResult,
  type EngineId,
  type EnginePreference,
  type JobHooks,
  MediaError,
  type MediaEngine,
  type RenderResult,
} from './engine';
import { toMediaFailure } from './failures';
import { copyContainer } from './ffmpeg/cutArgs';
import type { FfmpegEngine } from './ffmpeg/engine';
import { webCodecsAvailable, type WebCodecsEngine } from './webcodecs/engine';

/** A file an engine wrote that is not what was asked for: never handed to the user. */
export class OutputCheckError extends MediaError {
  override name = 'OutputCheckError';
  constructor(
    readonly engine: EngineId,
    readonly problems: string[],
  ) {
    super(`The file the ${ENGINE_NAMES[engine][0]} made failed its check: ${problems.join('; ')}.`);
  }
}

/**
 * Test hooks (e2e only): `localStorage['lhs.test.breakOutput']` = an engine id, or 'all', cuts
 * that engine's next files short before they are checked, as a broken write would;
 * `lhs.test.breakPicture` the same way makes their picture compare as if it were wrong.
 */
const brokenBy = (key: string, engine: EngineId) => {
  const which = globalThis.localStorage?.getItem(`lhs.test.${key}`);
  return which === engine || which === 'all';
};
/** 'copy' breaks the fast copies alone, whichever engine made them. */
function brokenForTest(engine: EngineId, result: { blob: Blob; method?: string }): Blob {
  const { blob } = result;
  const copy = result.method === 'copy' && globalThis.localStorage?.getItem('lhs.test.breakOutput') === 'copy';
  return copy || brokenBy('breakOutput', engine) ? blob.slice(0, Math.floor(blob.size * 0.6), blob.type) : blob;
}

/** Keyframes further apart than this in a recording are rare (OBS and phones: 2–10 s): a copy longer by more is wrong. */
const COPY_LEAD_MAX_SEC = 20;

/** A cancelled job's failure, as a CancelledError; anything else is not rethrown here. */
function throwIfCancelled(err: unknown, hooks: JobHooks): void {
  if (err instanceof CancelledError) throw err;
  if (hooks.signal?.aborted) throw new CancelledError();
}

/**
 * The fast path's answer, or null when it has none or fails (then ffmpeg is asked): a failure is
 * logged with `what`, a cancellation goes on up.
 */
function orNull<T>(fast: Promise<T | null>, hooks: JobHooks, what: string): Promise<T | null> {
  return fast.catch((err: unknown) => {
    throwIfCancelled(err, hooks);
    console.warn(`${what}, using ffmpeg:`, err);
    return null;
  });
}

export class MediaRouter implements MediaEngine {
  constructor(
    private readonly ffmpeg: FfmpegEngine,
    private readonly webcodecs: WebCodecsEngine,
    private readonly preference: () => EnginePreference,
  ) {}

  /** mediabunny's (milliseconds, no ffmpeg.wasm to load) where it answers, else ffprobe's. */
  async probe(recording: Blob, fileName: string, hooks: JobHooks = {}): Promise<RecordingMeta> {
    const quick = await orNull(this.webcodecs.probe(recording, hooks), hooks, 'mediabunny could not probe the recording');
    return quick ?? this.ffmpeg.probe(recording, fileName, hooks);
  }

  /** The browser's audio decoder's (no ffmpeg.wasm to load) where it decodes the track, else ffmpeg's. */
  async loudness(recording: Blob, fileName: string, durationSec: number, hooks: JobHooks = {}): Promise<Loudness> {
    // Measured for the bench (scripts/bench/cut.mjs reads it from the page).
    const started = performance.now();
    const loudness = await this.#loudness(recording, fileName, durationSec, hooks);
    performance.measure('lhs:loudness', { start: started });
    return loudness;
  }

  async #loudness(recording: Blob, fileName: string, durationSec: number, hooks: JobHooks): Promise<Loudness> {
    const quick = await orNull(this.webcodecs.loudness(recording, LOUDNESS_STEP_SEC, hooks), hooks, 'The browser could not measure the loudness');
    return quick ?? this.ffmpeg.loudness(recording, fileName, durationSec, hooks);
  }

  /** ffmpeg's: it decodes every audio codec, and resamples in the same pass. */
  speechPcm(recording: Blob, fileName: string, start: number, end: number, rate: number, hooks?: JobHooks): Promise<Float32Array> {
    return this.ffmpeg.speechPcm(recording, fileName, start, end, rate, hooks);
  }

  /** ffmpeg's: it is for codecs the browser (and so the fast engine) cannot decode. */
  previewProxy(recording: Blob, fileName: string, start: number, end: number, hooks?: JobHooks): Promise<Blob> {
    return this.ffmpeg.previewProxy(recording, fileName, start, end, hooks);
  }

  /**
   * WebCodecs first unless ffmpeg is forced; on failure ffmpeg, unless WebCodecs is forced. What
   * fails leaves named (ffmpeg's failures already are; the fast engine's are named here).
   */
  async #either<T>(fileName: string, fast: () => Promise<T>, slow: () => Promise<T>, hooks: JobHooks): Promise<{ value: T; fallbackReason?: string }> {
    const pref = this.preference();
    if (pref === 'ffmpeg' || (pref === 'auto' && !webCodecsAvailable())) return { value: await slow() };
    try {
      return { value: await fast() };
    } catch (err) {
      throwIfCancelled(err, hooks);
      if (pref === 'webcodecs') throw err instanceof OutputCheckError ? err : toMediaFailure(err, fileName);
      console.warn('WebCodecs engine failed, using ffmpeg.wasm:', err);
      try {
        return { value: await slow(), fallbackReason: messageOf(err) };
      } catch (second) {
        // Both made a broken file: the first one's fault is part of what the user is told.
        if (second instanceof OutputCheckError && err instanceof OutputCheckError) {
          throw new MediaError(`Both engines made a broken file, so nothing was saved. ${err.message} ${second.message}`);
        }
        throw second;
      }
    }
  }

  /**
   * The file read back before it is called done (outputFacts.ts, in the media worker, with this
   * browser's demuxer and decoder), its picture compared with the recording's where `picture`
   * says (pictureCheck.ts); an OutputCheckError names what is wrong. Without WebCodecs there is
   * nothing to read it with, and it goes out as written.
   */
  async #checked<T extends { blob: Blob }>(
    result: T,
    engine: EngineId,
    want: OutputExpectation,
    picture: { recording: Blob; check: PictureCheck } | undefined,
    hooks: JobHooks,
  ): Promise<T & Pick<RenderResult, 'picture'>> {
    const blob = brokenForTest(engine, result);
    if (!webCodecsAvailable()) return { ...result, blob };
    const request = picture && { source: picture.recording, check: picture.check, ...(brokenBy('breakPicture', engine) && { invertForTest: true }) };
    const facts = await this.webcodecs.verify(blob, request, hooks.signal ? { signal: hooks.signal } : {}).catch((e: unknown) => {
      throwIfCancelled(e, hooks);
      throw new OutputCheckError(engine, [`it can't be read back (${messageOf(e)})`]);
    });
    const problems = outputProblems(facts, want);
    if (problems.length > 0) throw new OutputCheckError(engine, problems);
    const compared = (facts.picture ?? []).filter((p) => Number.isFinite(p.diff));
    if (compared.length === 0) return { ...result, blob };
    return { ...result, blob, picture: { diff: Math.max(...compared.map((p) => p.diff)), moments: compared.length } };
  }

  async cut(recording: Blob, fileName: string, request: CutRequest, hooks: JobHooks = {}): Promise<CutResult> {
    if (!request.exact) return this.#copy(recording, fileName, request, hooks);
    // A cut keeps its source's codec, timing and sound (or lack of it): its length and frames are checked.
    const want: OutputExpectation = { durationSec: request.end - request.start, audio: false };
    const picture = { recording, check: cutPictureCheck(request.start, request.end) };
    const { value } = await this.#either<CutResult>(
      fileName,
      async () => {
        const done = await this.webcodecs.cut(recording, request.start, request.end, hooks);
        const cut: CutResult = { blob: new Blob([done.data], { type: 'video/mp4' }), ext: 'mp4', method: done.method, engine: 'webcodecs' };
        return this.#checked(cut, 'webcodecs', want, picture, hooks);
      },
      async () => this.#checked(await this.ffmpeg.cut(recording, fileName, request, hooks), 'ffmpeg', want, picture, hooks),
      hooks,
    );
    return value;
  }

  /**
   * A fast copy, read back like every file (its picture is the recording's own packets, and its
   * start is the keyframe before the clip's, so only its length, timestamps and decoding are
   * checked); one that fails is cut exactly instead, and says why. mediabunny copies unless the
   * compatible engine is forced; what it cannot copy, ffmpeg does.
   */
  async #copy(recording: Blob, fileName: string, request: CutRequest, hooks: JobHooks): Promise<CutResult> {
    const want: OutputExpectation = { durationSec: request.end - request.start, mayRunLongerSec: COPY_LEAD_MAX_SEC, audio: false };
    try {
      const started = performance.now();
      const made =
        (this.preference() !== 'ffmpeg' && (await this.#mediabunnyCopy(recording, request, hooks))) ||
        (await this.ffmpeg.cut(recording, fileName, request, hooks));
      // Measured for the bench (scripts/bench/cut.mjs reads them from the page).
      const copied = performance.now();
      performance.measure('lhs:copy', { start: started });
      const checked = await this.#checked(made, made.engine, want, undefined, hooks);
      performance.measure('lhs:copy-check', { start: copied });
      return checked;
    } catch (err) {
      if (!(err instanceof OutputCheckError)) throw err;
      console.warn('The fast copy failed its check, cutting exactly:', err);
      return { ...(await this.cut(recording, fileName, { ...request, exact: true }, hooks)), fallbackReason: err.message };
    }
  }

  /** mediabunny's copy, or null when it cannot make one (a codec or container it does not copy). */
  async #mediabunnyCopy(recording: Blob, { start, end, codecs }: CutRequest, hooks: JobHooks): Promise<CutResult | null> {
    const container = copyContainer(codecs);
    const data = await orNull(
      this.webcodecs.copy({ recording, start, end, container, withAudio: codecs.hasAudio }, hooks),
      hooks,
      'mediabunny could not copy the clip',
    );
    if (!data) return null;
    const blob = new Blob([data], { type: container === 'mp4' ? 'video/mp4' : 'video/x-matroska' });
    return { blob, ext: container, method: 'copy', engine: 'webcodecs' };
  }

  /** The short's sound mixed by the browser (no ffmpeg.wasm to load) where it decodes the sources, else by ffmpeg. */
  async #mixAudio(recording: Blob, fileName: string, plan: RenderPlan, assets: RenderAssets, hooks: JobHooks): Promise<Uint8Array> {
    const started = performance.now();
    const quick = await orNull(this.webcodecs.mixAudio(recording, plan, assets, hooks), hooks, 'The browser could not mix the audio');
    if (!quick) return this.ffmpeg.mixAudio(recording, fileName, plan, assets, hooks);
    performance.measure('lhs:mix', { start: started });
    return quick;
  }

  async render(recording: Blob, fileName: string, plan: RenderPlan, assets: RenderAssets, hooks: JobHooks = {}): Promise<RenderResult> {
    const want: OutputExpectation = {
      durationSec: clipDuration(plan),
      codec: 'avc',
      fps: plan.output.fps,
      width: plan.output.width,
      height: plan.output.height,
      audio: plan.source.hasAudio || plan.music !== undefined,
    };
    const picture = { recording, check: shortPictureCheck(plan) };
    const { value, fallbackReason } = await this.#either<RenderResult>(
      fileName,
      async () => {
        const audioHooks: JobHooks = hooks.signal ? { signal: hooks.signal } : {};
        const done = await this.webcodecs.render(recording, plan, assets, () => this.#mixAudio(recording, fileName, plan, assets, audioHooks), hooks);
        const short: RenderResult = { blob: new Blob([done.data], { type: 'video/mp4' }), engine: 'webcodecs', timings: done.timings };
        return this.#checked(short, 'webcodecs', want, picture, hooks);
      },
      async () => this.#checked(await this.ffmpeg.render(recording, fileName, plan, assets, hooks), 'ffmpeg', want, picture, hooks),
      hooks,
    );
    return fallbackReason ? { ...value, fallbackReason } : value;
  }

  dispose(): void {
    this.ffmpeg.dispose();
    this.webcodecs.dispose();
  }
}
