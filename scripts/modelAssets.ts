/**
 * Vite plugin: serves the speech-recognition files (src/speech/assets.ts) and the face detector's
 * (src/media/face/assets.ts) from our own origin.
 * The build copies each one out of node_modules into the output (e.g. asr/moonshine-tiny/…), the
 * dev server serves them from node_modules; both refuse a file whose SHA-256 is not the committed
 * one, so an upgraded or tampered package cannot slip a different model or runtime in.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { SPEECH_ASSETS, type ModelAsset } from '../src/speech/assets.ts';
import { FACE_ASSETS } from '../src/media/face/assets.ts';
import { messageOf } from '../src/domain/errors/messageOf.ts';
import { blazeFaceMetadata, withTfliteMetadata } from './tfliteMetadata.ts';

const ASSETS = [...SPEECH_ASSETS, ...FACE_ASSETS];

const MIME: Record<string, string> = {
  onnx: 'application/octet-stream',
  wasm: 'application/wasm',
  mjs: 'text/javascript',
  js: 'text/javascript',
  txt: 'text/plain; charset=utf-8',
};

/** The file's bytes as served (with TFLite metadata added where it needs it), or an error naming what differs. */
function readChecked(root: string, asset: ModelAsset): Uint8Array {
  const bytes = readFileSync(join(root, 'node_modules', asset.from));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== asset.sha256) throw new Error(`${asset.from}: SHA-256 ${sha256}, expected ${asset.sha256} (src/speech/assets.ts, src/media/face/assets.ts)`);
  return asset.withMetadata ? withTfliteMetadata(bytes, blazeFaceMetadata()) : bytes;
}

export function modelAssets(): Plugin {
  let root = process.cwd();
  return {
    name: 'model-assets',
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      for (const asset of ASSETS) {
        try {
          this.emitFile({ type: 'asset', fileName: asset.path, source: readChecked(root, asset) });
        } catch (err) {
          this.error(messageOf(err));
        }
      }
    },
    configureServer(server) {
      const byPath = new Map(ASSETS.map((a) => [`/${a.path}`, a]));
      server.middlewares.use((req, res, next) => {
        const asset = byPath.get((req.url ?? '').split('?')[0] ?? '');
        if (!asset) return next();
        try {
          const bytes = readChecked(root, asset);
          res.setHeader('Content-Type', MIME[asset.path.split('.').pop() ?? ''] ?? 'application/octet-stream');
          res.end(bytes);
        } catch (err) {
          next(err);
        }
      });
    },
  };
}
