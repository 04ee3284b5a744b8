import { Store } from './stores/store';

/**
 * Whether the editor's preview is playing. Background work on the device that would take its
 * core (the face search) holds meanwhile: on two cores, playing beside it dropped more frames than
 * it drew.
 */
class Playback extends Store<{ playing: boolean }> {
  set(playing: boolean): void {
    if (playing !== this.snapshot.playing) this.update({ playing });
  }

  /** Resolves once the preview is not playing (at once when it isn't); rejects when `signal` aborts. */
  whenStill(signal?: AbortSignal): Promise<void> {
    if (!this.snapshot.playing) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        stop();
        signal?.removeEventListener('abort', aborted);
      };
      const aborted = () => {
        done();
        reject(signal?.reason);
      };
      const stop = this.subscribe(() => {
        if (this.snapshot.playing) return;
        done();
        resolve();
      });
      signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Tells `held` now and at each change; returns the unsubscribe. */
  follow(held: (playing: boolean) => void): () => void {
    held(this.snapshot.playing);
    return this.subscribe(() => held(this.snapshot.playing));
  }
}

export const previewPlayback = new Playback({ playing: false });
