import type { Queryable } from '../db/database.js';

export interface AssignmentRow {
  submission_id: string;
  reviewer_id: string;
  reviewer_name: string;
  assigned_by: string;
  assigned_at: Date;
}

export async function listAssignments(db: Queryable, submissionId: string): Promise<AssignmentRow[]> {
  return (
    await db.query<AssignmentRow>(
      `SELECT a.submission_id, a.reviewer_id, u.name AS reviewer_name, a.assigned_by, a.assigned_at
       FROM reviewer_assignments a JOIN users u ON u.id = a.reviewer_id WHERE a.submission_id = $1 ORDER BY a.assigned_at, u.name`,
      [submissionId],
    )
  ).rows;
}

/** Returns false when the reviewer was already assigned (the call is idempotent). */
export async function assignReviewer(db: Queryable, submissionId: string, reviewerId: string, assignedBy: string): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO reviewer_assignments (submission_id, reviewer_id, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING reviewer_id`,
    [submissionId, reviewerId, assignedBy],
  );
  return r.rows.length === 1;
}

export interface ReviewScoreRow {
  reviewer_id: string;
  indicator: string;
  raw: number;
  reason: string | null;
  fraud: boolean;
  updated_at: Date;
}

export async function listReviewScores(db: Queryable, submissionId: string, reviewerId?: string): Promise<ReviewScoreRow[]> {
  const params: unknown[] = [submissionId];
  let sql = 'SELECT reviewer_id, indicator, raw, reason, fraud, updated_at FROM reviews WHERE submission_id = $1';
  if (reviewerId) {
    params.push(reviewerId);
    sql += ' AND reviewer_id = $2';
  }
  return (await db.query<ReviewScoreRow>(sql + ' ORDER BY reviewer_id, indicator', params)).rows;
}

/** Every reviewer's scores of several submissions in one query, keyed by submission id. */
export async function listReviewScoresOf(db: Queryable, submissionIds: readonly string[]): Promise<Map<string, ReviewScoreRow[]>> {
  const out = new Map<string, ReviewScoreRow[]>(submissionIds.map((id) => [id, []]));
  if (submissionIds.length === 0) return out;
  const r = await db.query<ReviewScoreRow & { submission_id: string }>(
    `SELECT submission_id, reviewer_id, indicator, raw, reason, fraud, updated_at FROM reviews
     WHERE submission_id = ANY($1::uuid[]) ORDER BY submission_id, reviewer_id, indicator`,
    [submissionIds],
  );
  for (const { submission_id, ...row } of r.rows) out.get(submission_id)?.push(row);
  return out;
}

export async function upsertReviewScore(
  db: Queryable,
  submissionId: string,
  reviewerId: string,
  indicator: string,
  score: { raw: number; reason?: string; fraud?: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO reviews (submission_id, reviewer_id, indicator, raw, reason, fraud) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (submission_id, reviewer_id, indicator)
     DO UPDATE SET raw = EXCLUDED.raw, reason = EXCLUDED.reason, fraud = EXCLUDED.fraud, updated_at = now()`,
    [submissionId, reviewerId, indicator, score.raw, score.reason ?? null, score.fraud ?? false],
  );
}

/** Reviewers, for officers choosing a panel. */
export async function listReviewers(
  db: Queryable,
): Promise<Array<{ id: string; name: string; organisation_id: string | null; organisation_name: string | null }>> {
  return (
    await db.query<{ id: string; name: string; organisation_id: string | null; organisation_name: string | null }>(
      `SELECT u.id, u.name, u.organisation_id, o.name AS organisation_name FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
       WHERE u.role = 'reviewer' AND u.disabled_at IS NULL ORDER BY u.name`,
    )
  ).rows;
}
