import type { ReframeGeometry } from '../domain/edit/reframe';

/**
 * Draws the current video frame the way the render will place it: the same reframe geometry
 * (cover crop, or fit over a blurred cover). The browser applies rotation metadata itself, so
 * the element's frame is already the displayed (rotated) picture.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, video: HTMLVideoElement, g: ReframeGeometry): void {
  const { output } = g;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, output.width, output.height);
  if (g.background) {
    const b = g.background;
    ctx.save();
    ctx.filter = `blur(${b.blurSigma}px)`;
    ctx.drawImage(video, b.crop.x, b.crop.y, b.crop.width, b.crop.height, 0, 0, output.width, output.height);
    ctx.restore();
  }
  ctx.drawImage(video, g.crop.x, g.crop.y, g.crop.width, g.crop.height, g.video.x, g.video.y, g.video.width, g.video.height);
}
