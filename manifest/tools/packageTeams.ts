import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BASE_URL, unifiedManifest } from '@kekao/addin/tools';
import { ASSETS_DIR } from '@kekao/addin/tools';
import { generateFunctionsMetadata } from '@kekao/addin/build';
import { zip } from './zip.js';

/**
 * `npm run package:teams`: the Microsoft 365 app package `dist/kekao-teams.zip` — the unified
 * manifest (Teams bot + Excel add-in, manifest/manifest.json with the add-in's base URL and
 * functions filled in as the add-in build does), its en-us localization and the two icons
 * (color 192×192, outline 32×32 white on transparent), the committed PNGs of addin/assets. The manifest is validated offline against the
 * schema shipped in node_modules before the zip is written.
 *
 * Environment: `MicrosoftAppId` (the bot's Entra app id; without it the package keeps the
 * development bot id of manifest.json) and `ADDIN_BASE_URL` (https; default https://localhost:3000).
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function teamsSchema(version = 'v1.24', file = 'MicrosoftTeams.schema.json'): unknown {
  const dir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', version);
  // The published schema has \a and \v escapes that JSON.parse rejects.
  return JSON.parse(readFileSync(join(dir, file), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

export async function validateManifest(manifest: unknown): Promise<string[]> {
  const { AppManifestUtils } = require('@microsoft/app-manifest') as { AppManifestUtils: { validateAgainstSchema(m: unknown, s: unknown): Promise<string[]> } };
  const version = /\/teams\/(v[\d.]+)\//.exec((manifest as { $schema: string }).$schema)?.[1] ?? 'v1.24';
  return AppManifestUtils.validateAgainstSchema(manifest, teamsSchema(version));
}

export interface TeamsPackage {
  zipPath: string;
  manifest: Record<string, any>;
  files: Array<{ name: string; data: Buffer }>;
}

export async function buildTeamsPackage(opts: { outDir?: string; botId?: string; baseUrl?: string } = {}): Promise<TeamsPackage> {
  const botId = opts.botId ?? process.env.MicrosoftAppId?.trim() ?? '';
  if (botId && !GUID.test(botId)) throw new Error(`MicrosoftAppId 须为 GUID（收到“${botId}”） (package.botId)`);
  const { json } = await generateFunctionsMetadata(join(root, 'addin', 'src', 'functions', 'functions.ts'));
  const manifest = unifiedManifest(
    await readFile(join(root, 'manifest', 'manifest.json'), 'utf8'),
    opts.baseUrl ?? process.env.ADDIN_BASE_URL ?? DEFAULT_BASE_URL,
    json,
  ) as Record<string, any>;
  if (botId) manifest.bots[0].botId = botId;
  const errors = await validateManifest(manifest);
  if (errors.length) throw new Error(`manifest.json 不符合 schema (package.invalidManifest):\n${errors.join('\n')}`);
  const files = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'en-us.json', data: await readFile(join(root, 'manifest', 'en-us.json')) },
    { name: manifest.icons.color as string, data: await readFile(join(ASSETS_DIR, manifest.icons.color as string)) },
    { name: manifest.icons.outline as string, data: await readFile(join(ASSETS_DIR, manifest.icons.outline as string)) },
  ];
  const outDir = opts.outDir ?? join(root, 'dist');
  await mkdir(outDir, { recursive: true });
  const zipPath = join(outDir, 'kekao-teams.zip');
  await writeFile(zipPath, zip(files));
  return { zipPath, manifest, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildTeamsPackage().then(
    (p) => process.stdout.write(`${p.zipPath}: ${p.files.map((f) => `${f.name} (${f.data.length} B)`).join(', ')}\n`),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
