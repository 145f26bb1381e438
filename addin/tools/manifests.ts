/**
 * Fills the manifest templates of manifest/ with the add-in's base URL, and completes the unified
 * JSON manifest's custom-functions part from the generated functions.json. Used by the build and
 * by the manifest tests (so what is validated is what is shipped).
 */

export const DEFAULT_BASE_URL = 'https://localhost:3000';

/** The base URL must be https (Office refuses http add-ins) and has no trailing slash. */
export function normaliseBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new Error(`add-in base URL must use https: ${raw}`);
  return url.toString().replace(/\/+$/, '');
}

export function fillTemplate(text: string, baseUrl: string): string {
  const base = normaliseBaseUrl(baseUrl);
  return text.replaceAll('{{ADDIN_BASE_URL}}', base).replaceAll('{{ADDIN_HOST}}', new URL(base).host);
}

interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters?: MetadataParameter[];
  result?: { dimensionality?: string };
}

/** The manifest schema caps descriptions at 128 characters; Excel shows functions.json's full text. */
const cap = (s: string | undefined, n = 128): string | undefined => (s === undefined ? undefined : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Unified manifest (schema v1.24) with `customFunctions.functions` taken from functions.json. */
export function unifiedManifest(templateText: string, baseUrl: string, functionsJson: string): Record<string, unknown> {
  const manifest = JSON.parse(fillTemplate(templateText, baseUrl)) as {
    extensions: Array<{ runtimes: Array<{ customFunctions?: Record<string, unknown> }> }>;
  };
  const metadata = JSON.parse(functionsJson) as { functions: MetadataFunction[] };
  const runtime = manifest.extensions[0].runtimes.find((r) => r.customFunctions);
  if (!runtime?.customFunctions) throw new Error('manifest.json: no runtime declares customFunctions');
  runtime.customFunctions.functions = metadata.functions.map((f) => ({
    id: f.id,
    name: f.name,
    ...(f.description ? { description: cap(f.description) } : {}),
    parameters: (f.parameters ?? []).map((p) => ({
      name: p.name,
      ...(p.description ? { description: cap(p.description) } : {}),
      type: p.type ?? 'any',
      dimensionality: p.dimensionality ?? 'scalar',
      ...(p.optional ? { optional: true } : {}),
    })),
    result: { dimensionality: f.result?.dimensionality ?? 'scalar' },
  }));
  return manifest;
}
