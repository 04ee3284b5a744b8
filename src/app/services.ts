import { AnalysisClient } from '../analysis/client';
import type { MediaEngine } from '../media/engine';
import { FfmpegEngine } from '../media/ffmpeg/engine';
import { MediaRouter } from '../media/router';
import { WebCodecsEngine, webCodecsAvailable } from '../media/webcodecs/engine';
import { coreGroups } from '../domain/offline';
import { mixesAudioHere } from '../domain/media/browserMix';
import { enginePreference } from './browser/preferences';
import { jobs } from './jobs';
import { ASSET_GROUPS, fetchIntoCache, isCached } from './offline/onDemand';
import { OfflineStore } from './stores/offlineStore';
import { SpeechClient } from '../speech/client';

/** What is kept for offline use; the video engine's files are fetched into it before ffmpeg's first load. */
export const offline = new OfflineStore(ASSET_GROUPS, coreGroups(webCodecsAvailable() && mixesAudioHere()), {
  isCached,
  fetchIntoCache,
  // The service worker is active once its precache (the shell) is complete.
  shellCached: async () => 'serviceWorker' in navigator && (await navigator.serviceWorker.getRegistration())?.active != null,
});
const fetchCore = () => offline.ensure('engine');

// Jobs are serialised through an engine's queues. The user's jobs (probe, cut, render) get one
// engine; background analysis (pause detection, the recording's transcript) its own, with its own
// workers, so it never delays them.
export const engine: MediaEngine = new MediaRouter(new FfmpegEngine(fetchCore), new WebCodecsEngine(), enginePreference);
export const backgroundEngine: MediaEngine = new MediaRouter(new FfmpegEngine(fetchCore), new WebCodecsEngine(), enginePreference);

let releasing: (() => void) | null = null;

/**
 * Ends the engines' workers. An idle ffmpeg worker still holds the last recording it mounted, and
 * Chromium keeps a deleted recording's file (and its quota) while anything holds it: so a closed or
 * deleted project lets them go. The next job starts a fresh core (~0.5 s). A job still running (a
 * render or a batch going on while you are on another screen) needs its engine: they are let go
 * when the last job ends.
 */
export function releaseMedia(): void {
  if (releasing) return;
  const release = () => {
    if (jobs.getSnapshot().length > 0) return;
    unsubscribe();
    releasing = null;
    engine.dispose();
    backgroundEngine.dispose();
  };
  const unsubscribe = jobs.subscribe(release);
  releasing = release;
  release();
}

let shared: SpeechClient | undefined;
/** The app's one transcription worker client (the model stays loaded between clips; its files are kept on first use). */
export const speechClient = (): SpeechClient => (shared ??= new SpeechClient((signal) => offline.ensure('speech', signal)));

let analysisClient: AnalysisClient | undefined;
export const analysis = (): AnalysisClient => (analysisClient ??= new AnalysisClient());

export function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
