/**
 * Matching a table's header cells to the contract's columns. People rename, translate, star and
 * reorder headers, so a column is recognised by its template header, its English key or an alias,
 * ignoring width, spaces, case, required-field stars and a trailing unit in brackets.
 */
import type { ColumnSpec, TableSpec } from '../contract.js';
import { flattenCellValue, isBlank, toHalfWidth } from '../cellValue.js';

export function normalizeHeader(s: unknown): string {
  return toHalfWidth(String(s ?? ''))
    .replace(/\s+/g, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '')
    .toLowerCase();
}

/** '使用时间(h)' → '使用时间': a header still matches when its unit is written differently or left out. */
function stripBracket(s: string): string {
  return s.replace(/\([^()]*\)$/, '').replace(/\[[^\]]*\]$/, '');
}

interface HeaderCandidates {
  exact: Set<string>;
  stripped: Set<string>;
}

// Column specs are constants of the contract: their normalised spellings are computed once.
const candidateCache = new WeakMap<ColumnSpec, HeaderCandidates>();
function candidates(c: ColumnSpec): HeaderCandidates {
  let e = candidateCache.get(c);
  if (!e) {
    const exact = new Set([c.header, c.key, ...c.aliases].map(normalizeHeader));
    e = { exact, stripped: new Set([...exact].map(stripBracket)) };
    candidateCache.set(c, e);
  }
  return e;
}

export interface ColumnMatch {
  /** Index in the grid of each matched column key. */
  indexOf: Map<string, number>;
  extra: number[];
  duplicate: number[];
  missingRequired: ColumnSpec[];
  /** Required columns found (used to find a header row when there is no table). */
  requiredFound: number;
}

/** Matches header cells to the contract's columns by header, English key or alias, in any order. */
export function matchColumns(spec: TableSpec, header: readonly unknown[]): ColumnMatch {
  const indexOf = new Map<string, number>();
  const extra: number[] = [];
  const duplicate: number[] = [];
  header.forEach((h, i) => {
    const v = flattenCellValue(h);
    if (isBlank(v)) return;
    const n = normalizeHeader(v);
    const found = spec.columns.find((c) => candidates(c).exact.has(n)) ?? spec.columns.find((c) => candidates(c).stripped.has(stripBracket(n)));
    if (!found) extra.push(i);
    else if (indexOf.has(found.key)) duplicate.push(i);
    else indexOf.set(found.key, i);
  });
  const missingRequired = spec.columns.filter((c) => c.required && !indexOf.has(c.key));
  return { indexOf, extra, duplicate, missingRequired, requiredFound: spec.columns.filter((c) => c.required).length - missingRequired.length };
}
