#!/usr/bin/env node
// Second half of `npm run build:service` (after `tsc -p tsconfig.build.json`): copies the files the
// compiled service reads at run time — bot/data (*.tsv), the SQL migrations, any other non-code
// file beside the sources — into dist/, at the same relative places. The code finds them relative
// to its own module (`new URL('../../../data/…', import.meta.url)`), so the same line works in the
// source tree (tsx, vitest) and in the compiled tree, and dist/ plus node_modules is all a
// production host needs.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = path.join(root, 'dist');
// The folders compiled by tsconfig.build.json, and the service's data folder.
const folders = ['bot/src', 'bot/data', 'core/src', 'workbook/src', 'cli'];
// Code is compiled by tsc; the .mjs worker loaders register tsx and are for the source tree only.
const isAsset = (file) => !/\.(ts|mts|mjs)$/.test(file);

let copied = 0;
for (const folder of folders) {
  const from = path.join(root, folder);
  if (!existsSync(from)) continue;
  const to = path.join(out, folder);
  if (folder === 'bot/data') rmSync(to, { recursive: true, force: true }); // a removed data file must not linger
  cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const keep = path.basename(src) !== 'node_modules' && (src === from || isAsset(src) || !path.extname(src));
      if (keep && path.extname(src)) copied++;
      return keep;
    },
  });
}
process.stdout.write(`copied ${copied} data files into dist/\n`);
