/**
 * `npm run addin:build [-- --office-js=cdn|local] [--base-url=https://host/path] [--out=DIR] [--no-minify] [--dev]`
 *
 * Builds the add-in into static files the service (or any https server) can host:
 *   taskpane.html — the ONE shared-runtime page: office.js, then functions.js and taskpane.js as
 *                   ES modules in the same JavaScript context (shared chunks under chunks/);
 *   functions.json — custom-functions metadata generated from the JSDoc of
 *                   addin/src/functions/functions.ts by custom-functions-metadata; the build FAILS
 *                   when the generator reports errors, writes no file, or a generated id has no
 *                   binding (and vice versa);
 *   assets/*.png   — the committed icons of addin/assets (rendered from their SVG sources by
 *                   addin/tools/renderIcons.ts), color.png and outline.png for the unified manifest;
 *   manifest.xml, manifest.json, en-us.json — manifest/ templates with the base URL filled in.
 * office.js comes from Microsoft's CDN by default (required for published add-ins);
 * `--office-js=local` copies the Excel part of the @microsoft/office-js package into office/ and
 * the page loads it relative to itself, i.e. from the base URL — for closed networks (intranets).
 * Production builds carry no source maps (the service serves this directory); `--dev` adds them.
 */
import { build, type Plugin } from 'esbuild';
import { z } from 'zod/v4';
import { copyFile, cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { DEFAULT_BASE_URL, fillTemplate, normaliseBaseUrl, unifiedManifest } from './tools/manifests.js';
import { ASSETS_DIR, ICON_FILES, ICON_SIZES } from './tools/renderIcons.js';
import { parseCommandLine, refuse } from './tools/commandLine.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const require = createRequire(import.meta.url);

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where `--office-js=local` puts office.js, relative to taskpane.html (and so to the base URL). */
export const OFFICE_JS_LOCAL = 'office/office.js';
export { ICON_SIZES };

const optionsSchema = z.object({
  officeJs: z.enum(['cdn', 'local'], { error: '--office-js 须为 cdn 或 local / --office-js must be cdn or local' }).default('cdn'),
  baseUrl: z.string().default(DEFAULT_BASE_URL),
  outDir: z.string().default(join(root, 'addin', 'dist')),
  minify: z.boolean().default(true),
  /** Development build: linked source maps. Never deployed (the service serves addin/dist). */
  dev: z.boolean().default(false),
});
export type BuildOptions = z.input<typeof optionsSchema>;

export interface BuildResult {
  outDir: string;
  functionIds: string[];
  files: string[];
}

/** Modules replaced in the bundle because they call eval, which the service's CSP forbids (addin/tools/cspSafe/). */
const cspSafeModules: Plugin = {
  name: 'csp-safe-modules',
  setup(b) {
    b.onResolve({ filter: /^@stdlib\/assert-has-generator-support$/ }, () => ({ path: join(root, 'addin', 'tools', 'cspSafe', 'hasGeneratorSupport.cjs') }));
  },
};

/**
 * zod compiles object parsers with `new Function` (a CSP violation under the service's policy,
 * which has no 'unsafe-eval') unless its global config says `jitless`. Object schemas are built
 * while the chunks are evaluated, before any entry's own code could call `z.config`, so every
 * output file starts by setting the flag on the object zod keeps its config in
 * (`globalThis.__zod_globalConfig`, zod/v4/core/core.js; `z.config` writes the same object).
 */
const ZOD_JITLESS = '(globalThis.__zod_globalConfig ??= {}).jitless = true;';

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

/**
 * Which files of @microsoft/office-js's dist an Excel add-in needs: office.js loads the host's own
 * script (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js …), the strings of the
 * user's locale (zh-cn/office_strings.js …) and its telemetry and error pages from folders beside
 * it. Scripts for other hosts, debug copies, IntelliSense and typings are left out (87 MB → about 14 MB).
 */
export function isOfficeJsFileForExcel(relativePath: string): boolean {
  const name = basename(relativePath);
  if (/\.debug\.js$|-vsdoc\.js$|\.d\.ts$|\.map$/.test(name)) return false;
  if (/^(access|onenote|outlook|outlookwebapp|powerpoint|powerpointios|project|word|wordios)[-_.]/.test(name)) return false;
  return !/(^|[\\/])outlook_strings\.js$/.test(relativePath);
}

async function copyOfficeJsLocally(outDir: string): Promise<string> {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('@microsoft/office-js/package.json'));
  } catch {
    throw new Error('--office-js=local 需要 @microsoft/office-js 包：请运行 npm ci / --office-js=local needs the @microsoft/office-js package: run npm ci');
  }
  const dist = join(pkgDir, 'dist');
  await cp(dist, join(outDir, 'office'), { recursive: true, filter: (src) => src === dist || isOfficeJsFileForExcel(src.slice(dist.length + 1)) });
  return OFFICE_JS_LOCAL;
}

export async function buildAddin(input: BuildOptions = {}): Promise<BuildResult> {
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('；'));
  const opts = parsed.data;
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
    // The other packages' exports name their TypeScript sources under this condition.
    conditions: ['@kekao/source'],
    target: ['es2020'],
    minify: opts.minify,
    sourcemap: opts.dev ? 'linked' : false,
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
    plugins: [cspSafeModules],
    banner: { js: ZOD_JITLESS },
  });

  // 3. The page, its stylesheet and office.js.
  const officeJsUrl = opts.officeJs === 'local' ? await copyOfficeJsLocally(outDir) : OFFICE_JS_CDN;
  const html = (await readFile(join(root, 'addin', 'src', 'taskpane', 'taskpane.html'), 'utf8')).replaceAll('{{OFFICE_JS_URL}}', officeJsUrl);
  await writeFile(join(outDir, 'taskpane.html'), html);
  await cp(join(root, 'addin', 'src', 'taskpane', 'taskpane.css'), join(outDir, 'taskpane.css'));

  // 4. The committed icons: assets/ for the URLs in the manifests, color/outline beside manifest.json.
  for (const f of ICON_FILES) await copyFile(join(ASSETS_DIR, f.png), join(outDir, f.png.startsWith('icon-') ? 'assets' : '', f.png));

  // 5. Manifests with the base URL filled in.
  await writeFile(join(outDir, 'manifest.xml'), fillTemplate(await readFile(join(root, 'manifest', 'addin.xml'), 'utf8'), baseUrl));
  const unified = unifiedManifest(await readFile(join(root, 'manifest', 'manifest.json'), 'utf8'), baseUrl, json);
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(unified, null, 2)}\n`);
  await cp(join(root, 'manifest', 'en-us.json'), join(outDir, 'en-us.json'));

  const files = ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'taskpane.css', 'manifest.xml', 'manifest.json'];
  for (const f of files) if (!existsSync(join(outDir, f))) throw new Error(`构建缺少文件 / build output is missing ${f}`);
  return { outDir, functionIds: ids, files };
}

/** The command line: strict (an unknown flag exits 2 naming it and the valid ones). */
export const BUILD_FLAGS = {
  'office-js': { type: 'string', help: 'cdn|local' },
  'base-url': { type: 'string', help: 'https://host/path' },
  out: { type: 'string', help: 'DIR' },
  'no-minify': { type: 'boolean' },
  dev: { type: 'boolean', help: 'source maps' },
} as const;

export function buildOptionsFrom(values: Record<string, string | boolean | undefined>): BuildOptions {
  const out: BuildOptions = {};
  if (values['office-js'] !== undefined) out.officeJs = values['office-js'] as 'cdn' | 'local';
  if (values['base-url'] !== undefined) out.baseUrl = String(values['base-url']);
  if (values.out !== undefined) out.outDir = String(values.out);
  if (values['no-minify']) out.minify = false;
  if (values.dev) out.dev = true;
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = 'npm run addin:build --';
  const values = parseCommandLine(command, process.argv.slice(2), BUILD_FLAGS);
  if (values['office-js'] !== undefined && !['cdn', 'local'].includes(String(values['office-js']))) {
    refuse(command, `--office-js 须为 cdn 或 local，而不是 ${String(values['office-js'])} / --office-js must be cdn or local`, BUILD_FLAGS);
  }
  buildAddin(buildOptionsFrom(values))
    .then((r) => {
      process.stdout.write(`add-in built in ${r.outDir} (functions: ${r.functionIds.join(', ')})\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`构建失败 / build failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
