/**
 * The face detector's files, served from our own origin like the speech model (scripts/modelAssets.ts
 * copies them out of node_modules, checksums checked): MediaPipe Tasks Vision 0.10.35's wasm runtime
 * (Apache-2.0; the 0.10.x line posts no usage metrics) and BlazeFace full-range from
 * @mediapipe/face_detection (Apache-2.0): the short-range model missed a host's face in a 16:9
 * frame (95 px of 1280) that full-range finds. That model ships without the TFLite metadata Tasks
 * needs (its input normalisation); the build adds it (scripts/tfliteMetadata.ts).
 */
import type { ModelAsset } from '../../speech/assets';

export const FACE_DIR = 'face/';
export const FACE_LOADER = `${FACE_DIR}vision_wasm_module_internal.js`;
export const FACE_WASM = `${FACE_DIR}vision_wasm_module_internal.wasm`;
export const FACE_MODEL = `${FACE_DIR}blaze_face_full_range.tflite`;

export const FACE_ASSETS: readonly ModelAsset[] = [
  {
    path: FACE_LOADER,
    from: '@mediapipe/tasks-vision/wasm/vision_wasm_module_internal.js',
    sha256: '1f1d6215324a1fe62f6742d49a3db911170987ca18ad8c1b75f1a1c82acf2b44',
  },
  {
    path: FACE_WASM,
    from: '@mediapipe/tasks-vision/wasm/vision_wasm_module_internal.wasm',
    sha256: '617b8e0248dbd27e9d7ece4218004eae4cefb499196d1bb4fa0e3fef21708756',
  },
  {
    path: FACE_MODEL,
    from: '@mediapipe/face_detection/face_detection_full_range.tflite',
    sha256: '99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3',
    withMetadata: true,
  },
];
