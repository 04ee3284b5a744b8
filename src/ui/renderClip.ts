import type { Pick } from '../domain/events';
import { DEFAULT_MUSIC, type ClipEdit } from '../domain/edit/model';
import { outputPreset } from '../domain/edit/output';
import { makeRenderPlan } from '../domain/edit/plan';
import type { RecordingMeta } from '../domain/recording';
import { loadFonts } from '../canvas/fonts';
import { exportOverlays } from '../canvas/exportOverlays';
import type { JobHooks, RenderFile } from '../media/engine';
import { engine } from './services';
import { imageUrl } from './stickers';

export interface RenderInput {
  recording: Blob;
  recordingName: string;
  meta: RecordingMeta;
  pick: Pick;
  edit: ClipEdit;
}

async function musicFile(music: ClipEdit['music']): Promise<RenderFile> {
  if (music.file) {
    const ext = /\.([a-z0-9]{2,4})$/i.exec(music.fileName ?? '')?.[1] ?? 'm4a';
    return { path: `/music.${ext}`, data: new Uint8Array(await music.file.arrayBuffer()) };
  }
  const res = await fetch(`music/${music.trackId || DEFAULT_MUSIC.trackId}.m4a`);
  if (!res.ok) throw new Error(`The bundled music could not be loaded (${res.status}).`);
  return { path: '/music.m4a', data: new Uint8Array(await res.arrayBuffer()) };
}

/** Canvas → overlay PNGs, + music → one render plan → the engine → an MP4. */
export async function renderClip({ recording, recordingName, meta, pick, edit }: RenderInput, hooks: JobHooks): Promise<Blob> {
  const output = outputPreset(edit.output);
  await loadFonts();
  const overlays = await exportOverlays(edit, output, pick.end - pick.start, imageUrl);
  const music = edit.music.enabled ? await musicFile(edit.music) : undefined;
  const plan = makeRenderPlan(meta, pick, output, edit.reframe, {
    overlays: overlays.map((o) => o.overlay),
    ...(music && { music: { file: music.path, volume: edit.music.volume, fadeInSec: 1, fadeOutSec: 1.5, duck: true } }),
  });
  const files: RenderFile[] = [...overlays.map((o) => ({ path: o.overlay.file, data: o.png })), ...(music ? [music] : [])];
  return engine.render(recording, recordingName, plan, files, hooks);
}
