import { canonicalProvince, samePlace } from './places.js';

/**
 * What part of the programme a user may see and change. Enterprise users: their own
 * organisation. Officers: a district, city or province. Reviewers: the entries assigned to them.
 * Secretariat: everything (or one province).
 */
export type ScopeLevel = 'organisation' | 'district' | 'city' | 'province' | 'all' | 'assigned';

export interface Scope {
  level: ScopeLevel;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  organisationId?: string | null;
}

export interface Place {
  province: string | null;
  city: string | null;
  district: string | null;
}

export class ScopeSyntaxError extends Error {}

/**
 * Parses the CLI form: `org`, `assigned`, `all`, `province:上海`, `city:河北/石家庄`,
 * `district:上海/浦东新区` or `district:河北/石家庄/长安区`.
 */
export function parseScope(text: string): Scope {
  const [kind, rest = ''] = text.split(/:(.*)/su, 2) as [string, string?];
  const parts = rest
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  switch (kind) {
    case 'org':
    case 'organisation':
      return { level: 'organisation' };
    case 'assigned':
      return { level: 'assigned' };
    case 'all':
      return { level: 'all' };
    case 'province':
      if (parts.length !== 1) throw new ScopeSyntaxError('province:省份 (e.g. province:上海)');
      return { level: 'province', province: canonicalProvince(parts[0]) };
    case 'city':
      if (parts.length !== 2) throw new ScopeSyntaxError('city:省份/城市 (e.g. city:河北/石家庄)');
      return { level: 'city', province: canonicalProvince(parts[0]), city: parts[1] };
    case 'district':
      if (parts.length === 2) return { level: 'district', province: canonicalProvince(parts[0]), district: parts[1] };
      if (parts.length === 3) return { level: 'district', province: canonicalProvince(parts[0]), city: parts[1], district: parts[2] };
      throw new ScopeSyntaxError('district:省份/[城市/]区县 (e.g. district:上海/浦东新区)');
    default:
      throw new ScopeSyntaxError('org | assigned | all | province:… | city:… | district:…');
  }
}

export function formatScope(s: Scope): string {
  switch (s.level) {
    case 'organisation':
      return 'org';
    case 'assigned':
      return 'assigned';
    case 'all':
      return 'all';
    case 'province':
      return `province:${s.province}`;
    case 'city':
      return `city:${s.province}/${s.city}`;
    case 'district':
      return `district:${s.province}/${s.city ? `${s.city}/` : ''}${s.district}`;
  }
}

/** The scope in words for messages (“河北省石家庄市”, “全部”). */
export function describeScope(s: Scope, orgName?: string | null): string {
  switch (s.level) {
    case 'all':
      return '全部';
    case 'assigned':
      return '分配给您的评审条目';
    case 'organisation':
      return orgName ?? '本企业';
    case 'province':
      return `${s.province}`;
    case 'city':
      return `${s.province}${s.city}`;
    case 'district':
      return `${s.province}${s.city ?? ''}${s.district}`;
  }
}

/** True when a territorial scope (district/city/province/all) contains the place. */
export function scopeCoversPlace(scope: Scope, place: Place): boolean {
  switch (scope.level) {
    case 'all':
      return true;
    case 'province':
      return canonicalProvince(place.province) === scope.province;
    case 'city':
      return canonicalProvince(place.province) === scope.province && samePlace(place.city, scope.city);
    case 'district':
      return (
        canonicalProvince(place.province) === scope.province &&
        samePlace(place.district, scope.district) &&
        // A city, when both sides name one, must agree too (two cities may share a district name).
        (!scope.city || !place.city || samePlace(place.city, scope.city))
      );
    default:
      return false;
  }
}
