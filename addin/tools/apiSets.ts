/**
 * `tsx addin/tools/apiSets.ts` — which Office APIs the add-in calls and the requirement set each
 * needs, read from the code rather than guessed.
 *
 * Method: the TypeScript compiler builds the program the bundle is made from (the two entry points
 * of addin/build.ts) against @types/office-js and @types/custom-functions-runtime. Every property
 * access is resolved to its declaration; where that declaration lies in those typings, its JSDoc
 * says the set — Microsoft writes `[Api set: ExcelApi 1.7]` on Excel and custom-functions members
 * and `**Requirement set**: {@link … | Settings}` on common ones. A use counts as GUARDED when it
 * sits in the true branch of `if (supportsSet('ExcelApi', '1.7'))` (or `isSetSupported`), after an
 * early `if (!supportsSet(…)) return`, or right of `supportsSet(…) &&`, with a version at least the
 * one the API needs. Everything else must be declared in both manifests.
 */
import ts from 'typescript';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ENTRY_POINTS = [join(root, 'addin/src/taskpane/main.ts'), join(root, 'addin/src/functions/entry.ts')];
const TYPINGS = /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;
const GUARDS = new Set(['supportsSet', 'isSetSupported']);

export interface RequirementSet {
  name: string;
  version: string;
}

export interface ApiUse {
  /** Fully qualified API, e.g. Excel.Table.onChanged. */
  api: string;
  /** The set the typings name (or KNOWN_UNTAGGED gives), or null where neither names one. */
  set: RequirementSet | null;
  /** True where the typings name no set (the set, if any, is KNOWN_UNTAGGED's). */
  untagged: boolean;
  /** The runtime check this use sits under, if any. */
  guard: RequirementSet | null;
  file: string;
  line: number;
}

/**
 * APIs the typings tag with no set, as Microsoft's reference pages place them: the core of the
 * Excel API came with ExcelApi 1.1, `associate` with CustomFunctionsRuntime 1.1 and the
 * `ErrorCode` enum with `CustomFunctions.Error` in 1.2 ("Custom Functions requirement sets");
 * the rest belongs to office.js itself in every host that runs add-ins (null: no set). A new
 * untagged API fails the requirement-set test until it is placed here.
 */
export const KNOWN_UNTAGGED: Readonly<Record<string, RequirementSet | null>> = {
  'Excel.run': { name: 'ExcelApi', version: '1.1' },
  'Excel.RequestContext.workbook': { name: 'ExcelApi', version: '1.1' },
  'CustomFunctions.associate': { name: 'CustomFunctionsRuntime', version: '1.1' },
  'CustomFunctions.ErrorCode': { name: 'CustomFunctionsRuntime', version: '1.2' },
  'Office.onReady': null,
  'Office.onReady.host': null,
  'Office.context': null,
  'Office.Context.document': null,
  'Office.Context.requirements': null,
  'Office.Document.settings': null,
  'Office.RequirementSetSupport.isSetSupported': null,
  'OfficeExtension.ClientObject.isNullObject': null,
  'OfficeExtension.ClientRequestContext.sync': null,
  'OfficeExtension.EventHandlers.add': null,
};

/** Version order part by part (1.10 > 1.9), as Office compares them. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The set named in a declaration's JSDoc, or null; common sets without a version are 1.1 (Microsoft's convention). */
export function setFromJsDoc(text: string): RequirementSet | null {
  const api = /\[Api set: (\w+) ([\d.]+)/.exec(text);
  if (api) return { name: api[1], version: api[2] };
  const common = /\*\*Requirement set\*\*: \{@link [^|}]*\|\s*([A-Za-z]+)(?: ([\d.]+))?\s*\}/.exec(text);
  if (common && common[1] !== 'Not') return { name: common[1], version: common[2] ?? '1.1' };
  return null;
}

function leadingJsDoc(decl: ts.Node): string {
  const sf = decl.getSourceFile();
  return sf.text.slice(decl.getFullStart(), decl.getStart(sf));
}

function typingsDeclarations(symbol: ts.Symbol): ts.Declaration[] {
  return (symbol.declarations ?? []).filter((d) => TYPINGS.test(d.getSourceFile().fileName));
}

/** Namespace.Class.member from the declaration's named ancestors (also for mapped-type copies such as Pick<>). */
function qualifiedName(symbol: ts.Symbol, decl: ts.Declaration): string {
  const parts = [symbol.name];
  for (let p: ts.Node = decl.parent; p && !ts.isSourceFile(p); p = p.parent) {
    const name = (p as { name?: ts.Node }).name;
    if (name && ts.isIdentifier(name) && !ts.isParameter(p) && !ts.isVariableDeclaration(p)) parts.unshift(name.text);
  }
  return parts.join('.');
}

/** The set of the lowest-versioned declaration (overloads), walking out to the enclosing class when a member has none. */
function setOf(symbol: ts.Symbol): RequirementSet | null | undefined {
  const decls = typingsDeclarations(symbol);
  if (!decls.length) return undefined;
  const found: RequirementSet[] = [];
  for (const d of decls) {
    let node: ts.Node | undefined = d;
    let set: RequirementSet | null = null;
    while (node && !ts.isSourceFile(node) && !ts.isModuleDeclaration(node) && !set) {
      set = setFromJsDoc(leadingJsDoc(node));
      node = node.parent;
    }
    if (set) found.push(set);
  }
  return found.sort((a, b) => compareVersions(a.version, b.version))[0] ?? null;
}

function guardOf(expr: ts.Expression, negated: boolean): RequirementSet | null {
  let e: ts.Expression = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (negated) {
    if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return null;
    return guardOf(e.operand, false);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return guardOf(e.left, false) ?? guardOf(e.right, false);
  if (!ts.isCallExpression(e)) return null;
  const callee = ts.isPropertyAccessExpression(e.expression) ? e.expression.name.text : ts.isIdentifier(e.expression) ? e.expression.text : '';
  const [name, version] = e.arguments;
  if (!GUARDS.has(callee) || !name || !version || !ts.isStringLiteral(name) || !ts.isStringLiteral(version)) return null;
  return { name: name.text, version: version.text };
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!));

/** The runtime checks a node sits under, innermost first. */
function guardsAround(node: ts.Node): RequirementSet[] {
  const out: RequirementSet[] = [];
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    let g: RequirementSet | null = null;
    if (ts.isIfStatement(p) && child === p.thenStatement) g = guardOf(p.expression, false);
    else if (ts.isConditionalExpression(p) && child === p.whenTrue) g = guardOf(p.condition, false);
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) g = guardOf(p.left, false);
    else if (ts.isBlock(p) || ts.isSourceFile(p)) {
      for (const s of p.statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) g ??= guardOf(s.expression, true);
      }
    }
    if (g) out.push(g);
  }
  return out;
}

/** Resolves `a.b` (and `a[k]` with a literal-typed k) to the symbols it may access. */
function accessed(checker: ts.TypeChecker, node: ts.Node): ts.Symbol[] {
  if (ts.isPropertyAccessExpression(node)) {
    const s = checker.getSymbolAtLocation(node.name) ?? checker.getPropertyOfType(checker.getTypeAtLocation(node.expression), node.name.text);
    return s ? [s] : [];
  }
  if (ts.isElementAccessExpression(node)) {
    const keyType = checker.getTypeAtLocation(node.argumentExpression);
    const keys = (keyType.isUnion() ? keyType.types : [keyType]).filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
    const objType = checker.getTypeAtLocation(node.expression);
    return keys.map((k) => checker.getPropertyOfType(objType, k)).filter((s): s is ts.Symbol => Boolean(s));
  }
  return [];
}

/** Every use of an Office API in the program the bundle is built from. */
export function scanApiUses(entryPoints: readonly string[] = ENTRY_POINTS): ApiUse[] {
  const program = ts.createProgram([...entryPoints], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['office-js', 'custom-functions-runtime'],
    typeRoots: [join(root, 'node_modules', '@types')],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    resolveJsonModule: true,
    esModuleInterop: true,
  });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || sf.fileName.includes('node_modules')) continue;
    const visit = (node: ts.Node): void => {
      for (const symbol of accessed(checker, node)) {
        const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const tagged = setOf(resolved);
        if (tagged === undefined) continue;
        const api = qualifiedName(resolved, typingsDeclarations(resolved)[0]!);
        const set = tagged ?? KNOWN_UNTAGGED[api] ?? null;
        const guards = guardsAround(node);
        const guard = guards.find((g) => set && g.name === set.name && compareVersions(g.version, set.version) >= 0) ?? null;
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        uses.push({ api, set, untagged: tagged === null, guard, file: relative(root, sf.fileName), line: line + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** The sets the code needs without a runtime check: the highest version used unguarded, per set. */
export function requiredSets(uses: readonly ApiUse[]): RequirementSet[] {
  const max = new Map<string, string>();
  for (const u of uses) {
    if (!u.set || u.guard) continue;
    const v = max.get(u.set.name);
    if (!v || compareVersions(u.set.version, v) > 0) max.set(u.set.name, u.set.version);
  }
  return [...max].map(([name, version]) => ({ name, version })).sort((a, b) => a.name.localeCompare(b.name));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const uses = scanApiUses();
  const rows = new Map<string, ApiUse>();
  for (const u of uses) if (!rows.has(u.api)) rows.set(u.api, u);
  for (const u of [...rows.values()].sort((a, b) => a.api.localeCompare(b.api))) {
    const set = u.set ? `${u.set.name} ${u.set.version}` : '(no set named)';
    const guard = u.guard ? `guarded by ${u.guard.name} ${u.guard.version}` : '';
    process.stdout.write(`${u.api.padEnd(48)} ${set.padEnd(28)} ${guard.padEnd(26)} ${u.file}:${u.line}\n`);
  }
  process.stdout.write(
    `\nrequired without a runtime check: ${requiredSets(uses)
      .map((s) => `${s.name} ${s.version}`)
      .join(', ')}\n`,
  );
}
