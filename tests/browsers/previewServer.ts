import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface PreviewServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * The built app (`dist`, from `vite build`) served by `vite preview` on its own port, as the
 * Playwright suite's web server does, for suites that drive other browsers.
 */
export async function startPreview(dist: string, port: number): Promise<PreviewServer> {
  const url = `http://127.0.0.1:${port}/`;
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', resolve(dist)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`vite preview exited (${code}): ${stderr}`))));
  const up = (async () => {
    while (child.exitCode === null) {
      try {
        if ((await fetch(url)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  await Promise.race([up, exited]);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await gone;
    },
  };
}
