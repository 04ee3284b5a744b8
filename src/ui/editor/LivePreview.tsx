import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { PreviewPlayer } from '../../app/preview/previewPlayer';
import { previewPlayback } from '../../app/playback';
import { prepareRender, type Tightening } from '../../app/renderClip';
import type { ClipCut } from '../../domain/edit/tightenEdit';
import type { ClipEdit } from '../../domain/edit/model';
import { outputPreset, type OutputSize } from '../../domain/edit/output';
import { lastFrameTime } from '../../domain/edit/playhead';
import type { RecordingMeta } from '../../domain/recording/meta';
import { messageOf } from '../../domain/errors/messageOf';
import { useStore } from '../common/useStore';

/** Waits this long after an edit before drawing the overlays again for the preview. */
const PREPARE_AFTER_MS = 400;

interface Props {
  edit: ClipEdit;
  recording: Blob;
  meta: RecordingMeta;
  clipStart: number;
  clipSec: number;
  /** The editor's playhead (the canvas shows it while the preview is paused). */
  time: number;
  setTime: (t: number) => void;
  /** Lets the editor's keys reach the player. */
  controls: (player: PreviewControls) => void;
  /** The editable canvas. */
  children: ComponentChildren;
  tightening: Tightening;
  /** Cut pauses (recording time): the preview skips them, the scrub bar shades them. */
  cuts: readonly ClipCut[];
}

export interface PreviewControls {
  toggle: () => void;
  /** While playing: pauses at the frame shown and returns its time; null when it was not playing. */
  stop: () => number | null;
}

/**
 * At most this many canvas pixels per CSS pixel: a phone's 3× screen would draw 2.25× the pixels of
 * 2× each frame (measured: 23–26 fps with 12–22 % dropped at 3×, without a GPU), for a difference a
 * moving picture doesn't show.
 */
const MAX_PIXEL_RATIO = 2;

/** The preview canvas's pixel size: the stage's width on this screen, at the output's aspect. */
function displaySize(output: OutputSize, cssWidth: number): OutputSize {
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  const width = even(Math.min(output.width, cssWidth * Math.min(MAX_PIXEL_RATIO, window.devicePixelRatio || 1)));
  return { width, height: even((width * output.height) / output.width), fps: output.fps };
}

/**
 * The editable canvas with the edit played over it: Play shows the clip as the short will be, in
 * real time with its sound; Pause leaves the canvas at the frame it stopped on. The playhead
 * below scrubs the canvas, or seeks the playing preview.
 */
export function LivePreview({ edit, recording, meta, clipStart, clipSec, time, setTime, controls, children, tightening, cuts }: Props) {
  const [player] = useState(() => new PreviewPlayer(recording, clipStart));
  const state = useStore(player);
  const canvas = useRef<HTMLCanvasElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const loading = useRef<Promise<void>>(Promise.resolve());
  /** The preparation an edit has scheduled and not yet started: Play starts it at once. */
  const scheduled = useRef<(() => void) | null>(null);
  const [prepareError, setPrepareError] = useState<string | null>(null);
  const fine = clipSec < 2;
  const { fps } = outputPreset(edit.output);
  const lastFrame = lastFrameTime(clipSec, fps);
  const ticksId = useId();
  const pinTicks = (edit.cropPins ?? []).map((p) => p.t).filter((t) => t >= 0 && t <= lastFrame);

  useEffect(() => () => player.dispose(), [player]);
  // Background work (the face search) holds while the preview plays.
  useEffect(() => previewPlayback.set(state.playing), [state.playing]);
  useEffect(() => () => previewPlayback.set(false), []);
  useEffect(() => player.attach(canvas.current), [player]);

  // The plan at the preview's size, drawn again a moment after each edit (not on every keystroke).
  useEffect(() => {
    let current = true;
    const prepare = () => {
      clearTimeout(timer);
      scheduled.current = null;
      const size = displaySize(outputPreset(edit.output), host.current?.clientWidth || 360);
      loading.current = prepareRender({ meta, pick: { start: clipStart, end: clipStart + clipSec }, edit, tightening }, size)
        .then((prepared) => (current ? player.load(prepared) : undefined))
        .then(() => setPrepareError(null))
        .catch((e: unknown) => setPrepareError(messageOf(e)));
    };
    const timer = setTimeout(prepare, PREPARE_AFTER_MS);
    scheduled.current = prepare;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [player, edit, meta, clipStart, clipSec, tightening]);

  const play = async () => {
    // An edit made while a preparation ran drops that one's result and schedules another: wait
    // for the latest, or Play would find nothing loaded on a first open and do nothing.
    let pending: Promise<void>;
    do {
      scheduled.current?.();
      pending = loading.current;
      await pending;
    } while (pending !== loading.current || scheduled.current);
    await player.play(time);
  };
  const pause = () => {
    player.pause();
    const t = Math.min(lastFrame, player.snapshot.time);
    setTime(t);
    return t;
  };
  // Played to the end: the canvas shows the last frame, where the preview stopped.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the stop at the end moves the editor's playhead.
  useEffect(() => {
    if (state.ended) setTime(lastFrame);
  }, [state.ended]);
  const live = useRef({ play, pause });
  live.current = { play, pause };
  useEffect(
    () =>
      controls({
        toggle: () => (player.snapshot.playing ? live.current.pause() : void live.current.play()),
        stop: () => (player.snapshot.playing ? live.current.pause() : null),
      }),
    [controls, player],
  );

  // While playing, the clock and the scrub bar move in tenths: redrawn every frame, they cost a
  // phone without a GPU (3 device px per CSS px) a fifth of its frames.
  const shown = state.playing ? Math.floor(state.time * 10) / 10 : time;
  const error = prepareError ?? state.error;
  return (
    <>
      <div class="stage-view" ref={host}>
        {children}
        <canvas
          ref={canvas}
          class="live-preview"
          hidden={!state.playing}
          aria-label="The short, playing"
          data-testid="live-preview"
          data-playing={state.playing}
          data-time={state.time.toFixed(3)}
          data-drawn={state.drawn}
          data-dropped={state.dropped}
          data-voice={state.level.voice.toFixed(3)}
          data-duck={state.level.duck.toFixed(3)}
          data-music={state.level.music.toFixed(3)}
        />
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a named group of player controls, without a fieldset's layout. */}
      <div class="transport" role="group" aria-label="Play the edit">
        <button type="button" class="btn play" onClick={() => (state.playing ? pause() : void play())} aria-keyshortcuts="Space K" aria-pressed={state.playing}>
          <span aria-hidden="true">{state.playing ? '❚❚' : '▶'} </span>
          {state.playing ? 'Pause' : 'Play'}
        </button>
        <span class="transport-clock" aria-hidden="true">
          {shown.toFixed(fine ? 2 : 1)} s of {clipSec.toFixed(fine ? 2 : 1)} s
        </span>
        <label class="check">
          <input type="checkbox" checked={state.loop} onChange={(e) => player.setLoop(e.currentTarget.checked)} /> Loop the clip
        </label>
        <div class="scrub-track">
          {/* Cut pauses shaded on the scrub bar: the picture jumps over them. */}
          <div class="cut-marks" aria-hidden="true">
            {cuts
              .filter((c) => !c.restored)
              .map((c) => (
                <span
                  key={c.start}
                  data-testid="cut-mark"
                  style={{ left: `${(100 * (c.start - clipStart)) / clipSec}%`, width: `${(100 * (c.end - c.start)) / clipSec}%` }}
                />
              ))}
          </div>
          <input
            type="range"
            class="transport-scrub"
            min={0}
            max={lastFrame}
            step={1 / fps}
            value={shown}
            aria-label="Scrub the clip"
            list={pinTicks.length > 0 ? ticksId : undefined}
            aria-valuetext={`${shown.toFixed(fine ? 2 : 1)} s of ${clipSec.toFixed(fine ? 2 : 1)} s`}
            aria-keyshortcuts="J L"
            onInput={(e) => {
              const t = Number(e.currentTarget.value);
              if (player.snapshot.playing) void player.seek(t);
              else setTime(t);
            }}
          />
        </div>
        {/* The crop's pins as tick marks on the scrub bar: where the crop moves. */}
        {pinTicks.length > 0 && (
          <datalist id={ticksId}>
            {pinTicks.map((t) => (
              <option key={t} value={t} label={`Crop pinned at ${t.toFixed(1)} s`} />
            ))}
          </datalist>
        )}
      </div>
      {state.silent && !error && (
        <p class="note warn" role="status" data-testid="preview-silent">
          The preview plays without sound: this browser couldn't open an audio output (check the computer's sound settings). The short keeps its sound.
        </p>
      )}
      {error && (
        <p class="note warn" role="status">
          The preview can't play here: {error} The canvas and the render still work.
        </p>
      )}
    </>
  );
}
