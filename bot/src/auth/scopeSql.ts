import type { Principal } from './principal.js';
import { placeKey } from './places.js';

/**
 * The SQL condition restricting rows of a table with columns province / city_key / district_key
 * / enterprise_org_id (alias `t`) to a caller's territorial scope — the list counterpart of
 * `coversSubmission`. Parameters are appended to `params`; returns 'FALSE' for reviewers (they see
 * assigned entries through a join instead).
 */
export function scopeCondition(p: Principal, params: unknown[], alias = 't'): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (p.role === 'enterprise') return p.organisationId ? `${alias}.enterprise_org_id = ${add(p.organisationId)}` : 'FALSE';
  if (p.role === 'reviewer') return 'FALSE';
  const s = p.scope;
  switch (s.level) {
    case 'all':
      return 'TRUE';
    case 'province':
      return `${alias}.province = ${add(s.province)}`;
    case 'city':
      return `(${alias}.province = ${add(s.province)} AND ${alias}.city_key = ${add(placeKey(s.city))})`;
    case 'district': {
      const base = `${alias}.province = ${add(s.province)} AND ${alias}.district_key = ${add(placeKey(s.district))}`;
      return s.city ? `(${base} AND (${alias}.city_key IS NULL OR ${alias}.city_key = ${add(placeKey(s.city))}))` : `(${base})`;
    }
    default:
      return 'FALSE';
  }
}
