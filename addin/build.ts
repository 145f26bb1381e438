/**
 * `npm run addin:build [-- --office-js=cdn|local] [--base-url=https://host/path] [--out=DIR] [--no-minify]`
 *
 * Builds the add-in into static files the service (or any https server) can host:
 *   taskpane.html — the ONE shared-runtime page: office.js, then functions.js and taskpane.js as
 *                   ES modules in the same JavaScript context (shared chunks under chunks/);
 *   functions.json — custom-functions metadata generated from the JSDoc of
 *                   addin/src/functions/functions.ts by custom-functions-metadata; the build FAILS
 *                   when the generator reports errors, writes no file, or a generated id has no
 *                   binding (and vice versa);
 *   assets/*.png   — icons drawn by addin/tools/pngIcon.ts (no downloads);
 *   manifest.xml, manifest.json, en-us.json — manifest/ templates with the base URL filled in.
 * office.js comes from Microsoft's CDN by default (required for published add-ins);
 * `--office-js=local` copies it from the @microsoft/office-js package for closed networks.
 */
import { build } from 'esbuild';
import { z } from 'zod/v4';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { drawKekaoIcon } from './tools/pngIcon.js';
import { DEFAULT_BASE_URL, fillTemplate, normaliseBaseUrl, unifiedManifest } from './tools/manifests.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const require = createRequire(import.meta.url);

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const optionsSchema = z.object({
  officeJs: z.enum(['cdn', 'local']).default('cdn'),
  baseUrl: z.string().default(DEFAULT_BASE_URL),
  outDir: z.string().default(join(root, 'addin', 'dist')),
  minify: z.boolean().default(true),
});
export type BuildOptions = z.input<typeof optionsSchema>;

export interface BuildResult {
  outDir: string;
  functionIds: string[];
  files: string[];
}

/** Generates functions.json; throws when the generator reports errors or produces nothing. */
export async function generateFunctionsMetadata(source: string): Promise<{ json: string; ids: string[] }> {
  const cfm = require('custom-functions-metadata') as {
    generateCustomFunctionsMetadata(input: string | string[], console?: boolean): Promise<{ metadataJson: string; errors: string[] }>;
  };
  const result = await cfm.generateCustomFunctionsMetadata(source, false);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata 报告错误 / reported errors:\n${result.errors.join('\n')}`);
  }
  if (!result.metadataJson || !result.metadataJson.trim()) {
    throw new Error('custom-functions-metadata 没有生成元数据 / produced no metadata');
  }
  const parsed = JSON.parse(result.metadataJson) as { functions?: Array<{ id: string }> };
  const ids = (parsed.functions ?? []).map((f) => f.id);
  if (ids.length === 0) throw new Error('functions.json 中没有函数 / functions.json lists no function');
  return { json: result.metadataJson, ids };
}

async function copyOfficeJsLocally(outDir: string): Promise<string> {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('@microsoft/office-js/package.json'));
  } catch {
    throw new Error(
      '--office-js=local 需要 @microsoft/office-js 包：npm install --save-dev @microsoft/office-js / --office-js=local needs the @microsoft/office-js package',
    );
  }
  await cp(join(pkgDir, 'dist'), join(outDir, 'office'), { recursive: true });
  return 'office/office.js';
}

export async function buildAddin(input: BuildOptions = {}): Promise<BuildResult> {
  const opts = optionsSchema.parse(input);
  const baseUrl = normaliseBaseUrl(opts.baseUrl);
  const outDir = resolve(opts.outDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets'), { recursive: true });

  // 1. functions.json from JSDoc, checked against the bindings.
  const functionsSource = join(root, 'addin', 'src', 'functions', 'functions.ts');
  const { json, ids } = await generateFunctionsMetadata(functionsSource);
  const { FUNCTION_BINDINGS } = (await import(pathToFileURL(functionsSource).href)) as typeof import('./src/functions/functions.js');
  const bound = Object.keys(FUNCTION_BINDINGS);
  const unbound = ids.filter((id) => !bound.includes(id));
  const undeclared = bound.filter((id) => !ids.includes(id));
  if (unbound.length || undeclared.length) {
    throw new Error(`函数元数据与绑定不一致 / metadata and bindings differ: unbound ${unbound.join(',') || '-'}; without JSDoc ${undeclared.join(',') || '-'}`);
  }
  await writeFile(join(outDir, 'functions.json'), json);
  if (!(await stat(join(outDir, 'functions.json'))).size) throw new Error('functions.json 未写出 / functions.json was not written');

  // 2. Bundles: one shared-runtime page, two module entries sharing chunks.
  await build({
    entryPoints: {
      taskpane: join(root, 'addin', 'src', 'taskpane', 'main.ts'),
      functions: join(root, 'addin', 'src', 'functions', 'entry.ts'),
    },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: ['es2020'],
    minify: opts.minify,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  // 3. The page, its stylesheet and office.js.
  const officeJsUrl = opts.officeJs === 'local' ? await copyOfficeJsLocally(outDir) : OFFICE_JS_CDN;
  const html = (await readFile(join(root, 'addin', 'src', 'taskpane', 'taskpane.html'), 'utf8')).replaceAll('{{OFFICE_JS_URL}}', officeJsUrl);
  await writeFile(join(outDir, 'taskpane.html'), html);
  await cp(join(root, 'addin', 'src', 'taskpane', 'taskpane.css'), join(outDir, 'taskpane.css'));

  // 4. Icons (drawn, not downloaded) and the unified manifest's color/outline icons.
  for (const size of ICON_SIZES) await writeFile(join(outDir, 'assets', `icon-${size}.png`), drawKekaoIcon(size));
  await writeFile(join(outDir, 'color.png'), drawKekaoIcon(192));
  await writeFile(join(outDir, 'outline.png'), drawKekaoIcon(32, true));

  // 5. Manifests with the base URL filled in.
  await writeFile(join(outDir, 'manifest.xml'), fillTemplate(await readFile(join(root, 'manifest', 'addin.xml'), 'utf8'), baseUrl));
  const unified = unifiedManifest(await readFile(join(root, 'manifest', 'manifest.json'), 'utf8'), baseUrl, json);
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(unified, null, 2)}\n`);
  await cp(join(root, 'manifest', 'en-us.json'), join(outDir, 'en-us.json'));

  const files = ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'taskpane.css', 'manifest.xml', 'manifest.json'];
  for (const f of files) if (!existsSync(join(outDir, f))) throw new Error(`构建缺少文件 / build output is missing ${f}`);
  return { outDir, functionIds: ids, files };
}

function parseArgs(argv: string[]): BuildOptions {
  const out: BuildOptions = {};
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split('=', 2);
    if (k === 'office-js') out.officeJs = v as 'cdn' | 'local';
    else if (k === 'base-url') out.baseUrl = v;
    else if (k === 'out') out.outDir = v;
    else if (k === 'no-minify') out.minify = false;
    else throw new Error(`未知参数 / unknown option: ${a}`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAddin(parseArgs(process.argv.slice(2)))
    .then((r) => {
      process.stdout.write(`add-in built in ${r.outDir} (functions: ${r.functionIds.join(', ')})\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`构建失败 / build failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
