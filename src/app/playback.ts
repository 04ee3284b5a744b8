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

  /** Tells `held` now and at each change; returns the unsubscribe. */
  follow(held: (playing: boolean) => void): () => void {
    held(this.snapshot.playing);
    return this.subscribe(() => held(this.snapshot.playing));
  }
}

export const previewPlayback = new Playback({ playing: false });
