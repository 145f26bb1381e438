import type { Scope } from './scope.js';

export type Role = 'enterprise' | 'officer' | 'reviewer' | 'secretariat';
export const ROLES: readonly Role[] = ['enterprise', 'officer', 'reviewer', 'secretariat'];

/** The authenticated caller, read from the users table by the hash of the bearer token. */
export interface Principal {
  userId: string;
  name: string;
  role: Role;
  scope: Scope;
  /** The user's organisation: the enterprise for enterprise users, the affiliation of a reviewer. */
  organisationId: string | null;
  organisationUscc: string | null;
  /** The organisation's registered name (recusal compares names when no USCC ties the records). */
  organisationName: string | null;
}

/** How the audit log names an actor. */
export function actorLabel(p: Principal): string {
  return `user:${p.userId}`;
}
