/**
 * What this browser can do, decided in one place: the fast engine's WebCodecs (H.264 encode at the
 * short's size and OffscreenCanvas), decoding the recordings sellers have (H.264, iPhone HEVC), the
 * save picker, the share sheet for files, and storage reports. Each missing feature has the
 * sentence the app shows for it. Probes take their globals as an argument, so tests pass fakes.
 */
import { canShareFile } from '../handoff';
import { canPickSaveFile } from './fileSink';
import { mixesAudioHere } from '../../domain/media/browserMix';

type Probe<C, S> = { isConfigSupported(config: C): Promise<S> } | undefined;

export interface BrowserGlobals {
  VideoEncoder: Probe<VideoEncoderConfig, VideoEncoderSupport>;
  VideoDecoder: Probe<VideoDecoderConfig, VideoDecoderSupport>;
  /** A video element's canPlayType: what the page's players (previews, posters, the canvas) can show. */
  canPlay: (type: string) => boolean;
  OffscreenCanvas: unknown;
  /** A short's sound mixed without ffmpeg.wasm (domain/media/browserMix.ts). */
  audioMix: boolean;
  savePicker: boolean;
  shareFiles: boolean;
  storage: Pick<StorageManager, 'estimate'> | undefined;
}

export type Feature = 'fastEngine' | 'audioMix' | 'h264Decode' | 'hevcDecode' | 'savePicker' | 'shareFiles' | 'storage';
export type Capabilities = Record<Feature, boolean>;

/** Each feature, as a row of the support list: what it is, and what the app does without it. */
export const FEATURES: ReadonlyArray<{ id: Feature; label: string; without: string }> = [
  {
    id: 'fastEngine',
    label: 'Fast video engine (WebCodecs H.264)',
    without: 'This browser can’t encode H.264 itself: shorts and exact cuts are made by ffmpeg.wasm, several times slower.',
  },
  {
    id: 'audioMix',
    label: 'Mix a short’s sound in the browser',
    without: 'This browser’s shorts get their sound from ffmpeg.wasm: the first render downloads the video engine (32 MB) once.',
  },
  {
    id: 'h264Decode',
    label: 'Show H.264 recordings',
    without: 'This browser can’t decode H.264 video: previews and posters stay blank; cuts and renders still work.',
  },
  {
    id: 'hevcDecode',
    label: 'Show HEVC (iPhone) recordings',
    without: 'This browser can’t show HEVC video (iPhone recordings): ffmpeg.wasm makes a preview on demand, and renders take the slower engine.',
  },
  {
    id: 'savePicker',
    label: 'Save straight to a folder',
    without: 'This browser can’t save straight to a folder: files go to Downloads, and a ZIP is gathered first.',
  },
  {
    id: 'shareFiles',
    label: 'Share sheet for files',
    without: 'This browser can’t hand a file to other apps: “Upload to TikTok” saves the video, copies the post text and opens TikTok’s web uploader.',
  },
  {
    id: 'storage',
    label: 'Storage reports',
    without: 'This browser doesn’t say how much space it has left: the app can’t warn before a render would fill it.',
  },
];

/** The short's size: a browser that encodes this encodes every preset. */
const SHORT = { width: 1080, height: 1920 };

async function supported<C, S extends { supported?: boolean }>(probe: Probe<C, S>, config: C): Promise<boolean> {
  return (await probe?.isConfigSupported(config).catch(() => undefined))?.supported === true;
}

export function browserGlobals(): BrowserGlobals {
  return {
    VideoEncoder: typeof VideoEncoder === 'undefined' ? undefined : VideoEncoder,
    VideoDecoder: typeof VideoDecoder === 'undefined' ? undefined : VideoDecoder,
    canPlay: (type) => document.createElement('video').canPlayType(type) !== '',
    OffscreenCanvas: typeof OffscreenCanvas === 'undefined' ? undefined : OffscreenCanvas,
    audioMix: mixesAudioHere(),
    savePicker: canPickSaveFile(),
    shareFiles: canShareFile(new File([new Uint8Array(8)], 'probe.mp4', { type: 'video/mp4' })),
    storage: (navigator.storage as StorageManager | undefined)?.estimate ? navigator.storage : undefined,
  };
}

export async function detectCapabilities(g: BrowserGlobals = browserGlobals()): Promise<Capabilities> {
  // A decoder first: WebKit 2.50 crashes the page when an encoder is the first thing to start its media stack.
  const decode = await supported(g.VideoDecoder, { codec: 'avc1.640028', codedWidth: SHORT.height, codedHeight: SHORT.width });
  const encode = decode && (await supported(g.VideoEncoder, { codec: 'avc1.640028', ...SHORT, framerate: 30, bitrate: 8_000_000 }));
  return {
    fastEngine: encode && g.OffscreenCanvas !== undefined,
    audioMix: g.audioMix,
    h264Decode: g.canPlay('video/mp4; codecs="avc1.640028"'),
    hevcDecode: g.canPlay('video/mp4; codecs="hvc1.1.6.L120.90"'),
    savePicker: g.savePicker,
    shareFiles: g.shareFiles,
    storage: g.storage !== undefined,
  };
}
