import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one-way layering (docs: README "How it is built"), read from the source: a rule names the
 * folders whose files may not import from some others. Checked on relative imports, static,
 * re-exported and dynamic alike.
 */
const SRC = resolve(__dirname, '../../src');

interface Rule {
  name: string;
  /** Folders under src/ whose files are checked. */
  from: string[];
  /** Folders under src/ they may not import from. */
  not: string[];
  /** Type-only imports (`import type`) are allowed: they run no code of that folder. */
  typesAllowed?: boolean;
}

const RULES: Rule[] = [
  { name: 'domain is pure: no UI, app, storage, media or canvas', from: ['domain'], not: ['ui', 'app', 'storage', 'media', 'canvas'] },
  { name: 'the UI (views, components and hooks) goes through src/app, never src/storage', from: ['ui'], not: ['storage'] },
  { name: 'storage and media know nothing of the app or the UI', from: ['storage', 'media'], not: ['ui', 'app'] },
  { name: 'the application layer does not reach back into the UI', from: ['app'], not: ['ui'] },
  {
    name: 'the UI starts no engine, worker or model itself: src/app runs them (their types may be named)',
    from: ['ui'],
    not: ['media', 'speech', 'analysis', 'workers'],
    typesAllowed: true,
  },
  { name: 'the canvas draws from the domain only', from: ['canvas'], not: ['ui', 'app', 'storage', 'media', 'speech', 'analysis', 'workers'] },
  { name: 'speech and analysis are rooms of their own: no UI, app, storage or canvas', from: ['speech', 'analysis'], not: ['ui', 'app', 'storage', 'canvas'] },
  {
    name: 'the worker client serves analysis, speech and media, and knows none of them',
    from: ['workers'],
    not: ['ui', 'app', 'storage', 'media', 'canvas', 'analysis', 'speech'],
  },
];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A path as it reads under src/, with forward slashes ('storage/projects'). */
const fromSrc = (path: string) => relative(SRC, path).split(sep).join('/');

/** Each relative import of `file`, with the path under src/ it names. */
function importsOf(file: string, typesAllowed = false): { spec: string; target: string }[] {
  const source = readFileSync(file, 'utf8');
  const text = typesAllowed ? source.replace(/^import type [^;]*;/gm, '') : source;
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const spec = m[1];
    return spec ? [{ spec, target: fromSrc(resolve(dirname(file), spec)) }] : [];
  });
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

describe('layering', () => {
  for (const rule of RULES) {
    it(rule.name, () => {
      const files = rule.from.flatMap((folder) => sourceFiles(join(SRC, folder)));
      expect(files.length).toBeGreaterThan(0);
      const offending = files.flatMap((file) =>
        importsOf(file, rule.typesAllowed)
          .filter(({ target }) => rule.not.some((folder) => under(target, folder)))
          .map(({ spec }) => `src/${fromSrc(file)} → ${spec}`),
      );
      expect(offending, `imports breaking "${rule.name}":\n${offending.join('\n')}`).toEqual([]);
    });
  }

  it('reads imports in every form', () => {
    const text = `import { a } from '../storage/x';\nimport type { B } from "../ui/y";\nexport { c } from '../app/z';\nconst d = () => import('../media/w');\nimport './side';`;
    expect([...text.matchAll(IMPORT)].map((m) => m[1])).toEqual(['../storage/x', '../ui/y', '../app/z', '../media/w', './side']);
  });
});
