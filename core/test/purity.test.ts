import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** core must run unchanged in Node, a browser page and Excel's JS runtime (docs/architecture.md §2). */
const ALLOWED = [/^\.\.?\//, /^zod\/v4$/, /^simple-statistics$/, /^@stdlib\/stats-base-dists-[a-z-]+$/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('core is pure', () => {
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const all = files(src);
  it('imports only relative modules, zod/v4, simple-statistics and @stdlib distributions', () => {
    const bad: string[] = [];
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2]!;
        if (!ALLOWED.some((r) => r.test(spec))) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
    expect(all.length).toBeGreaterThan(20);
  });
  it('uses no Node globals (process, Buffer, require, __dirname)', () => {
    const bad = all.filter((f) =>
      /\bprocess\.(env|argv|exit|cwd|stdout|stderr|platform|versions)\b|\bBuffer\.(from|alloc|concat)\b|\brequire\(|__dirname/.test(
        readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''),
      ),
    );
    expect(bad).toEqual([]);
  });
});
