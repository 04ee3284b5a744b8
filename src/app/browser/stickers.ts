export interface StickerInfo {
  id: string;
  label: string;
  file: string;
}

/** The bundled stickers (public/stickers/index.json), fetched once. */
let catalogue: Promise<StickerInfo[]> | undefined;
export const stickerCatalogue = (): Promise<StickerInfo[]> => (catalogue ??= fetch('stickers/index.json').then((r) => r.json() as Promise<StickerInfo[]>));

const blobUrls = new WeakMap<Blob, string>();

/** One object URL per user image (sticker or product picture), reused across redraws. */
export function imageUrl(image: Blob): string {
  let url = blobUrls.get(image);
  if (!url) {
    url = URL.createObjectURL(image);
    blobUrls.set(image, url);
  }
  return url;
}
