import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative base: the build runs from any static host and any sub-path.
  base: './',
  plugins: [preact()],
  // ffmpeg.wasm spawns its own worker by URL; pre-bundling would break that URL.
  optimizeDeps: { exclude: ['@ffmpeg/ffmpeg'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  preview: { port: 4173, strictPort: false },
});
