/**
 * What the Firefox and WebKit suites share: polling waits, child processes in their own groups,
 * the built app served by `vite preview`, and finished downloads in a folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Polls `check` until it returns a value (not undefined), or fails saying what it waited for (and what it last saw). */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, lastSeen?: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${lastSeen ? ` (last seen: ${lastSeen()})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A started child process with its output kept for error messages. */
export interface Child {
  proc: ChildProcess;
  output: () => string;
}

/** Runs `cmd` in its own process group (so `stop` ends npx and what it started), keeping its last output. */
export function start(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Child {
  const proc = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return { proc, output: () => log };
}

/** Ends a process group we started and waits for its leader to exit. */
export async function stop(child: Child | undefined): Promise<void> {
  const pid = child?.proc.pid;
  if (!child || pid === undefined || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise((r) => child.proc.once('exit', r));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const killLater = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }, 5000);
  await exited;
  clearTimeout(killLater);
}

/** Waits until `url` answers (any HTTP status), failing early with the process's output if it exits. */
export async function waitForHttp(url: string, child: Child, what: string, timeoutMs = 30_000): Promise<void> {
  await until(
    `${what} at ${url}`,
    async () => {
      if (child.proc.exitCode !== null) throw new Error(`${what} exited (code ${child.proc.exitCode}):\n${child.output()}`);
      try {
        await fetch(url, { signal: AbortSignal.timeout(2000) });
        return true;
      } catch {
        return undefined;
      }
    },
    timeoutMs,
    child.output,
  );
}

/**
 * The built app (`dist` from `vite build`) served by `vite preview` on `port`, as the Playwright
 * suite's web server does. vite's --strictPort fails on a taken port, but an old server there
 * would answer for it: that is refused.
 */
export async function startPreview(dist: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://127.0.0.1:${port}/`;
  const taken = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Something already serves ${url}: stop it or choose another port.`);
  const preview = start('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', resolve(ROOT, dist)]);
  try {
    await waitForHttp(url, preview, 'vite preview', 60_000);
  } catch (e) {
    await stop(preview);
    throw e;
  }
  return { url, stop: () => stop(preview) };
}

/**
 * The next finished download in `dir` after `action`: a new file, not a `.part` one (Firefox's,
 * and browser.py's until it renames it), whose size stayed the same between two looks.
 */
export async function downloadAfter(dir: string, action: () => Promise<unknown>, timeoutMs = 180_000): Promise<string> {
  const before = new Set(readdirSync(dir));
  await action();
  let last = { name: '', size: -1 };
  return until(
    'a finished download',
    () => {
      const name = readdirSync(dir).find((f) => !before.has(f) && !f.endsWith('.part'));
      if (!name) return undefined;
      const size = statSync(join(dir, name)).size;
      const done = name === last.name && size === last.size && size > 0;
      last = { name, size };
      return done ? join(dir, name) : undefined;
    },
    timeoutMs,
    () => readdirSync(dir).join(', ') || '(nothing)',
  );
}
