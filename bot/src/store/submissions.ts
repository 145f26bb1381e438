import type { Assessment, Submission } from '@kekao/core';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../auth/principal.js';
import { isRecused, type SubmissionAccessRow } from '../auth/access.js';
import { canonicalProvince, placeKey } from '../auth/places.js';
import { scopeCondition } from '../auth/scopeSql.js';
import type { Status } from '../workflow/statuses.js';

export interface SubmissionRow extends SubmissionAccessRow {
  campaign_id: string;
  kind: string;
  enterprise_name: string;
  subject_name: string;
  recommending_unit: string | null;
  status: Status;
  version: number;
  total: number;
  created_at: Date;
  updated_at: Date;
}

export interface SubmissionFullRow extends SubmissionRow {
  evidence: Submission;
  assessment: Assessment;
  read_warnings: unknown[];
  source: 'json' | 'xlsx';
  file_name: string | null;
}

export interface HistoryRow {
  id: number;
  from_status: Status | null;
  to_status: Status;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  at: Date;
  note: string | null;
  override_reason: string | null;
}

const SUMMARY_COLS = `t.id, t.campaign_id, t.kind, t.enterprise_org_id, o.name AS enterprise_name, o.uscc AS enterprise_uscc,
  t.province, t.city, t.district, t.subject_name, t.recommending_unit, t.status, t.version, t.total, t.created_at, t.updated_at`;
const FROM = 'FROM submissions t JOIN organisations o ON o.id = t.enterprise_org_id';

/** The name of what is recommended: the product, the FMEA case or the DB31 project. */
export function subjectName(s: Submission): string {
  switch (s.rubric) {
    case 'reliability-2024':
      return s.product.name;
    case 'fmea-case-2025':
      return s.case.name;
    case 'db31-1368-2022':
      return s.project.name;
  }
}

export interface NewSubmission {
  campaignId: string;
  enterpriseOrgId: string;
  place: { province: string | null; city: string | null; district: string | null };
  submission: Submission;
  assessment: Assessment;
  source: 'json' | 'xlsx';
  fileName: string | null;
  readWarnings: unknown[];
  createdBy: string;
}

/**
 * Stores a parsed and assessed submission with its first history entry (→ 草稿). Call inside one
 * transaction: either all of it is stored or nothing.
 */
export async function insertSubmission(tx: Queryable, n: NewSubmission): Promise<string> {
  const s = n.submission;
  const r = await tx.query<{ id: string }>(
    `INSERT INTO submissions (campaign_id, kind, enterprise_org_id, province, city, district, city_key, district_key,
       subject_name, recommending_unit, evidence, assessment, total, source, file_name, read_warnings, status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '草稿', $17) RETURNING id`,
    [
      n.campaignId,
      s.rubric,
      n.enterpriseOrgId,
      canonicalProvince(n.place.province),
      n.place.city,
      n.place.district,
      placeKey(n.place.city),
      placeKey(n.place.district),
      subjectName(s),
      'recommendingUnit' in s ? (s.recommendingUnit ?? null) : null,
      JSON.stringify(s),
      JSON.stringify(n.assessment),
      n.assessment.total,
      n.source,
      n.fileName,
      JSON.stringify(n.readWarnings),
      n.createdBy,
    ],
  );
  const id = r.rows[0]!.id;
  await tx.query(`INSERT INTO status_history (submission_id, from_status, to_status, actor_id, note) VALUES ($1, NULL, '草稿', $2, $3)`, [
    id,
    n.createdBy,
    n.source === 'xlsx' ? `上传工作簿 ${n.fileName ?? ''}`.trim() : '上传 JSON 申报',
  ]);
  return id;
}

/** Replaces the evidence and assessment (a new version) of an entry still held by the enterprise. */
export async function replaceEvidence(
  tx: Queryable,
  id: string,
  n: Pick<NewSubmission, 'submission' | 'assessment' | 'source' | 'fileName' | 'readWarnings'>,
): Promise<number> {
  const s = n.submission;
  const r = await tx.query<{ version: number }>(
    `UPDATE submissions SET evidence = $2, assessment = $3, total = $4, source = $5, file_name = $6, read_warnings = $7,
       subject_name = $8, recommending_unit = $9, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [
      id,
      JSON.stringify(s),
      JSON.stringify(n.assessment),
      n.assessment.total,
      n.source,
      n.fileName,
      JSON.stringify(n.readWarnings),
      subjectName(s),
      'recommendingUnit' in s ? (s.recommendingUnit ?? null) : null,
    ],
  );
  return r.rows[0]!.version;
}

export async function getSubmissionRow(db: Queryable, id: string, forUpdate = false): Promise<SubmissionRow | undefined> {
  const r = await db.query<SubmissionRow>(`SELECT ${SUMMARY_COLS} ${FROM} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return r.rows[0];
}

export async function getSubmissionFull(db: Queryable, id: string): Promise<SubmissionFullRow | undefined> {
  return (await getSubmissionsFull(db, [id])).get(id);
}

/** Several submissions with evidence and assessment in one query (chat digests), keyed by id. */
export async function getSubmissionsFull(db: Queryable, ids: readonly string[]): Promise<Map<string, SubmissionFullRow>> {
  if (ids.length === 0) return new Map();
  const r = await db.query<SubmissionFullRow>(
    `SELECT ${SUMMARY_COLS}, t.evidence, t.assessment, t.read_warnings, t.source, t.file_name ${FROM} WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(r.rows.map((row) => [row.id, row]));
}

/** The status histories of several submissions in one query, each in order; keyed by submission id. */
export async function getHistories(db: Queryable, ids: readonly string[]): Promise<Map<string, HistoryRow[]>> {
  const out = new Map<string, HistoryRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const r = await db.query<HistoryRow & { submission_id: string }>(
    `SELECT h.submission_id, h.id, h.from_status, h.to_status, h.actor_id, u.name AS actor_name, u.role AS actor_role, h.at, h.note, h.override_reason
     FROM status_history h JOIN users u ON u.id = h.actor_id WHERE h.submission_id = ANY($1::uuid[]) ORDER BY h.submission_id, h.id`,
    [ids],
  );
  for (const { submission_id, ...row } of r.rows) out.get(submission_id)?.push(row);
  return out;
}

export async function getHistory(db: Queryable, id: string): Promise<HistoryRow[]> {
  return (await getHistories(db, [id])).get(id) ?? [];
}

export interface ListFilter {
  campaignId?: string;
  status?: Status;
  kind?: string;
  province?: string;
  limit: number;
  offset: number;
}

/** Query parameters collected as the SQL is built: `add(v)` returns its `$n` placeholder. */
function parameterList(): { params: unknown[]; add: (v: unknown) => string } {
  const params: unknown[] = [];
  return {
    params,
    add: (v) => {
      params.push(v);
      return `$${params.length}`;
    },
  };
}

/** The list filters as SQL conditions on `t` (the submissions table). */
function filterConditions(f: Omit<ListFilter, 'limit' | 'offset'>, add: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (f.campaignId) where.push(`t.campaign_id = ${add(f.campaignId)}`);
  if (f.status) where.push(`t.status = ${add(f.status)}`);
  if (f.kind) where.push(`t.kind = ${add(f.kind)}`);
  if (f.province) where.push(`t.province = ${add(canonicalProvince(f.province))}`);
  return where;
}

/** The submissions the caller may see, newest first. */
export async function listSubmissions(db: Queryable, p: Principal, f: ListFilter): Promise<SubmissionRow[]> {
  const { params, add } = parameterList();
  const where: string[] = [];
  let from = FROM;
  if (p.role === 'reviewer') {
    from += ` JOIN reviewer_assignments a ON a.submission_id = t.id AND a.reviewer_id = ${add(p.userId)}`;
    // An entry the enterprise withdrew (撤回) leaves its reviewers' lists.
    where.push(`t.status <> '撤回'`);
  } else {
    where.push(scopeCondition(p, params));
  }
  where.push(...filterConditions(f, add));
  const order = 'ORDER BY t.created_at DESC, t.id';
  if (p.role === 'reviewer') {
    // Recusal (DB31/T 1368 §5.2) compares organisation names the way isRecused does, which SQL
    // cannot: a reviewer's assignments are few, so they are read whole, filtered, then paged.
    const rows = (await db.query<SubmissionRow>(`SELECT ${SUMMARY_COLS} ${from} WHERE ${where.join(' AND ')} ${order}`, params)).rows;
    return rows.filter((r) => !isRecused(p, r)).slice(f.offset, f.offset + f.limit);
  }
  const sql = `SELECT ${SUMMARY_COLS} ${from} WHERE ${where.length ? where.join(' AND ') : 'TRUE'}
    ${order} LIMIT ${add(f.limit)} OFFSET ${add(f.offset)}`;
  return (await db.query<SubmissionRow>(sql, params)).rows;
}

/** Full rows for the export (drafts and withdrawn entries left out), in a stable order (province, enterprise, subject). */
export async function listSubmissionsFull(db: Queryable, p: Principal, f: Omit<ListFilter, 'limit' | 'offset' | 'status'>): Promise<SubmissionFullRow[]> {
  const { params, add } = parameterList();
  const where = [scopeCondition(p, params), `t.status NOT IN ('草稿', '撤回')`, ...filterConditions(f, add)];
  const sql = `SELECT ${SUMMARY_COLS}, t.evidence, t.assessment, t.read_warnings, t.source, t.file_name ${FROM}
    WHERE ${where.join(' AND ')} ORDER BY t.province NULLS LAST, o.name, t.subject_name, t.id`;
  return (await db.query<SubmissionFullRow>(sql, params)).rows;
}

/** Moves the status (row already locked FOR UPDATE) and appends the history entry. */
export async function applyTransition(
  tx: Queryable,
  id: string,
  from: Status,
  to: Status,
  actorId: string,
  note: string | null,
  overrideReason: string | null,
): Promise<number> {
  await tx.query(`INSERT INTO status_history (submission_id, from_status, to_status, actor_id, note, override_reason) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    from,
    to,
    actorId,
    note,
    overrideReason,
  ]);
  const r = await tx.query<{ version: number }>(
    `UPDATE submissions SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 AND status = $3 RETURNING version`,
    [id, to, from],
  );
  if (r.rows.length !== 1) throw new Error(`status of ${id} changed under a row lock`);
  return r.rows[0]!.version;
}
