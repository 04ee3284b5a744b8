/** The base64 of i420.wat compiled with SIMD on. */
export function compileI420(): Promise<string>;
/** i420Wasm.ts's text for those bytes. */
export function i420Module(base64: string): string;
