/**
 * Whether this browser mixes a short's sound itself (media/mediabunny/audioMix.ts) rather than
 * with ffmpeg.wasm: it needs WebCodecs' AudioDecoder. WebKit is left out: WebKitGTK 2.50 (the WebKit
 * suite) crashes the whole page when a clip's audio is decoded for the mix, every time, though the
 * same decoder measures a recording's loudness. Safari's own media stack could not be tried here,
 * so every WebKit mixes with ffmpeg.wasm, as before.
 */

/** The WebKit engine (Safari, WebKitGTK, every iOS browser), by its user agent: Chromium's and Edge's say "AppleWebKit" too. */
export const isWebKitEngine = (userAgent: string): boolean => /AppleWebKit\//.test(userAgent) && !/(Chrome|Chromium|Edg)\//.test(userAgent);

export const browserMixesAudio = (hasAudioDecoder: boolean, userAgent: string): boolean => hasAudioDecoder && !isWebKitEngine(userAgent);

/** The same, for the browser this code runs in (a page or a worker). */
export const mixesAudioHere = (): boolean => browserMixesAudio(typeof AudioDecoder !== 'undefined', navigator.userAgent);
