import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package boundaries are checked by tools, not by convention:
 * - core's project (lib ES2022, no types) refuses Node and DOM: a scratch copy of core with an
 *   `import 'node:fs'`, a `document` and an upward relative import fails `tsc -b`, the plain copy builds;
 * - the exports maps refuse deep imports: a path into core's sources does not resolve, `@kekao/core/workbook` does;
 * - every package file is in one of the package's tsc projects;
 * - no relative import leaves its package (tsc cannot see one into a referenced project's sources,
 *   so every package file is scanned).
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const PACKAGES = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;

function tsc(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [TSC, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('package boundaries', () => {
  // Inside the repository (git-ignored) so that node_modules/@kekao/* resolves as for the packages.
  const scratch = path.join(ROOT, '.kekao-tmp', `boundaries-${randomBytes(4).toString('hex')}`);

  beforeAll(() => {
    mkdirSync(scratch, { recursive: true });
    cpSync(path.join(ROOT, 'tsconfig.base.json'), path.join(scratch, 'tsconfig.base.json'));
    for (const f of ['src', 'tsconfig.json', 'package.json']) cpSync(path.join(ROOT, 'core', f), path.join(scratch, 'core', f), { recursive: true });
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('core builds without Node and DOM, and fails on a Node import, a DOM global or an import out of its folder', () => {
    const core = path.join(scratch, 'core');
    expect(tsc(['-b', core]).output).toBe('');

    // The folder beside core stands for any other package; it lives in the scratch copy, because
    // tsc still writes declarations for a file it refuses as outside rootDir (beside that file).
    mkdirSync(path.join(scratch, 'elsewhere'), { recursive: true });
    writeFileSync(path.join(scratch, 'elsewhere', 'index.ts'), 'export const elsewhere = 1;\n');
    writeFileSync(path.join(core, 'src', 'readsFile.ts'), `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`);
    writeFileSync(path.join(core, 'src', 'readsPage.ts'), `export const title = (): string => document.title;\n`);
    writeFileSync(path.join(core, 'src', 'reachesUp.ts'), `export * from '../../elsewhere/index.js';\n`);
    const { status, output } = tsc(['-b', core]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/readsFile\.ts.*error TS2307: Cannot find module 'node:fs'/);
    expect(output).toMatch(/readsPage\.ts.*error TS2584: Cannot find name 'document'/);
    expect(output).toMatch(/error TS6059: File '[^']*elsewhere\/index\.ts' is not under 'rootDir'/);
  }, 180_000);

  it('a deep import into another package does not resolve; its public entry does', () => {
    // Spelled in parts, so that a search of the repository for deep imports finds none.
    const deep = ['@kekao/core', 'src', 'workbook', 'contract.js'].join('/');
    const dir = path.join(scratch, 'deep');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'deep.ts'), `import { WORKBOOK_KINDS } from '${deep}';\nexport const names = WORKBOOK_KINDS;\n`);
    writeFileSync(path.join(dir, 'entry.ts'), `import { WORKBOOK_KINDS } from '@kekao/core/workbook';\nexport const names = WORKBOOK_KINDS;\n`);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../tsconfig.base.json',
        compilerOptions: { composite: false, emitDeclarationOnly: false, noEmit: true },
        files: ['deep.ts', 'entry.ts'],
      }),
    );
    const { status, output } = tsc(['-p', dir]);
    expect(status).not.toBe(0);
    const errors = output.split('\n').filter((l) => l.includes('error TS'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.startsWith(path.relative(ROOT, path.join(dir, 'deep.ts'))))).toBe(true);
    expect(output).toContain(`error TS2307: Cannot find module '${deep}'`);
  }, 180_000);

  it('every TypeScript file of a package belongs to one of its tsc projects', () => {
    // A folder no project includes would escape `tsc -b` (and so the checks above).
    const uncovered: string[] = [];
    for (const p of PACKAGES) {
      const includes = readdirSync(path.join(ROOT, p))
        .filter((f) => /^tsconfig.*\.json$/.test(f))
        .flatMap((f) => (JSON.parse(readFileSync(path.join(ROOT, p, f), 'utf8')) as { include?: string[] }).include ?? []);
      const covered = (file: string) =>
        includes.some((inc) => inc === '.' || (inc === '*.ts' ? !file.includes('/') : file === inc || file.startsWith(`${inc}/`)));
      const walk = (dir: string): void => {
        for (const e of readdirSync(path.join(ROOT, p, dir), { withFileTypes: true })) {
          const rel = dir ? `${dir}/${e.name}` : e.name;
          if (e.isDirectory()) {
            if (!['node_modules', 'dist', 'data'].includes(e.name)) walk(rel);
          } else if (/\.(ts|tsx|mts)$/.test(e.name) && !covered(rel)) uncovered.push(`${p}/${rel}`);
        }
      };
      walk('');
    }
    expect(uncovered).toEqual([]);
  });

  it('no relative import reaches into another package', () => {
    const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:mock|doMock|importActual)\(\s*)(['"])(\.{1,2}\/[^'"\n]+)\1/g;
    const packageOf = (file: string) => PACKAGES.find((p) => file === p || file.startsWith(`${p}/`));
    const crossing: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) {
          if (!['node_modules', 'dist', 'data'].includes(e.name)) walk(rel);
        } else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name)) {
          const text = readFileSync(path.join(ROOT, rel), 'utf8');
          for (const m of text.matchAll(IMPORT)) {
            const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[2]));
            const owner = packageOf(target);
            if (owner && owner !== packageOf(rel)) crossing.push(`${rel}: ${m[2]}`);
          }
        }
      }
    };
    for (const p of PACKAGES) walk(p);
    expect(crossing).toEqual([]);
  });
});
