import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PreviewAudio } from '../../src/app/preview/previewAudio';

class FakeNode {
  gain = { value: 1, setValueAtTime() {}, setTargetAtTime() {} };
  fftSize = 1024;
  connect<T>(to: T): T {
    return to;
  }
}

function fakeContext(resume: () => Promise<void>, state: AudioContextState): AudioContext {
  return { resume, state, createMediaElementSource: () => new FakeNode(), destination: {} } as unknown as AudioContext;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('AnalyserNode', FakeNode);
  vi.stubGlobal('GainNode', FakeNode);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const video = {} as HTMLVideoElement;

test('a context that starts running is reported as sound', async () => {
  const audio = new PreviewAudio(
    fakeContext(() => Promise.resolve(), 'running'),
    video,
    6,
    undefined,
  );
  await expect(audio.resume()).resolves.toBe(true);
});

test('a context whose resume never settles (no audio output) lets the picture play, silent, after the deadline', async () => {
  const audio = new PreviewAudio(
    fakeContext(() => new Promise(() => {}), 'suspended'),
    video,
    6,
    undefined,
  );
  const sound = audio.resume(1500);
  await vi.advanceTimersByTimeAsync(1500);
  await expect(sound).resolves.toBe(false);
});

test('a refused resume is silent too', async () => {
  const audio = new PreviewAudio(
    fakeContext(() => Promise.reject(new Error('no device')), 'suspended'),
    video,
    6,
    undefined,
  );
  await expect(audio.resume()).resolves.toBe(false);
});
