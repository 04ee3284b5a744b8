import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download, Page } from '@playwright/test';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);
export const generated = (name: string) => join(FIXTURES, 'generated', name);

const MIME: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', csv: 'text/csv', ndjson: '', json: 'application/json' };

/** Drops files onto an element the way a user's drag & drop does: a real DataTransfer with Files. */
export async function dropFiles(page: Page, selector: string, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({
    name: basename(p),
    type: MIME[p.split('.').pop() ?? ''] ?? '',
    base64: readFileSync(p).toString('base64'),
  }));
  const target = page.locator(selector);
  await target.waitFor();
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

export interface Probe {
  format: { duration: string; format_name: string; size: string };
  streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>;
}

/** The native ffprobe is the oracle for what the app wrote. */
export function ffprobe(path: string): Probe {
  const out = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]);
  return JSON.parse(out.toString()) as Probe;
}

export async function saveDownload(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

