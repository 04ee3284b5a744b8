import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { modelAssets } from './scripts/modelAssets.ts';
import { FACE_ASSETS } from './src/media/face/assets.ts';
import { SPEECH_ASSETS } from './src/speech/assets.ts';

/**
 * The security headers public/_headers gives every path (`/*`), by name. That file is the one
 * source of the Content-Security-Policy: hosts that read it send it, the build copies it into
 * index.html as a <meta> tag, and `vite preview` sends it (docs/security.md).
 */
function headersForAllPaths(): Record<string, string> {
  const headers: Record<string, string> = {};
  let all = false;
  for (const line of readFileSync(new URL('./public/_headers', import.meta.url), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const header = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (!header) all = line.trim() === '/*';
    else if (all && header[1] && header[2]) headers[header[1]] = header[2].trim();
  }
  return headers;
}

const HEADERS = headersForAllPaths();
/** Directives a <meta> policy cannot carry: the browser ignores them there and logs an error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/**
 * The CSP as a <meta> tag at the top of the built page's <head> (before any script or
 * stylesheet it governs), for static hosts that cannot set headers. Build only: the dev server's
 * HMR client needs what the policy forbids. The build fails if the final page (checked after the
 * PWA plugin's additions, hence `post`) has anything inline the policy would block, so an inline
 * script can never ship by accident.
 */
function cspMeta(): Plugin {
  const policy = (HEADERS['Content-Security-Policy'] ?? '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY.has(d.split(/\s+/)[0] ?? ''))
    .join('; ');
  if (!policy || policy.includes('"')) throw new Error('public/_headers needs a Content-Security-Policy for /* (without double quotes)');
  return {
    name: 'csp-meta',
    apply: 'build',
    enforce: 'post',
    // Right after <meta charset>, which must stay first.
    transformIndexHtml: (html) =>
      html.replace(/<meta charset="[^"]*" \/>/i, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        if (!html.includes(policy)) this.error(`${file.fileName} has no Content-Security-Policy <meta> (is <meta charset="UTF-8" /> gone?)`);
        const inline = /<script\b(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=/i.exec(html);
        if (inline) this.error(`${file.fileName} has inline code the Content-Security-Policy blocks: ${inline[0]}`);
      }
    },
  };
}

const bytesOf = (path: string) => statSync(new URL(path, import.meta.url)).size;
/**
 * What the app fetches only when it is first used (or when the user keeps everything for offline
 * use), and its size for the progress and the offer (src/app/offline/onDemand.ts).
 */
const ON_DEMAND_BYTES = {
  engine: bytesOf('./node_modules/@ffmpeg/core/dist/esm/ffmpeg-core.js') + bytesOf('./node_modules/@ffmpeg/core/dist/esm/ffmpeg-core.wasm'),
  speech: SPEECH_ASSETS.reduce((n, a) => n + bytesOf(`./node_modules/${a.from}`), 0),
  face: FACE_ASSETS.reduce((n, a) => n + bytesOf(`./node_modules/${a.from}`), 0),
  sample: bytesOf('./public/samples/sample.mp4'),
};

/** The runtime cache's name changes with its files: the speech files keep their paths across versions. */
const ON_DEMAND_CACHE = `lhs-on-demand-${createHash('sha256')
  .update(JSON.stringify([[...SPEECH_ASSETS, ...FACE_ASSETS].map((a) => a.sha256), ON_DEMAND_BYTES]))
  .digest('hex')
  .slice(0, 8)}`;

export default defineConfig({
  define: { __ON_DEMAND_BYTES__: JSON.stringify(ON_DEMAND_BYTES), __ON_DEMAND_CACHE__: JSON.stringify(ON_DEMAND_CACHE) },
  // Relative base: the build runs from any static host and any sub-path.
  base: './',
  plugins: [
    preact(),
    // A service worker precaches the shell, fonts, stickers and music (a few MB), so a first
    // visit stays light; the ffmpeg core, the speech model and the sample video are cached when
    // first used, or all at once when the user keeps everything for offline use.
    VitePWA({
      // A new version waits until the user chooses to reload (src/ui/swUpdate.ts): swapping the
      // code under a running render could break it. Registered from src/main.tsx, not an extra script.
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below precaches them already.
      includeManifestIcons: false,
      manifest: {
        name: 'LIVE Highlights Studio',
        short_name: 'Highlights',
        description: 'Turn a livestream-shopping recording and its click log into highlight clips, offline on your device.',
        // Relative to the manifest, so the app installs from whatever sub-path it is hosted under.
        start_url: './',
        scope: './',
        display: 'standalone',
        // --bg in src/ui/styles.css: the splash screen and title bar match the page.
        theme_color: '#111318',
        background_color: '#111318',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          // Made from favicon.svg by scripts/make-icons.mjs.
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,wasm,onnx,mp4,m4a,csv,srt,json,woff2,webmanifest}'],
        // On demand (ON_DEMAND_BYTES): kept by the rule below, in the cache the app fills and reads.
        globIgnores: ['**/ffmpeg-core-*', 'asr/**', 'face/**', 'samples/sample.mp4'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/assets\/ffmpeg-core-[^/]+$|\/asr\/|\/face\/|\/samples\/sample\.mp4$/.test(url.pathname),
            handler: 'CacheFirst',
            // The cache src/app/offline/onDemand.ts fills (ON_DEMAND_CACHE): whole files only.
            options: { cacheName: ON_DEMAND_CACHE, cacheableResponse: { statuses: [200] }, rangeRequests: true, matchOptions: { ignoreVary: true } },
          },
        ],
        navigateFallback: 'index.html',
        // The first visit is controlled at once (offline without a reload); later versions still wait.
        clientsClaim: true,
      },
    }),
    cspMeta(),
    // The speech and face models and their runtimes, copied from node_modules with their checksums checked.
    modelAssets(),
  ],
  // ffmpeg.wasm spawns its own worker by URL; pre-bundling would break that URL.
  optimizeDeps: { exclude: ['@ffmpeg/ffmpeg'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  // The production build is previewed (and tested) with the headers a static host would send.
  preview: { port: 4173, strictPort: false, headers: HEADERS },
});
