import type { StickerEdit } from '../domain/edit/model';

export interface StickerInfo {
  id: string;
  label: string;
  file: string;
}

/** The bundled stickers (public/stickers/index.json), fetched once. */
let catalogue: Promise<StickerInfo[]> | undefined;
export const stickerCatalogue = (): Promise<StickerInfo[]> =>
  (catalogue ??= fetch('stickers/index.json').then((r) => r.json() as Promise<StickerInfo[]>));

const blobUrls = new WeakMap<Blob, string>();

/** Where a sticker's picture is: a bundled SVG, or an object URL of the user's own image. */
export function stickerUrl(s: Pick<StickerEdit, 'stickerId' | 'image'>): string {
  if (s.image) {
    let url = blobUrls.get(s.image);
    if (!url) {
      url = URL.createObjectURL(s.image);
      blobUrls.set(s.image, url);
    }
    return url;
  }
  return `stickers/${s.stickerId ?? 'star'}.svg`;
}
