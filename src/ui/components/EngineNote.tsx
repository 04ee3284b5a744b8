import type { RenderResult } from '../../media/engine';

/** How the engines are named to the user (the short name, then what it is). */
export const ENGINE_NAMES = { webcodecs: ['fast engine', 'WebCodecs'], ffmpeg: ['compatible engine', 'ffmpeg.wasm'] } as const;

/** Which engine made a video, how long it took, and why the fast one was not used when it wasn't. */
export function EngineNote({ result, seconds }: { result: RenderResult; seconds: number }) {
  return (
    <p class="hint" data-testid="render-engine" data-engine={result.engine} data-timings={JSON.stringify(result.timings ?? {})}>
      Made by the {ENGINE_NAMES[result.engine][0]} ({ENGINE_NAMES[result.engine][1]}) in {seconds.toFixed(1)} s.
      {result.fallbackReason && ` The fast engine could not make it here (${result.fallbackReason}), so the compatible one did.`}
    </p>
  );
}
