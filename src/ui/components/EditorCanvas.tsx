import { Canvas, FabricImage, type FabricObject } from 'fabric';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useObjectUrl } from '../useObjectUrl';
import { drawFrame } from '../../canvas/frame';
import { loadFonts } from '../../canvas/fonts';
import { buildScene, layoutOf, refOf, safeGuides, type ElementRef } from '../../canvas/scene';
import { DESIGN, type ClipEdit, type ElementLayout } from '../../domain/edit/model';
import { reframeGeometry } from '../../domain/edit/reframe';
import type { RecordingMeta } from '../../domain/recording';
import { codecLabel } from '../codecLabel';
import { imageUrl } from '../stickers';
import { pictureOf, type Picture } from '../usePicture';

interface Props {
  edit: ClipEdit;
  /** Clip time shown, seconds. */
  time: number;
  recording: Blob;
  clipStart: number;
  meta: RecordingMeta;
  selected: ElementRef | null;
  onSelect: (ref: ElementRef | null) => void;
  onLayout: (ref: ElementRef, layout: ElementLayout) => void;
  /** Double-click on a text element: edit its text. */
  onEditText: (ref: ElementRef) => void;
}

const sameRef = (a: ElementRef | null | undefined, b: ElementRef | null | undefined) =>
  !!a && !!b && a.kind === b.kind && (a.kind !== 'sticker' || (b.kind === 'sticker' && a.key === b.key));

/**
 * The Fabric canvas at the design size (1080×1920, scaled by CSS): a frame of the clip, reframed
 * as it will be rendered, with every overlay on top. Dragging, scaling and rotating an overlay
 * reports its new layout; what is on the canvas is what the render composites.
 */
export function EditorCanvas({ edit, time, recording, clipStart, meta, selected, onSelect, onLayout, onEditText }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const el = useRef<HTMLCanvasElement>(null);
  const fabric = useRef<Canvas | null>(null);
  const frame = useRef<HTMLCanvasElement>(document.createElement('canvas'));
  const video = useRef<HTMLVideoElement>(document.createElement('video'));
  const [ready, setReady] = useState(false);
  const [picture, setPicture] = useState<Picture>('unknown');
  const handlers = useRef({ onSelect, onLayout, onEditText });
  handlers.current = { onSelect, onLayout, onEditText };
  const url = useObjectUrl(recording)!;

  useEffect(() => {
    const canvas = new Canvas(el.current!, { width: DESIGN.width, height: DESIGN.height, preserveObjectStacking: true, selection: false });
    const cssWidth = Math.min(360, host.current?.clientWidth || 360);
    canvas.setDimensions({ width: `${cssWidth}px`, height: `${(cssWidth * DESIGN.height) / DESIGN.width}px` }, { cssOnly: true });
    const picked = () => handlers.current.onSelect(canvas.getActiveObject() ? (refOf(canvas.getActiveObject()!) ?? null) : null);
    canvas.on('selection:created', picked);
    canvas.on('selection:updated', picked);
    canvas.on('selection:cleared', () => handlers.current.onSelect(null));
    canvas.on('object:modified', ({ target }) => {
      const ref = refOf(target);
      if (ref) handlers.current.onLayout(ref, layoutOf(target));
    });
    canvas.on('mouse:dblclick', ({ target }) => {
      const ref = target && refOf(target);
      if (ref && ref.kind !== 'sticker') handlers.current.onEditText(ref);
    });
    fabric.current = canvas;
    return () => {
      fabric.current = null;
      void canvas.dispose();
    };
  }, []);

  // A codec the browser lacks loads without a picture: say so rather than show black.
  useEffect(() => {
    const v = video.current;
    const settle = () => setPicture(pictureOf(v));
    v.addEventListener('loadedmetadata', settle);
    v.addEventListener('error', settle);
    return () => {
      v.removeEventListener('loadedmetadata', settle);
      v.removeEventListener('error', settle);
    };
  }, []);

  // The background frame: seek the hidden video, draw it with the render's reframe geometry.
  useEffect(() => {
    const v = video.current;
    const f = frame.current;
    f.width = DESIGN.width;
    f.height = DESIGN.height;
    const geometry = reframeGeometry(meta, DESIGN, edit.reframe);
    const paint = () => {
      const canvas = fabric.current;
      const ctx = f.getContext('2d');
      if (!canvas || !ctx || v.readyState < 2) return;
      drawFrame(ctx, v, geometry);
      canvas.backgroundImage = new FabricImage(f, { originX: 'left', originY: 'top' });
      canvas.requestRenderAll();
    };
    v.muted = true;
    v.preload = 'auto';
    if (v.src !== url) v.src = url;
    v.addEventListener('seeked', paint);
    const seek = () => {
      v.currentTime = clipStart + time;
    };
    if (v.readyState >= 1) seek();
    else v.addEventListener('loadedmetadata', seek, { once: true });
    return () => {
      v.removeEventListener('seeked', paint);
      v.removeEventListener('loadedmetadata', seek);
    };
  }, [url, clipStart, time, edit.reframe, meta]);

  // The overlays, rebuilt from the edit; the selection follows the element across rebuilds.
  useEffect(() => {
    let live = true;
    void (async () => {
      await loadFonts();
      const canvas = fabric.current;
      if (!canvas || !live) return;
      await buildScene(canvas, edit, { time, imageUrl });
      if (!live) return;
      for (const g of safeGuides()) canvas.add(g);
      const again = canvas.getObjects().find((o: FabricObject) => sameRef(refOf(o), selected));
      if (again?.visible) canvas.setActiveObject(again);
      canvas.requestRenderAll();
      setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [edit, time]);

  return (
    <>
      <div class="editor-canvas" ref={host} data-testid="editor-canvas" data-ready={ready}>
        <canvas ref={el} aria-label="Canvas: drag, resize and rotate the overlays. Safe area shown dashed." />
      </div>
      {picture === 'none' && (
        <p class="note warn" role="status" data-testid="canvas-no-picture">
          This browser can't show {codecLabel(meta.videoCodec)} video, so the canvas has no picture behind the overlays. Renders still use the full picture.
        </p>
      )}
    </>
  );
}
