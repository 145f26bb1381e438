/**
 * Manifests. The unified JSON manifest (what the build ships, base URL filled in, functions from
 * functions.json) validates OFFLINE against the app-manifest JSON schema that ships in
 * node_modules (@microsoft/app-manifest, the validator office-addin-manifest uses for .json) — the
 * schema is read from disk and passed in, so no network is touched. The XML manifest's online
 * validator is out of reach; it is checked structurally: required elements in schema order, ids,
 * https URLs, shared runtime, custom functions namespace, icons, zh-CN default with en-US overrides.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillTemplate, unifiedManifest, DEFAULT_BASE_URL, normaliseBaseUrl } from '../tools/manifests.js';
import { generateFunctionsMetadata } from '../build.js';
import { ICON_FILES } from '../tools/renderIcons.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { AppManifestUtils } = require('@microsoft/app-manifest') as {
  AppManifestUtils: { validateAgainstSchema(m: unknown, schema: unknown): Promise<string[]> };
};
const schemaDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let functionsJson: string;
let functionIds: string[];
beforeAll(async () => {
  const r = await generateFunctionsMetadata(join(root, 'addin', 'src', 'functions', 'functions.ts'));
  functionsJson = r.json;
  functionIds = r.ids;
}, 60_000);

function schemaFor(manifest: { $schema: string }, file = 'MicrosoftTeams.schema.json'): unknown {
  const version = /\/teams\/(v[\d.]+|vDevPreview)\//.exec(manifest.$schema)![1];
  const raw = readFileSync(join(schemaDir, version, file), 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

describe('unified JSON manifest (offline schema validation)', () => {
  it('validates against the v1.24 app-manifest schema with the default and a deployed base URL', async () => {
    for (const base of [DEFAULT_BASE_URL, 'https://kekao.example.cn/addin']) {
      const m = unifiedManifest(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'), base, functionsJson) as { $schema: string };
      const errors = await AppManifestUtils.validateAgainstSchema(m, schemaFor(m));
      expect(errors, errors.join('\n')).toEqual([]);
      expect(JSON.stringify(m)).not.toContain('{{');
    }
  });

  it('the validator does catch a broken manifest (so the test can fail)', async () => {
    const m = unifiedManifest(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'), DEFAULT_BASE_URL, functionsJson) as Record<string, unknown> & {
      $schema: string;
    };
    const broken = { ...m, id: 'not-a-guid', extensions: [{ ...(m.extensions as object[])[0], unknownKey: 1 }] };
    const errors = await AppManifestUtils.validateAgainstSchema(broken, schemaFor(m));
    expect(errors.some((e) => e.startsWith('/id'))).toBe(true);
    expect(errors.some((e) => e.includes('additional properties'))).toBe(true);
  });

  it('is an Excel add-in with a long-lived shared runtime and the KEKAO functions; a bots section can be added', async () => {
    const m = unifiedManifest(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'), DEFAULT_BASE_URL, functionsJson) as Record<string, any>;
    expect(m.id).toMatch(GUID);
    const ext = m.extensions[0];
    expect(ext.requirements.scopes).toEqual(['workbook']);
    const rt = ext.runtimes[0];
    expect(rt.lifetime).toBe('long');
    expect(rt.code.page).toBe('https://localhost:3000/taskpane.html');
    expect(rt.customFunctions.namespace).toEqual({ id: 'KEKAO', name: 'KEKAO' });
    expect(rt.customFunctions.functions.map((f: { id: string }) => f.id)).toEqual(functionIds);
    expect(ext.ribbons[0].tabs[0].groups[0].controls[0].actionId).toBe(rt.actions[0].id);
    // The icons are the committed ones: colour 192 px and outline 32 px beside the manifest, ribbon icons under assets/.
    const shipped = new Map(ICON_FILES.map((f) => [f.png, f.size]));
    expect(shipped.get(m.icons.color)).toBe(192);
    expect(shipped.get(m.icons.outline)).toBe(32);
    const group = ext.ribbons[0].tabs[0].groups[0];
    for (const icon of [...group.icons, ...group.controls[0].icons] as Array<{ size: number; url: string }>) {
      expect(shipped.get(icon.url.replace('https://localhost:3000/assets/', '')), icon.url).toBe(icon.size);
    }
    // The bot engineer adds `bots` to the same file: it must still validate.
    const withBot = { ...m, bots: [{ botId: '00000000-0000-4000-8000-000000000000', scopes: ['personal', 'team'] }] };
    expect(await AppManifestUtils.validateAgainstSchema(withBot, schemaFor(m as { $schema: string }))).toEqual([]);
  });

  it('the en-us localization file uses only keys the localization schema defines, within their lengths', () => {
    // ajv cannot compile this schema (a pattern with a lone "]" under the u flag), so its plain
    // properties are checked directly: known key, string value, maxLength respected.
    const loc = JSON.parse(readFileSync(join(root, 'manifest', 'en-us.json'), 'utf8')) as Record<string, string> & { $schema: string };
    const schema = schemaFor(loc, 'MicrosoftTeams.Localization.schema.json') as { properties: Record<string, { maxLength?: number }> };
    const keys = Object.keys(loc).filter((k) => k !== '$schema');
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const k of keys) {
      expect(schema.properties, k).toHaveProperty([k]);
      expect(typeof loc[k]).toBe('string');
      const max = schema.properties[k].maxLength;
      if (max !== undefined) expect(loc[k].length, k).toBeLessThanOrEqual(max);
    }
  });

  it('refuses a non-https base URL', () => {
    expect(() => normaliseBaseUrl('http://localhost:3000')).toThrow(/https/);
    expect(normaliseBaseUrl('https://a.b/c/')).toBe('https://a.b/c');
  });
});

describe('XML add-in manifest (structural checks)', () => {
  const xml = fillTemplate(readFileSync(join(root, 'manifest', 'addin.xml'), 'utf8'), DEFAULT_BASE_URL);
  const doc = new DOMParserLite(xml);

  it('has the required OfficeApp elements in schema order', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.rootAttr('xsi:type')).toBe('TaskPaneApp');
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(doc.topLevel()).toEqual(order);
    expect(doc.text('Id')).toMatch(GUID);
    expect(doc.text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(doc.text('DefaultLocale')).toBe('zh-CN');
    expect(doc.text('Permissions')).toBe('ReadWriteDocument');
    expect(xml).toContain('<Host Name="Workbook"/>');
  });

  it('declares the shared runtime, custom functions with namespace KEKAO, task pane and ribbon button', () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(xml).toContain('=KEKAO.CV.S(A2:A20)');
    expect(xml).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\/>/);
    expect(xml).toContain('<ExtensionPoint xsi:type="CustomFunctions">');
    expect(doc.resource('ShortStrings', 'Functions.Namespace')).toBe('KEKAO');
    // The functions page IS the task pane page (one JavaScript context).
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane\.Url"\/>\s*<\/Page>/);
    expect(doc.resource('Urls', 'Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
    expect(doc.resource('Urls', 'Functions.Script.Url')).toBe('https://localhost:3000/functions.js');
    expect(doc.resource('Urls', 'Functions.Metadata.Url')).toBe('https://localhost:3000/functions.json');
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
  });

  it('every resid points to a declared resource and every URL is https', () => {
    const declared = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(declared, r).toContain(r);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u, u).toMatch(/^https:\/\//);
    expect(xml).not.toContain('{{');
    for (const size of [16, 32, 64, 80]) expect(doc.resource('Images', `Icon.${size}x${size}`)).toBe(`https://localhost:3000/assets/icon-${size}.png`);
    // Every icon the XML manifest names is one the build ships from addin/assets.
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1].replace('assets/', ''));
    expect(icons.length).toBeGreaterThan(4);
    for (const icon of icons)
      expect(
        ICON_FILES.map((f) => f.png),
        icon,
      ).toContain(icon);
  });

  it('has zh-CN defaults with en-US overrides for every visible string', () => {
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)">([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const [, id, zh, body] of strings) {
      expect(zh, id).toMatch(/[\u4e00-\u9fff]/);
      expect(body, id).toMatch(/<bt:Override Locale="en-US" Value="[^"]+"\/>/);
    }
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]*[\u4e00-\u9fff][^"]*">\s*<Override Locale="en-US"/);
  });
});

describe('function names in the manifests and README files', () => {
  /** README.md files of the repository (not node_modules or build output). */
  function readmes(dir = root): string[] {
    const out: string[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.git', 'test-artifacts'].includes(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) out.push(...readmes(p));
      else if (/^readme\.md$/i.test(e.name)) out.push(p);
    }
    return out;
  }
  const named = (text: string) => [...text.matchAll(/KEKAO\.([A-Z][A-Z0-9]*(?:\.[A-Z][A-Z0-9]*)*)/g)].map((m) => m[1]);

  it('every KEKAO.* function named anywhere exists in functions.json (GetStarted once said KEKAO.CV)', () => {
    const names = new Set((JSON.parse(functionsJson) as { functions: Array<{ name: string }> }).functions.map((f) => f.name));
    const files = [join(root, 'manifest', 'addin.xml'), join(root, 'manifest', 'manifest.json'), join(root, 'manifest', 'en-us.json'), ...readmes()];
    expect(files.some((f) => f.endsWith(join('addin', 'README.md')))).toBe(true);
    let seen = 0;
    for (const file of files) {
      for (const name of named(readFileSync(file, 'utf8'))) {
        seen++;
        expect(names, `${file}: KEKAO.${name}`).toContain(name);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(named('=KEKAO.CV(A2:A20) and =KEKAO.CV.S(A2:A20).')).toEqual(['CV', 'CV.S']);
  });

  it('addin/README.md documents every function, and GetStarted names a real one in both languages', () => {
    const readme = readFileSync(join(root, 'addin', 'README.md'), 'utf8');
    const documented = new Set(named(readme));
    for (const f of (JSON.parse(functionsJson) as { functions: Array<{ name: string }> }).functions) expect(documented, f.name).toContain(f.name);
    const xml = readFileSync(join(root, 'manifest', 'addin.xml'), 'utf8');
    const getStarted = /<bt:String id="GetStarted\.Description" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"/.exec(xml)!;
    expect(named(getStarted[1])).toEqual(['CV.S']);
    expect(named(getStarted[2])).toEqual(['CV.S']);
  });

  it('the unified manifest carries each description whole (both languages within 128 characters)', () => {
    const m = unifiedManifest(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'), DEFAULT_BASE_URL, functionsJson) as Record<string, any>;
    const shipped = m.extensions[0].runtimes[0].customFunctions.functions as Array<{
      id: string;
      description: string;
      parameters: Array<{ description?: string }>;
    }>;
    const source = (JSON.parse(functionsJson) as { functions: Array<{ id: string; description: string; parameters: Array<{ description?: string }> }> })
      .functions;
    for (const f of source) {
      const s = shipped.find((x) => x.id === f.id)!;
      expect(s.description, f.id).toBe(f.description);
      expect(f.description, f.id).toMatch(/[\u4e00-\u9fff].*[A-Za-z]{3,}/);
      expect(s.parameters.map((p) => p.description)).toEqual(f.parameters.map((p) => p.description));
    }
  });
});

/** Just enough XML reading for the checks (no XML dependency in the tree): top-level elements, texts, resources. */
class DOMParserLite {
  private readonly body: string;
  constructor(private readonly xml: string) {
    const open = /<OfficeApp\b[^>]*>/.exec(xml)!;
    this.body = xml.slice(open.index + open[0].length, xml.lastIndexOf('</OfficeApp>'));
  }
  rootAttr(name: string): string | undefined {
    return new RegExp(`<OfficeApp\\b[^>]*\\s${name}="([^"]+)"`).exec(this.xml)?.[1];
  }
  /** Names of the direct children of OfficeApp, in order. */
  topLevel(): string[] {
    const names: string[] = [];
    let depth = 0;
    const stripped = this.body.replace(/<!--[\s\S]*?-->/g, '');
    for (const m of stripped.matchAll(/<(\/?)([A-Za-z:]+)\b[^>]*?(\/?)>/g)) {
      const [, close, name, self] = m;
      if (close) depth--;
      else {
        if (depth === 0) names.push(name);
        if (!self) depth++;
      }
    }
    return names;
  }
  text(name: string): string | undefined {
    return new RegExp(`<${name}>([^<]*)</${name}>`).exec(this.body)?.[1];
  }
  resource(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings', id: string): string | undefined {
    const section = new RegExp(`<bt:${kind}>([\\s\\S]*?)</bt:${kind}>`).exec(this.xml)?.[1] ?? '';
    return new RegExp(`id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]*)"`).exec(section)?.[1];
  }
}
