import { expect, test } from 'vitest';
import { type BrowserGlobals, type Capabilities, detectCapabilities, FEATURES } from '../../src/app/browser/capabilities';

/** The sentences "What this browser can do" shows for what is missing, in its order. */
const missing = (c: Capabilities): string[] => FEATURES.filter((f) => !c[f.id]).map((f) => f.without);

const says = (ok: boolean) => ({ isConfigSupported: async () => ({ supported: ok }) });

/** Chromium on a desktop: everything but the share sheet. */
const chromium: BrowserGlobals = {
  VideoEncoder: says(true),
  VideoDecoder: says(true),
  canPlay: (type) => type.includes('avc1'),
  OffscreenCanvas: class {},
  savePicker: true,
  shareFiles: false,
  storage: { estimate: async () => ({}) },
};

test('a desktop Chromium lacks only the share sheet (and HEVC without the platform decoder), each said in a sentence', async () => {
  const c = await detectCapabilities(chromium);
  expect(c).toEqual({ fastEngine: true, h264Decode: true, hevcDecode: false, savePicker: true, shareFiles: false, storage: true });
  expect(missing(c)).toEqual([FEATURES.find((f) => f.id === 'hevcDecode')!.without, FEATURES.find((f) => f.id === 'shareFiles')!.without]);
  expect(missing(c)[1]).toMatch(/Upload to TikTok/);
});

test('no WebCodecs, or an encoder that refuses the short’s size, or a probe that throws: the slow engine, said so', async () => {
  for (const g of [
    { ...chromium, VideoEncoder: undefined },
    { ...chromium, VideoEncoder: says(false) },
    { ...chromium, VideoEncoder: { isConfigSupported: () => Promise.reject(new TypeError('bad config')) } },
    { ...chromium, OffscreenCanvas: undefined },
  ]) {
    const c = await detectCapabilities(g);
    expect(c.fastEngine).toBe(false);
    expect(missing(c)[0]).toMatch(/ffmpeg\.wasm, several times slower/);
  }
});

test('the encoder is asked only after a decoder (WebKit 2.50 crashes a page whose first media call is an encoder)', async () => {
  const calls: string[] = [];
  const spy = (name: string) => ({
    isConfigSupported: async () => {
      calls.push(name);
      return { supported: true };
    },
  });
  await detectCapabilities({ ...chromium, VideoDecoder: spy('decoder'), VideoEncoder: spy('encoder') });
  expect(calls).toEqual(['decoder', 'encoder']);
});

test('a WebKitGTK-like browser: no save picker, no storage reports', async () => {
  const c = await detectCapabilities({ ...chromium, savePicker: false, storage: undefined, shareFiles: true, canPlay: () => true });
  expect(missing(c)).toEqual([
    'This browser can’t save straight to a folder: files go to Downloads, and a ZIP is gathered first.',
    'This browser doesn’t say how much space it has left: the app can’t warn before a render would fill it.',
  ]);
});
