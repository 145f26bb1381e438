/**
 * The `Office` global for office-addin-mock tests: `Office.context.requirements.isSetSupported`
 * answers like an Excel that supports the given requirement sets up to the given versions
 * (versions compared part by part, so 1.10 > 1.9, as Office does).
 */
import { OfficeMockObject } from 'office-addin-mock';

function atLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Installs the global; returns a function that removes it again. */
export function installOffice(supported: Record<string, string>): () => void {
  const asked: Array<[string, string]> = [];
  const office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => {
          asked.push([name, version]);
          const have = supported[name];
          return have !== undefined && atLeast(have, version);
        },
      },
    },
  });
  const g = globalThis as { Office?: unknown };
  g.Office = office;
  return () => {
    delete g.Office;
  };
}
