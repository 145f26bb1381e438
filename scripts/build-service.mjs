#!/usr/bin/env node
// `npm run build:service [-- --out=DIR]` (part of `npm run build`, run by `npm start`): compiles the
// service and the packages it imports (bot/src, core/src, workbook/src, and cli for the `kekao`
// command) with tsc (tsconfig.build.json) into DIR (default dist/, inside the repository so that the
// compiled modules find node_modules), then copies the files the service reads at run time —
// bot/data (*.tsv), the SQL migrations, any other non-code file beside the sources — to the same
// relative places. The code finds them relative to its own module (`new URL('../../../data/…',
// import.meta.url)`), so one line works in the source tree (tsx, vitest) and in the compiled tree.
//
// The compiled tree mirrors the workspaces: each package folder gets its package.json, whose
// exports name the built JavaScript only (`default`: ./src/…/index.js; the `@kekao/source`
// condition of the TypeScript sources is dropped), and DIR/node_modules/@kekao/<name> links to that
// folder, so `import '@kekao/core/workbook'` in a compiled module resolves inside the same tree.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
let values;
try {
  ({ values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } }, strict: true }));
} catch (e) {
  process.stderr.write(`${e.message}\n用法 / usage: npm run build:service [-- --out=DIR]\n`);
  process.exit(2);
}
const out = path.resolve(root, values.out);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(
  process.execPath,
  [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', out, '--tsBuildInfoFile', path.join(out, '.tsbuildinfo')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (compiled.status !== 0) {
  process.stderr.write('编译失败（见上方 tsc 的报告） / compilation failed (see tsc above)\n');
  process.exit(compiled.status ?? 1);
}

// The folders tsconfig.build.json compiles, and the service's data folder.
const folders = ['bot/src', 'bot/data', 'core/src', 'workbook/src', 'cli'];
// Code is compiled by tsc; the .mjs worker loaders register tsx and belong to the source tree only.
const isCode = (file) => /\.(ts|mts|mjs)$/.test(file);
let copied = 0;
for (const folder of folders) {
  const from = path.join(root, folder);
  if (!existsSync(from)) continue;
  const to = path.join(out, folder);
  if (folder === 'bot/data') rmSync(to, { recursive: true, force: true }); // a removed data file must not linger
  cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      if (path.basename(src) === 'node_modules' || isCode(src) || /^tsconfig.*\.json$/.test(path.basename(src))) return false;
      if (path.extname(src)) copied++;
      return true;
    },
  });
}
// The compiled packages, resolvable by name from the compiled modules.
for (const dir of ['core', 'workbook', 'bot', 'cli']) {
  const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const built = {};
  for (const [subpath, targets] of Object.entries(pkg.exports ?? {})) {
    const target = typeof targets === 'string' ? targets : targets.default;
    if (target && existsSync(path.join(out, dir, target))) built[subpath] = target; // entries of tests and tools are not built
  }
  delete pkg.devDependencies;
  writeFileSync(path.join(out, dir, 'package.json'), `${JSON.stringify({ ...pkg, exports: built }, null, 2)}\n`);
  const link = path.join(out, 'node_modules', ...pkg.name.split('/'));
  mkdirSync(path.dirname(link), { recursive: true });
  rmSync(link, { recursive: true, force: true });
  symlinkSync(path.relative(path.dirname(link), path.join(out, dir)), link, 'dir');
}

process.stdout.write(`service compiled into ${path.relative(root, out) || '.'}/ (${copied} data files copied)\n`);
