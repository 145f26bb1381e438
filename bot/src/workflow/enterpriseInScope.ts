import type { Principal } from '../auth/principal.js';
import { scopeCoversPlace, type Place } from '../auth/scope.js';
import type { Queryable } from '../db/database.js';
import { findOrCreateOrganisation, type OrganisationRow } from '../store/organisations.js';

/**
 * The enterprise an officer (or the secretariat) files something for — a submission on its behalf
 * or an assistance case: found by its 统一社会信用代码 (or, without one, by name), or registered now at
 * the place given. A known enterprise keeps its registered place, and that place must be in the
 * caller's scope: whatever the request claims, an officer cannot reach an organisation of another
 * province by quoting its USCC with their own province.
 */

export class EnterpriseOutOfScopeError extends Error {
  constructor(
    readonly organisation: OrganisationRow,
    readonly place: Place,
  ) {
    super(`organisation ${organisation.id} is registered outside the caller's scope`);
  }
}

export function placeText(place: Place): string {
  return [place.province, place.city, place.district].filter(Boolean).join('/') || '未填写';
}

/** Call inside the transaction that stores the record; throws EnterpriseOutOfScopeError (roll back). */
export async function enterpriseInScope(
  tx: Queryable,
  principal: Principal,
  enterprise: { name: string; uscc: string | null | undefined; place: Place },
): Promise<{ organisation: OrganisationRow; place: Place }> {
  const organisation = await findOrCreateOrganisation(tx, { kind: 'enterprise', name: enterprise.name, uscc: enterprise.uscc, ...enterprise.place });
  const place = organisation.province ? { province: organisation.province, city: organisation.city, district: organisation.district } : enterprise.place;
  if (!scopeCoversPlace(principal.scope, place)) throw new EnterpriseOutOfScopeError(organisation, place);
  return { organisation, place };
}
