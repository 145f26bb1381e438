/**
 * Requirement sets, found from the code: addin/tools/apiSets.ts resolves every Office API the
 * bundle's sources call against @types/office-js and reads the set from its JSDoc. Both manifests
 * must declare exactly the sets needed without a runtime check (plus SharedRuntime 1.1, which the
 * shared runtime they declare needs), and every newer API must sit under an isSetSupported check.
 * The expected API → set pairs below are copied by hand from Microsoft's reference pages
 * (learn.microsoft.com/javascript/api/excel, …/custom-functions-runtime), not from the scanner.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY_POINTS, KNOWN_UNTAGGED, compareVersions, requiredSets, scanApiUses, setFromJsDoc, type ApiUse, type RequirementSet } from '../tools/apiSets.js';
import { ROOT } from './helpers/kekaoCli.js';

const FIXTURE = `declare function supportsSet(name: string, version: string): boolean;
export function unguarded(c: Excel.RequestContext) {
  c.workbook.tables.getItem('T').onChanged.add(async () => undefined); // UNGUARDED
}
export function inIf(c: Excel.RequestContext) {
  if (supportsSet('ExcelApi', '1.7')) c.workbook.tables.getItem('T').onChanged.add(async () => undefined); // IN_IF
}
export function early(c: Excel.RequestContext) {
  if (!supportsSet('ExcelApi', '1.8')) return;
  c.workbook.worksheets.getItem('S').onChanged.add(async () => undefined); // EARLY_RETURN
}
export function andAnd(c: Excel.RequestContext) {
  return Office.context.requirements.isSetSupported('ExcelApi', '1.7') && c.workbook.tables.getItem('T').onChanged; // AND_AND
}
export function tooLow(c: Excel.RequestContext) {
  if (supportsSet('ExcelApi', '1.4')) c.workbook.tables.getItem('T').onChanged.add(async () => undefined); // TOO_LOW
}
`;

let work: string;
let uses: ApiUse[];
let fixture: ApiUse[];
let fixtureLines: string[];
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-apisets-'));
  const file = join(work, 'fixture.ts');
  await writeFile(file, FIXTURE);
  fixtureLines = FIXTURE.split('\n');
  const all = scanApiUses([...ENTRY_POINTS, file]);
  uses = all.filter((u) => !u.file.endsWith('fixture.ts'));
  fixture = all.filter((u) => u.file.endsWith('fixture.ts'));
  return () => rm(work, { recursive: true, force: true });
}, 180_000);

const setText = (s: RequirementSet | null) => (s ? `${s.name} ${s.version}` : null);
const firstUse = (api: string) => uses.find((u) => u.api === api);

async function declaredInXml(): Promise<string[]> {
  const xml = await readFile(join(ROOT, 'manifest', 'addin.xml'), 'utf8');
  const block = /<OfficeApp[\s\S]*?<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)![1];
  return [...block.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`).sort();
}

async function declaredInJson(): Promise<string[]> {
  const m = JSON.parse(await readFile(join(ROOT, 'manifest', 'manifest.json'), 'utf8')) as {
    extensions: Array<{ requirements: { capabilities: Array<{ name: string; minVersion: string }> } }>;
  };
  return m.extensions[0].requirements.capabilities.map((c) => `${c.name} ${c.minVersion}`).sort();
}

describe('the APIs the add-in calls', () => {
  it('are resolved to the sets Microsoft documents for them', () => {
    const documented: Record<string, string> = {
      'Excel.Table.onChanged': 'ExcelApi 1.7',
      'Excel.Worksheet.onChanged': 'ExcelApi 1.7',
      'Excel.ChartSeries.chartType': 'ExcelApi 1.7',
      'Excel.TableCollection.getItemOrNullObject': 'ExcelApi 1.4',
      'Excel.WorksheetCollection.getItemOrNullObject': 'ExcelApi 1.4',
      'Excel.Worksheet.getRange': 'ExcelApi 1.1',
      'Excel.ChartCollection.add': 'ExcelApi 1.1',
      'CustomFunctions.Error': 'CustomFunctionsRuntime 1.2',
      'Office.Settings.set': 'Settings 1.1',
    };
    for (const [api, set] of Object.entries(documented)) expect(setText(firstUse(api)?.set ?? null), api).toBe(set);
  });

  it('reads both JSDoc forms of a set', () => {
    expect(setFromJsDoc('* @remarks\n * [Api set: ExcelApi 1.7]\n')).toEqual({ name: 'ExcelApi', version: '1.7' });
    expect(setFromJsDoc('**Requirement set**: {@link https://x/y#settings | Settings}')).toEqual({ name: 'Settings', version: '1.1' });
    expect(setFromJsDoc('**Requirement set**: {@link https://x/y | SharedRuntime 1.2}')).toEqual({ name: 'SharedRuntime', version: '1.2' });
    expect(setFromJsDoc('**Requirement set**: {@link https://x/y | Not in a set}')).toBeNull();
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
  });

  it('every API the typings leave without a set has been placed by hand', () => {
    const untagged = [...new Set(uses.filter((u) => u.untagged).map((u) => u.api))];
    expect(untagged.length).toBeGreaterThan(3);
    for (const api of untagged) expect(Object.keys(KNOWN_UNTAGGED), api).toContain(api);
  });
});

describe('the manifests', () => {
  it('both declare exactly the sets the code needs without a runtime check, plus SharedRuntime 1.1', async () => {
    const needed = [...requiredSets(uses).map((s) => `${s.name} ${s.version}`), 'SharedRuntime 1.1'].sort();
    expect(needed).toEqual(['CustomFunctionsRuntime 1.3', 'ExcelApi 1.4', 'Settings 1.1', 'SharedRuntime 1.1']);
    expect(await declaredInXml()).toEqual(needed);
    expect(await declaredInJson()).toEqual(needed);
  });

  it('every use of a newer set than declared sits under a check for that set', async () => {
    const declared = new Map((await declaredInXml()).map((d) => d.split(' ') as [string, string]));
    const newer = uses.filter((u) => u.set && compareVersions(u.set.version, declared.get(u.set.name) ?? '0') > 0);
    expect(newer.map((u) => u.api)).toContain('Excel.Table.onChanged');
    for (const u of newer) {
      expect(u.guard?.name, `${u.api} at ${u.file}:${u.line}`).toBe(u.set!.name);
      expect(compareVersions(u.guard!.version, u.set!.version)).toBeGreaterThanOrEqual(0);
    }
  });

  it('addin/README.md lists every declared set in its minimum versions table', async () => {
    const readme = await readFile(join(ROOT, 'addin', 'README.md'), 'utf8');
    for (const set of await declaredInXml()) expect(readme, set).toContain(set);
  });
});

describe('the check itself (a fixture)', () => {
  const onLine = (marker: string) => fixture.filter((u) => fixtureLines[u.line - 1]!.includes(marker) && /onChanged$/.test(u.api));

  it('an unchecked call of a newer API is required of the manifests; a check for a lower version does not count', () => {
    expect(onLine('UNGUARDED')[0]).toMatchObject({ api: 'Excel.Table.onChanged', set: { name: 'ExcelApi', version: '1.7' }, guard: null });
    expect(onLine('TOO_LOW')[0]!.guard).toBeNull();
    expect(requiredSets(onLine('UNGUARDED'))).toEqual([{ name: 'ExcelApi', version: '1.7' }]);
  });

  it('if-branch, early return and && checks count', () => {
    expect(setText(onLine('IN_IF')[0]!.guard)).toBe('ExcelApi 1.7');
    expect(setText(onLine('EARLY_RETURN')[0]!.guard)).toBe('ExcelApi 1.8');
    expect(setText(onLine('AND_AND')[0]!.guard)).toBe('ExcelApi 1.7');
    expect(requiredSets([...onLine('IN_IF'), ...onLine('EARLY_RETURN'), ...onLine('AND_AND')])).toEqual([]);
  });
});
