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
