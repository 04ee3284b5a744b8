/**
 * Images are checked when they are added, so what the canvas shows can always be rendered. An
 * SVG with HTML inside (`<foreignObject>`) shows on the page, but it taints any canvas it is drawn
 * on, and every render of its clip would then fail ("Tainted canvases may not be exported").
 * Those parts are taken out, and the note says so; the rest stays vector.
 */

export interface AddedImage {
  file: File;
  /** What was changed, for the user; absent when the image is used as it came. */
  note?: string;
}

const isSvg = (file: File) => file.type === 'image/svg+xml' || /\.svg$/i.test(file.name);

export async function exportableImage(file: File): Promise<AddedImage> {
  if (!isSvg(file)) return { file };
  const doc = new DOMParser().parseFromString(await file.text(), 'image/svg+xml');
  if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'svg') {
    throw new Error(`${file.name} is not an SVG image a browser can read. Save it again as SVG or PNG and add that.`);
  }
  const html = [...doc.getElementsByTagNameNS('*', 'foreignObject')];
  for (const el of html) el.remove();
  const cleaned = html.length ? new File([new XMLSerializer().serializeToString(doc)], file.name, { type: 'image/svg+xml' }) : file;
  await assertExportable(cleaned);
  return {
    file: cleaned,
    ...(html.length && {
      note: `${file.name}: ${html.length === 1 ? 'a part' : `${html.length} parts`} drawn with HTML (foreignObject) left out. Browsers won't let a page render those into a video; for them, save the image as PNG.`,
    }),
  };
}

/** Draws the image on a canvas and reads a pixel back: throws where a render would. */
async function assertExportable(file: File): Promise<void> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode().catch(() => {
      throw new Error(`${file.name} can't be shown by this browser. Save it as PNG and add that.`);
    });
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 8;
    const ctx = canvas.getContext('2d');
    ctx?.drawImage(img, 0, 0, 8, 8);
    try {
      ctx?.getImageData(0, 0, 1, 1);
    } catch {
      throw new Error(`${file.name} can't be rendered into a video by this browser (it would taint the canvas). Save it as PNG and add that.`);
    }
  } finally {
    URL.revokeObjectURL(url);
  }
}
