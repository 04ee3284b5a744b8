import { Canvas, FabricImage, type FabricObject } from 'fabric';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useObjectUrl } from '../common/useObjectUrl';
import { elementFrame, FramePainter } from '../../canvas/framePainter';
import { loadFonts } from '../../canvas/fonts';
import { styleHandles } from '../../canvas/handles';
import { warningMarkers } from '../../canvas/markers';
import { buildScene, captionRegion, layoutOf, refOf, safeGuides } from '../../canvas/scene';
import { elementsOf, sameRef, type ElementRef } from '../../domain/edit/elements';
import { layoutWarnings, type LayoutWarning, type PlacedElement } from '../../domain/edit/layoutWarnings';
import { DESIGN, type ClipEdit, type ElementLayout } from '../../domain/edit/model';
import { canPanCrop, pannedCropX, reframeGeometry } from '../../domain/edit/reframe';
import { cropXAt } from '../../domain/edit/cropPath';
import { safeArea } from '../../domain/edit/safeArea';
import type { RecordingMeta } from '../../domain/recording/meta';
import { codecLabel } from '../common/codecLabel';
import { imageUrl } from '../../app/browser/stickers';
import { pictureOf, type Picture } from '../common/usePicture';

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
  /** The crop window was dragged to a new position (once per drag). */
  onCrop: (cropX: number) => void;
  /** Overlays out of the safe area or over a caption, after every change of the layout. */
  onWarnings: (warnings: LayoutWarning[]) => void;
}

const SAFE = safeArea(DESIGN.width, DESIGN.height);
/** The phone layout's query (styles.css: the editor's single column). */
const PHONE = '(max-width: 700px)';
const PHONE_CANVAS_VH = 0.4;

/** Whether the middle of the painted frame (where every reframe mode puts the picture) is pure black. */
function blankCentre(frame: HTMLCanvasElement): boolean {
  const pixels = frame.getContext('2d')?.getImageData(frame.width / 2 - 8, frame.height / 2 - 8, 16, 16).data;
  return pixels?.every((v, i) => i % 4 === 3 || v === 0) ?? false;
}

/**
 * The Fabric canvas at the design size (1080×1920, scaled by CSS): a frame of the clip, reframed
 * as it will be rendered, with every overlay on top. Dragging, scaling and rotating an overlay
 * reports its new layout; dragging the picture itself (centre crop of a wider source) slides the
 * crop window. What is on the canvas is what the render composites.
 */
export function EditorCanvas({ edit, time, recording, clipStart, meta, selected, onSelect, onLayout, onEditText, onCrop, onWarnings }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const el = useRef<HTMLCanvasElement>(null);
  const fabric = useRef<Canvas | null>(null);
  // Made once per canvas (an argument to useRef would be made again on every render).
  const [frame] = useState(() => document.createElement('canvas'));
  const [video] = useState(() => document.createElement('video'));
  const [ready, setReady] = useState(false);
  /** Whether the frame at `time` is painted behind the overlays (tools and tests read the pixels once it is). */
  const [framed, setFramed] = useState(false);
  const [picture, setPicture] = useState<Picture>('unknown');
  /** The crop position while the picture is being dragged (committed on release). */
  const [panX, setPanX] = useState<number | null>(null);
  const handlers = useRef({ onSelect, onLayout, onEditText, onCrop, onWarnings });
  handlers.current = { onSelect, onLayout, onEditText, onCrop, onWarnings };
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  /** Rebuilding the scene removes the selected object: that is not the user deselecting it. */
  // A count, not a flag: rebuilds overlap (a newer one starts while an older one loads images), and
  // the older one ending must not mark the newer one's swap as the user's doing.
  const rebuilding = useRef(0);
  const markers = useRef<FabricObject[]>([]);
  /** CSS pixels per canvas pixel: handles and markers are sized for the screen. */
  const cssScale = useRef(1 / 3);
  const url = useObjectUrl(recording)!;

  // Pins move the crop: the frame shown has the window of its moment (cropPath.ts).
  const shownX = cropXAt(edit.cropPins, edit.cropX, time);
  const geometry = useMemo(() => reframeGeometry(meta, DESIGN, edit.reframe, panX ?? shownX), [meta, edit.reframe, shownX, panX]);
  const live = useRef({ geometry, cropX: shownX });
  live.current = { geometry, cropX: panX ?? shownX };
  const pannable = canPanCrop(geometry);

  /** Draws the hidden video's current frame with the live reframe geometry. */
  const paint = useMemo(
    () => () => {
      const canvas = fabric.current;
      const ctx = frame.getContext('2d');
      if (!canvas || !ctx || video.readyState < 2) return;
      new FramePainter(ctx, live.current.geometry).paint(elementFrame(video));
      canvas.backgroundImage = new FabricImage(frame, { originX: 'left', originY: 'top' });
      // At once, not on the next animation frame: `data-framed` says the pixels are there.
      canvas.renderAll();
    },
    [frame, video],
  );

  useEffect(() => {
    const canvas = new Canvas(el.current!, { width: DESIGN.width, height: DESIGN.height, preserveObjectStacking: true, selection: false });
    // On a phone the canvas is pinned at the top: at most PHONE_CANVAS_VH of the screen's height.
    // Fitted again when the window changes (a phone turned, a mobile layout settling after load).
    const sizeCanvas = () => {
      const phone = matchMedia(PHONE).matches;
      const room = host.current?.parentElement?.clientWidth || 360;
      const cssWidth = Math.floor(Math.min(360, room, phone ? (innerHeight * PHONE_CANVAS_VH * DESIGN.width) / DESIGN.height : 360));
      if (cssWidth === Math.round(cssScale.current * DESIGN.width)) return;
      canvas.setDimensions({ width: `${cssWidth}px`, height: `${(cssWidth * DESIGN.height) / DESIGN.width}px` }, { cssOnly: true });
      cssScale.current = cssWidth / DESIGN.width;
    };
    cssScale.current = 0;
    sizeCanvas();
    // A phone's page can still be zoomed out from the previous screen's layout on the first frame.
    const settle = requestAnimationFrame(sizeCanvas);
    addEventListener('resize', sizeCanvas);
    visualViewport?.addEventListener('resize', sizeCanvas);
    const picked = () => {
      if (rebuilding.current > 0) return;
      const active = canvas.getActiveObject();
      handlers.current.onSelect(active ? (refOf(active) ?? null) : null);
    };
    canvas.on('selection:created', picked);
    canvas.on('selection:updated', picked);
    canvas.on('selection:cleared', picked);
    // Where the selected overlay is drawn (design px: left,top,width,height), for tests and tools.
    canvas.on('after:render', () => {
      const b = canvas.getActiveObject()?.getBoundingRect();
      if (host.current) host.current.dataset.selection = b ? [b.left, b.top, b.width, b.height].map(Math.round).join(',') : '';
    });
    canvas.on('before:transform', () => {
      // Markers show where the overlay was; they come back with the rebuild after the change.
      canvas.remove(...markers.current);
      markers.current = [];
    });
    canvas.on('object:modified', ({ target }) => {
      const ref = refOf(target);
      if (ref) handlers.current.onLayout(ref, layoutOf(target));
    });
    canvas.on('mouse:dblclick', ({ target }) => {
      const ref = target && refOf(target);
      if (ref && ref.kind !== 'sticker') handlers.current.onEditText(ref);
    });
    // Dragging the picture (not an overlay) slides the crop window; one change per drag.
    let pan: { x: number; from: number; to: number } | null = null;
    canvas.on('mouse:down', ({ target, scenePoint }) => {
      if (target || !canPanCrop(live.current.geometry)) return;
      pan = { x: scenePoint.x, from: live.current.cropX, to: live.current.cropX };
    });
    canvas.on('mouse:move', ({ scenePoint }) => {
      if (!pan) return;
      pan.to = pannedCropX(live.current.geometry, pan.from, scenePoint.x - pan.x);
      setPanX(pan.to);
    });
    canvas.on('mouse:up', () => {
      if (!pan) return;
      if (pan.to !== pan.from) handlers.current.onCrop(pan.to);
      pan = null;
      setPanX(null);
    });
    fabric.current = canvas;
    return () => {
      cancelAnimationFrame(settle);
      removeEventListener('resize', sizeCanvas);
      visualViewport?.removeEventListener('resize', sizeCanvas);
      fabric.current = null;
      void canvas.dispose();
    };
  }, []);

  useEffect(() => {
    const canvas = fabric.current;
    if (canvas) canvas.defaultCursor = pannable ? 'ew-resize' : 'default';
  }, [pannable]);

  // A codec the browser lacks loads without a picture: say so rather than show black.
  useEffect(() => {
    const v = video;
    const settle = () => setPicture(pictureOf(v));
    v.addEventListener('loadedmetadata', settle);
    v.addEventListener('error', settle);
    return () => {
      v.removeEventListener('loadedmetadata', settle);
      v.removeEventListener('error', settle);
    };
  }, [video]);

  // Closed: the hidden video lets go of the recording (a revoked URL alone does not unload it).
  useEffect(
    () => () => {
      video.removeAttribute('src');
      video.load();
    },
    [video],
  );

  // The background frame: seek the hidden video to the clip time; each seek paints.
  useEffect(() => {
    const v = video;
    frame.width = DESIGN.width;
    frame.height = DESIGN.height;
    v.muted = true;
    // A seek loads what it needs; WebKit (2.50) failed 'auto' hidden videos with error 4 in 5 of 8 loads, 'metadata' in none.
    v.preload = 'metadata';
    if (v.src !== url) v.src = url;
    const seek = () => {
      v.currentTime = clipStart + time;
    };
    let retried = false;
    setFramed(false);
    const painted = () => {
      paint();
      setFramed(video.readyState >= 2);
      // WebKitGTK on a busy machine fires 'seeked' before the frame is there (it draws pure
      // black, and no event follows): seek again, once. A frame that is black costs one more seek.
      if (!retried && blankCentre(frame)) {
        retried = true;
        seek();
      }
    };
    v.addEventListener('seeked', painted);
    if (v.readyState >= 1) seek();
    else v.addEventListener('loadedmetadata', seek, { once: true });
    return () => {
      v.removeEventListener('seeked', painted);
      v.removeEventListener('loadedmetadata', seek);
    };
  }, [url, clipStart, time, paint, video, frame]);

  // A new reframe (mode or crop position) repaints the frame already there, without a seek.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `paint` reads the geometry from a ref; the dependency is what asks for the repaint.
  useEffect(paint, [geometry, paint]);

  // The overlays, rebuilt when they change; the selection follows the element across rebuilds.
  const { captions, stickers, texts, intro } = edit;
  useEffect(() => {
    let current = true;
    void (async () => {
      await loadFonts();
      const canvas = fabric.current;
      if (!canvas || !current) return;
      rebuilding.current++;
      try {
        const scene = { captions, stickers, texts, intro };
        await buildScene(canvas, scene, { time, imageUrl });
        if (!current) return;
        const scale = cssScale.current;
        const objects = canvas.getObjects();
        for (const o of objects) styleHandles(o, scale);
        const placed = elementsOf(scene).flatMap((e): PlacedElement[] => {
          const o = objects.find((x) => sameRef(refOf(x), e.ref));
          if (!o) return [];
          o.setCoords();
          const b = o.getBoundingRect();
          const box = (e.ref.kind === 'caption' && captionRegion(scene)) || { x: b.left, y: b.top, width: b.width, height: b.height };
          return [{ ref: e.ref, box, spans: e.spans }];
        });
        const warnings = layoutWarnings(placed, SAFE);
        markers.current = warningMarkers(
          placed.filter((p) => warnings.some((w) => sameRef(w.ref, p.ref)) && objects.find((o) => sameRef(refOf(o), p.ref))?.visible),
          scale,
        );
        for (const o of [...safeGuides(), ...markers.current]) canvas.add(o);
        const again = objects.find((o) => sameRef(refOf(o), selectedRef.current));
        if (again?.visible) canvas.setActiveObject(again);
        canvas.requestRenderAll();
        handlers.current.onWarnings(warnings);
        setReady(true);
      } finally {
        rebuilding.current--;
      }
    })();
    return () => {
      current = false;
    };
  }, [captions, stickers, texts, intro, time]);

  // A selection made outside the canvas (the layer list, the keyboard) shows on it.
  useEffect(() => {
    const canvas = fabric.current;
    if (!canvas) return;
    const active = canvas.getActiveObject();
    if (sameRef(active && refOf(active), selected)) return;
    const target = canvas.getObjects().find((o) => o.visible && sameRef(refOf(o), selected));
    if (target) canvas.setActiveObject(target);
    else if (active) canvas.discardActiveObject();
    canvas.requestRenderAll();
  }, [selected]);

  return (
    <>
      <div class={`editor-canvas${pannable ? ' pannable' : ''}`} ref={host} data-testid="editor-canvas" data-ready={ready} data-framed={framed}>
        <canvas
          ref={el}
          aria-label={`Canvas: drag, resize and rotate the overlays${pannable ? '; drag the picture sideways to move the crop' : ''}. Safe area shown dashed; with the keyboard, ] and [ select the next and previous overlay (or use the layer buttons below) and the arrow keys move it.`}
        />
      </div>
      {picture === 'none' && (
        <p class="note warn" role="status" data-testid="canvas-no-picture">
          This browser can't show {codecLabel(meta.videoCodec)} video, so the canvas has no picture behind the overlays. Renders still use the full picture.
        </p>
      )}
    </>
  );
}
