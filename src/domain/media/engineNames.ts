/** How the two engines are named to the user (the short name, then what it is). */
export const ENGINE_NAMES = { webcodecs: ['fast engine', 'WebCodecs'], ffmpeg: ['compatible engine', 'ffmpeg.wasm'] } as const;
