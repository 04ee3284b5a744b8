import { createJobRunner } from './jobRunner';
import { jobStarted } from './browser/runningJobs';

/**
 * The app's one job runner: every long job (import, cut, render, transcription, ZIP…) runs and
 * reports its progress through it. Four at once is more than a seller runs in practice (pause
 * detection, a batch and a ZIP); a fifth waits its turn rather than load the device further.
 */
export const jobs = createJobRunner({ concurrency: 4, hold: jobStarted });
