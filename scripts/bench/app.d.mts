import type { Page } from '@playwright/test';
export declare const root: string;
export declare const benchOut: string;
export declare const CLIP_START: number;
export declare function benchRecording(): string;
export declare function benchLog(): string;
export declare function serveBuild(port: number, outDir?: string): { url: string; stop: () => void };
export declare function gotoWhenUp(page: Page, url: string): Promise<void>;
export declare function openApp(port: number, viewport?: { width: number; height: number }): Promise<{ page: Page; url: string; close: () => Promise<void> }>;
export declare function importFiles(page: Page, files: string[]): Promise<void>;
export declare function rendererRssMb(): number;
export declare function round(x: number): number;
/** Resident memory of one browser's renderer processes (the page and its workers), in MB. */
export declare function ownRendererRssMb(browserPid: number): number;
/** Opens the first clip's editor at 720×1280 with the fast engine only. */
export declare function openFastEditor(page: Page): Promise<void>;
/** Renders the clip open in the editor; seconds from the click to the result. */
export declare function renderInEditor(page: Page): Promise<number>;
