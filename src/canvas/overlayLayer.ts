/**
 * The overlays of a render plan as a layer over the picture: the WebCodecs engine and the
 * editor's live preview both draw them with this, at each frame's clip time, so a caption word,
 * sticker or intro fade shows at the same moment in both. No Fabric here: it runs in workers too.
 */
import { overlayAlpha, visibleOverlays, type OverlayImage, type RenderPlan } from '../domain/edit/plan';

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface OverlayBitmap {
  o: OverlayImage;
  bitmap: ImageBitmap;
}

/** Decodes the plan's visible overlays from their PNGs (by overlay id), in compositing order. */
export function overlayBitmaps(plan: RenderPlan, pngs: ReadonlyMap<string, Uint8Array>): Promise<OverlayBitmap[]> {
  return Promise.all(
    visibleOverlays(plan).flatMap((o) => {
      const png = pngs.get(o.id);
      return png ? [createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })).then((bitmap) => ({ o, bitmap }))] : [];
    }),
  );
}

/** Draws the overlays shown at clip time t, with their fade. */
export function drawOverlays(ctx: Context2D, overlays: readonly OverlayBitmap[], t: number): void {
  for (const { o, bitmap } of overlays) {
    const alpha = overlayAlpha(o, t);
    if (alpha <= 0) continue;
    ctx.globalAlpha = alpha;
    ctx.drawImage(bitmap, Math.round(o.x), Math.round(o.y));
  }
  ctx.globalAlpha = 1;
}
