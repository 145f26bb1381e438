import type { Queryable } from '../db/database.js';
import type { Principal } from './principal.js';
import { scopeCoversPlace, type Place } from './scope.js';

/** The columns of a submission the access rules look at. */
export interface SubmissionAccessRow extends Place {
  id: string;
  enterprise_org_id: string;
  enterprise_uscc: string | null;
}

/**
 * DB31/T 1368—2022 §5.2 (回避和保密原则): experts recuse themselves from projects of organisations
 * they have an interest in. kekao applies it to affiliation: a reviewer from the enterprise itself.
 */
export function isRecused(p: Principal, s: Pick<SubmissionAccessRow, 'enterprise_org_id' | 'enterprise_uscc'>): boolean {
  if (p.organisationId && p.organisationId === s.enterprise_org_id) return true;
  return Boolean(p.organisationUscc && s.enterprise_uscc && p.organisationUscc === s.enterprise_uscc);
}

/** Territorial (non-reviewer) visibility: own organisation, or the scope covers the place. */
export function coversSubmission(p: Principal, s: SubmissionAccessRow): boolean {
  switch (p.role) {
    case 'enterprise':
      return p.organisationId !== null && p.organisationId === s.enterprise_org_id;
    case 'officer':
    case 'secretariat':
      return scopeCoversPlace(p.scope, s);
    case 'reviewer':
      return false;
  }
}

export async function isAssigned(db: Queryable, submissionId: string, reviewerId: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM reviewer_assignments WHERE submission_id = $1 AND reviewer_id = $2', [submissionId, reviewerId]);
  return r.rows.length > 0;
}

/** May the caller read this submission? Reviewers: assigned and not recused. */
export async function canReadSubmission(db: Queryable, p: Principal, s: SubmissionAccessRow): Promise<boolean> {
  if (p.role === 'reviewer') return !isRecused(p, s) && (await isAssigned(db, s.id, p.userId));
  return coversSubmission(p, s);
}
