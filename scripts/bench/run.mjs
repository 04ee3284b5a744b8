// `npm run bench`: prints one JSON line per benchmark. Figures go into docs/performance.md.
import { execFileSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

console.log(JSON.stringify({ bench: 'machine', cpus: (await import('node:os')).cpus().length, node: process.version, date: new Date().toISOString() }));
run('npx', ['tsx', 'scripts/bench/quality.ts']);
run('npx', ['tsx', 'scripts/bench/selection.ts']);
run('npx', ['tsx', 'scripts/bench/parse.ts']);
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['tsx', 'scripts/bench/firstVisit.ts']);
run('npx', ['tsx', 'scripts/bench/worker.ts']);
run('node', ['scripts/bench/cut.mjs']);
run('node', ['scripts/bench/bigImport.mjs']);
run('npx', ['tsx', 'scripts/bench/render.ts']);
run('npx', ['tsx', 'scripts/bench/batch.ts']);
run('npx', ['tsx', 'scripts/bench/follow.ts']);
run('npx', ['tsx', 'scripts/bench/tighten.ts']);
run('npx', ['tsx', 'scripts/bench/speech.ts']);
run('npx', ['tsx', 'scripts/bench/captions.ts']);
run('npx', ['tsx', 'scripts/bench/preview.ts']);
run('npx', ['tsx', 'scripts/bench/transcript.ts']);
