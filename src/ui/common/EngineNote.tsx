import { ENGINE_NAMES } from '../../domain/media/engineNames';
import type { RenderResult } from '../../media/engine';

/** Which engine made a video and how long it took; the technical why of a fallback under Details. */
export function EngineNote({ result, seconds }: { result: RenderResult; seconds: number }) {
  const [name, tech] = ENGINE_NAMES[result.engine];
  return (
    <div
      class="hint"
      data-testid="render-engine"
      data-engine={result.engine}
      data-timings={JSON.stringify(result.timings ?? {})}
      data-picture-diff={result.picture?.diff.toFixed(1)}
    >
      <p>
        Ready for TikTok (MP4). Made in {seconds.toFixed(1)} s by the {name}.
        {result.fallbackReason && ' The fast engine could not make this one, so the slower, compatible one did.'}
      </p>
      <details class="advanced small">
        <summary>Details</summary>
        <p class="muted">
          Engine: {tech}.{result.fallbackReason && ` Why not the fast one: ${result.fallbackReason}`}
        </p>
        {result.picture && (
          <p class="muted">
            Checked against the recording at {result.picture.moments} {result.picture.moments === 1 ? 'moment' : 'moments'}: the picture matches (mean
            difference at most {Math.round(result.picture.diff)} of 255).
          </p>
        )}
      </details>
    </div>
  );
}
