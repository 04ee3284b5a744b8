import { TIKTOK_UPLOAD_URL } from '../domain/shorts/tiktok';
import { MP4, saveFile } from './browser/fileSink';

/** A short as it is handed over: the MP4 and what to post with it. */
export interface Handoff {
  file: File;
  text: string;
  title: string;
}

/** Where the browser can share files with apps (phones, Safari, Chrome on Windows and ChromeOS): the share sheet. */
export function canShareFile(file: File): boolean {
  try {
    return navigator.canShare?.({ files: [file] }) ?? false;
  } catch {
    return false;
  }
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the share sheet with the MP4 and the post text. The text is also copied first: some apps
 * (TikTok among them) drop shared text when a video comes with it. 'cancelled' when the user
 * closed the sheet. Needs the click's user activation, so nothing slow may come before it.
 */
export async function shareShort({ file, text, title }: Handoff): Promise<{ outcome: 'shared' | 'cancelled'; copied: boolean }> {
  const copying = copyText(text);
  try {
    await navigator.share({ files: [file], text, title });
    return { outcome: 'shared', copied: await copying };
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return { outcome: 'cancelled', copied: await copying };
    throw e;
  }
}

export interface DesktopHandoff {
  saved: 'picked' | 'downloaded' | 'cancelled';
  copied: boolean;
}

/**
 * Desktop: the text to the clipboard (first, while the page has focus), the MP4 to disk (the save
 * picker, or a download), then TikTok's uploader in a new tab. A popup blocker may stop the tab
 * when the user took long in the save picker: the guide links to it as well.
 */
export async function handOffToUploader({ file, text }: Handoff): Promise<DesktopHandoff> {
  const copied = await copyText(text);
  const saved = await saveFile(file, file.name, MP4);
  if (saved !== 'cancelled') window.open(TIKTOK_UPLOAD_URL, '_blank', 'noopener');
  return { saved, copied };
}
