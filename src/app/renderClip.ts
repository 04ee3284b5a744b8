import type { Highlight } from '../domain/selection/model';
import { DEFAULT_MUSIC, type ClipEdit } from '../domain/edit/model';
import { outputPreset, type OutputSize } from '../domain/edit/output';
import { makeRenderPlan, type RenderAssets, type RenderPlan } from '../domain/edit/plan';
import { qualityPreset } from '../domain/edit/quality';
import type { RecordingMeta } from '../domain/recording/meta';
import { loadFonts } from '../canvas/fonts';
import { exportOverlays } from '../canvas/exportOverlays';
import type { JobHooks, RenderResult } from '../media/engine';
import { clipCuts, playedSpans, retimeEdit } from '../domain/edit/tightenEdit';
import { playedLength } from '../domain/edit/tighten';
import { teaserOf } from '../domain/edit/hook';
import type { Loudness } from '../domain/recording/loudness';
import { engine } from './services';
import { imageUrl } from './browser/stickers';

export interface RenderInput {
  recording: Blob;
  recordingName: string;
  meta: RecordingMeta;
  pick: Highlight;
  edit: ClipEdit;
  tightening?: Tightening;
}

/** What "Tighten" needs besides the edit: where the pauses are, and the project's setting. */
export interface Tightening {
  loudness?: Loudness;
  /** "Tighten every clip". */
  byDefault: boolean;
}

async function musicFile(music: ClipEdit['music']): Promise<NonNullable<RenderAssets['music']>> {
  if (music.file) {
    const ext = /\.([a-z0-9]{2,4})$/i.exec(music.fileName ?? '')?.[1]?.toLowerCase() ?? 'm4a';
    return { ext, data: new Uint8Array(await music.file.arrayBuffer()) };
  }
  const res = await fetch(`music/${music.trackId || DEFAULT_MUSIC.trackId}.m4a`);
  if (!res.ok) throw new Error(`The bundled music could not be loaded (${res.status}).`);
  return { ext: 'm4a', data: new Uint8Array(await res.arrayBuffer()) };
}

export interface PreparedRender {
  plan: RenderPlan;
  assets: RenderAssets;
}

/**
 * Canvas → overlay PNGs, + music → one render plan with the bytes it names. The editor's live
 * preview asks for the same plan at its display size (`output`).
 */
export async function prepareRender(
  { meta, pick, edit: asEdited, tightening }: Pick<RenderInput, 'meta' | 'edit' | 'tightening'> & { pick: Pick<Highlight, 'start' | 'end'> },
  output: OutputSize = outputPreset(asEdited.output),
): Promise<PreparedRender> {
  await loadFonts();
  const clip = { start: pick.start, end: pick.end };
  const keep = tightening && playedSpans(clip, clipCuts(asEdited, clip, output.fps, tightening.byDefault, tightening));
  const teaser = teaserOf(asEdited.hook, clip);
  const leadSec = teaser ? teaser.end - teaser.start : 0;
  // Tightened or teased, every timed element moves onto the short's own timeline.
  const edit = keep || teaser ? retimeEdit(asEdited, pick.start, keep, leadSec) : asEdited;
  const overlays = await exportOverlays(edit, output, leadSec + (keep ? playedLength(keep) : pick.end - pick.start), imageUrl, leadSec);
  const music = edit.music.enabled ? await musicFile(edit.music) : undefined;
  const plan = makeRenderPlan(meta, pick, output, edit.reframe, qualityPreset(edit.quality).id, {
    overlays: overlays.map((o) => o.overlay),
    ...(edit.cropX !== undefined && { cropX: edit.cropX }),
    ...(edit.cropPins && { cropPins: edit.cropPins }),
    ...(keep && { keep }),
    ...(teaser && { teaser }),
    ...(music && { music: { volume: edit.music.volume, fadeInSec: 1, fadeOutSec: 1.5, duck: true } }),
  });
  const assets: RenderAssets = { overlays: new Map(overlays.map((o) => [o.overlay.id, o.png])), ...(music && { music }) };
  return { plan, assets };
}

/** Renders a prepared clip with whichever engine the media layer picks. */
export function renderPrepared(
  { recording, recordingName }: Pick<RenderInput, 'recording' | 'recordingName'>,
  { plan, assets }: PreparedRender,
  hooks: JobHooks,
): Promise<RenderResult> {
  return engine.render(recording, recordingName, plan, assets, hooks);
}

/** Canvas → overlay PNGs, + music → one render plan → the engine → an MP4. */
export async function renderClip(input: RenderInput, hooks: JobHooks): Promise<RenderResult> {
  return renderPrepared(input, await prepareRender(input), hooks);
}
