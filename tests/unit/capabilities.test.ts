import { expect, test } from 'vitest';
import { type BrowserGlobals, type Capabilities, detectCapabilities, FEATURES } from '../../src/app/browser/capabilities';
import { browserMixesAudio } from '../../src/domain/media/browserMix';

/** The sentences "What this browser can do" shows for what is missing, in its order. */
const missing = (c: Capabilities): string[] => FEATURES.filter((f) => !c[f.id]).map((f) => f.without);

const says = (ok: boolean) => ({ isConfigSupported: async () => ({ supported: ok }) });

/** Chromium on a desktop: everything but the share sheet. */
const chromium: BrowserGlobals = {
  VideoEncoder: says(true),
  VideoDecoder: says(true),
  canPlay: (type) => type.includes('avc1'),
  OffscreenCanvas: class {},
  audioMix: true,
  savePicker: true,
  shareFiles: false,
  storage: { estimate: async () => ({}) },
};

test('a desktop Chromium lacks only the share sheet (and HEVC without the platform decoder), each said in a sentence', async () => {
  const c = await detectCapabilities(chromium);
  expect(c).toEqual({ fastEngine: true, audioMix: true, h264Decode: true, hevcDecode: false, savePicker: true, shareFiles: false, storage: true });
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

test('a WebKitGTK-like browser: its sound mixed by ffmpeg.wasm, no save picker, no storage reports', async () => {
  const c = await detectCapabilities({ ...chromium, audioMix: false, savePicker: false, storage: undefined, shareFiles: true, canPlay: () => true });
  expect(missing(c)).toEqual([
    'This browser’s shorts get their sound from ffmpeg.wasm: the first render downloads the video engine (32 MB) once.',
    'This browser can’t save straight to a folder: files go to Downloads, and a ZIP is gathered first.',
    'This browser doesn’t say how much space it has left: the app can’t warn before a render would fill it.',
  ]);
});

test('which browsers mix a short’s sound themselves: by engine, not brand', () => {
  const ua = {
    chromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
    firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
    webkitGtk: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15',
    iosChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0 Mobile/15E148 Safari/604.1',
  };
  expect(
    Object.entries(ua)
      .filter(([, u]) => browserMixesAudio(true, u))
      .map(([name]) => name),
  ).toEqual(['chromium', 'edge', 'firefox']);
  expect(browserMixesAudio(false, ua.chromium)).toBe(false);
});
