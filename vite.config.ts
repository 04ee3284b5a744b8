import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Relative base: the build runs from any static host and any sub-path.
  base: './',
  plugins: [
    preact(),
    // A service worker precaches the shell, the ffmpeg core and the sample, so after the first
    // visit everything works with the network off. The core is fetched by the worker in the
    // background, not parsed by the page until a media job needs it.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'LIVE Highlights Studio',
        short_name: 'Highlights',
        description: 'Livestream recording + click log → highlight clips, on your device.',
        theme_color: '#111318',
        background_color: '#111318',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,wasm,mp4,m4a,csv,srt,json,woff2,webmanifest}'],
        // The single-thread ffmpeg core is ~32 MB.
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  // ffmpeg.wasm spawns its own worker by URL; pre-bundling would break that URL.
  optimizeDeps: { exclude: ['@ffmpeg/ffmpeg'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  preview: { port: 4173, strictPort: false },
});
