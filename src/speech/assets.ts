/**
 * The speech-recognition files the build serves from our own origin (scripts/modelAssets.ts copies
 * them out of node_modules and fails on a checksum mismatch) and the service worker precaches.
 * Paths are relative to the app's root; `from` is relative to node_modules.
 */
export interface ModelAsset {
  path: string;
  from: string;
  /** Of the file in node_modules. */
  sha256: string;
  /** A .tflite that needs TFLite metadata added to load in MediaPipe Tasks (scripts/tfliteMetadata.ts). */
  withMetadata?: boolean;
}

/** The folder of onnxruntime-web's wasm runtime (its `env.wasm.wasmPaths` prefix). */
export const ORT_DIR = 'asr/ort/';
/** The folder of the bundled Moonshine tiny model (quantized ONNX, MIT). */
export const MOONSHINE_TINY_DIR = 'asr/moonshine-tiny/';
/** Silero VAD v5 (MIT), as @ricky0123/vad-web 0.0.31 (ISC) ships it, installed as `silero-vad-web`. */
export const SILERO_VAD = 'asr/silero/silero_vad_v5.onnx';

export const SPEECH_ASSETS: readonly ModelAsset[] = [
  {
    path: SILERO_VAD,
    from: 'silero-vad-web/dist/silero_vad_v5.onnx',
    sha256: '2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f',
  },
  {
    path: `${MOONSHINE_TINY_DIR}encoder_model.onnx`,
    from: '@moonshine-ai/moonshine-js/dist/model/tiny/quantized/encoder_model.onnx',
    sha256: 'c6fc4b7bc5af75c0591fd157a1f3829b533d18e9769a888fd95a62e470dd4f4a',
  },
  {
    path: `${MOONSHINE_TINY_DIR}decoder_model_merged.onnx`,
    from: '@moonshine-ai/moonshine-js/dist/model/tiny/quantized/decoder_model_merged.onnx',
    sha256: 'eed87831c3a6103534aae7d47a5d485025c659a1323901513961c39fe8a1a367',
  },
  {
    path: `${MOONSHINE_TINY_DIR}LICENSE.txt`,
    from: '@moonshine-ai/moonshine-js/LICENSE',
    sha256: '37fc5d9a86547a0dd64a07cff439ba2a6b79cc8f6555a05121fed32866591159',
  },
  // onnxruntime-web 1.22.0 (pinned in package.json): its wasm build, loaded by path, never from a CDN.
  {
    path: `${ORT_DIR}ort-wasm-simd-threaded.mjs`,
    from: 'onnxruntime-web/dist/ort-wasm-simd-threaded.mjs',
    sha256: '30dd851d9c00622940500f71ddd2ff8820c5cb65270816080175b958705385a8',
  },
  {
    path: `${ORT_DIR}ort-wasm-simd-threaded.wasm`,
    from: 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm',
    sha256: '71aef04959c5c1b6de461b6538e2058e306610034a85aad2742d0c7fd4533fe4',
  },
];
