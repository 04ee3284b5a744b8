/** Bytes of what the app fetches on first use (vite.config.ts ON_DEMAND_BYTES). */
declare const __ON_DEMAND_BYTES__: { engine: number; speech: number; face: number; sample: number };
/** The Cache Storage cache of those files, named for this build's versions of them (vite.config.ts). */
declare const __ON_DEMAND_CACHE__: string;
