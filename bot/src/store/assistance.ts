import type { Queryable } from '../db/database.js';
import type { Principal } from '../auth/principal.js';
import { canonicalProvince, placeKey } from '../auth/places.js';
import { scopeCondition } from '../auth/scopeSql.js';

export interface AssistanceCaseRow {
  id: string;
  enterprise_org_id: string | null;
  enterprise_name: string;
  province: string | null;
  city: string | null;
  district: string | null;
  trigger: string;
  intake: Record<string, unknown>;
  triage: Record<string, unknown>;
  kpi_input: Record<string, unknown>;
  status: 'open' | 'closed';
  opened_by: string;
  opened_at: Date;
  closed_at: Date | null;
  closing_note: string | null;
  version: number;
  updated_at: Date;
  /** BF-2026-0007: the number people say on the phone. */
  case_no: string;
  verification: 'verified' | 'unverified';
  applicant: Record<string, unknown> | null;
  request_key: string | null;
}

const COLS = `t.id, t.enterprise_org_id, t.enterprise_name, t.province, t.city, t.district, t.trigger, t.intake, t.triage, t.kpi_input,
  t.status, t.opened_by, t.opened_at, t.closed_at, t.closing_note, t.version, t.updated_at, t.case_no, t.verification, t.applicant, t.request_key`;

export interface NewAssistanceCase {
  enterpriseOrgId: string | null;
  enterpriseName: string;
  place: { province: string | null; city: string | null; district: string | null };
  trigger: string;
  intake: unknown;
  triage: unknown;
  /** The kekao user who opened it; null for an applicant without an account (then `applicant`). */
  openedBy: string | null;
  applicant?: unknown;
  verification?: 'verified' | 'unverified';
  /** Idempotency key of the request (the chat card's submission id). */
  requestKey?: string | null;
  /** The service clock's now: the case number's year is its year in Beijing time. */
  now?: Date;
}

/** The calendar year of an instant in Beijing time (Asia/Shanghai). */
export function beijingYear(d: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(d));
}

/**
 * Inserts a case with the next number of the current Beijing year. The year's counter row is
 * created or incremented in the same statement, under its row lock; returns null when a case
 * with the same request key exists already (the caller reads that one).
 */
export async function insertAssistanceCase(tx: Queryable, n: NewAssistanceCase): Promise<{ id: string; caseNo: string } | null> {
  if (n.requestKey) {
    const existing = await tx.query<{ id: string }>('SELECT id FROM assistance_cases WHERE request_key = $1', [n.requestKey]);
    if (existing.rows.length) return null;
  }
  const r = await tx.query<{ id: string; case_no: string }>(
    `WITH seq AS (
       INSERT INTO assistance_case_numbers (year, last)
       VALUES ($15::int, 1)
       ON CONFLICT (year) DO UPDATE SET last = assistance_case_numbers.last + 1
       RETURNING year, last)
     INSERT INTO assistance_cases (enterprise_org_id, enterprise_name, province, city, district, city_key, district_key, trigger, intake, triage, status,
       opened_by, applicant, verification, request_key, case_no)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12, $13, $14, 'BF-' || seq.year || '-' || lpad(seq.last::text, 4, '0') FROM seq
     RETURNING id, case_no`,
    [
      n.enterpriseOrgId,
      n.enterpriseName,
      canonicalProvince(n.place.province),
      n.place.city,
      n.place.district,
      placeKey(n.place.city),
      placeKey(n.place.district),
      n.trigger,
      JSON.stringify(n.intake),
      JSON.stringify(n.triage),
      n.openedBy,
      n.applicant === undefined ? null : JSON.stringify(n.applicant),
      n.verification ?? 'verified',
      n.requestKey ?? null,
      beijingYear(n.now ?? new Date()),
    ],
  );
  return { id: r.rows[0]!.id, caseNo: r.rows[0]!.case_no };
}

export async function getAssistanceCaseByRequestKey(db: Queryable, key: string): Promise<AssistanceCaseRow | undefined> {
  return (await db.query<AssistanceCaseRow>(`SELECT ${COLS} FROM assistance_cases t WHERE t.request_key = $1`, [key])).rows[0];
}

export async function getAssistanceCaseByNumber(db: Queryable, caseNo: string): Promise<AssistanceCaseRow | undefined> {
  return (await db.query<AssistanceCaseRow>(`SELECT ${COLS} FROM assistance_cases t WHERE t.case_no = $1`, [caseNo])).rows[0];
}

/** Open cases of an organisation, by its credit code or its exact name (for the duplicate warning). */
export async function openCasesOf(db: Queryable, o: { uscc: string | null; name: string }): Promise<AssistanceCaseRow[]> {
  return (
    await db.query<AssistanceCaseRow>(
      `SELECT ${COLS} FROM assistance_cases t
     WHERE t.status = 'open' AND (t.enterprise_name = $1 OR ($2::text IS NOT NULL AND t.intake->>'uscc' = $2))
     ORDER BY t.opened_at`,
      [o.name, o.uscc],
    )
  ).rows;
}

export async function getAssistanceCase(db: Queryable, id: string, forUpdate = false): Promise<AssistanceCaseRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await db.query<AssistanceCaseRow>(`SELECT ${COLS} FROM assistance_cases t WHERE t.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])).rows[0];
}

export async function listAssistanceCases(db: Queryable, p: Principal, limit: number, offset: number): Promise<AssistanceCaseRow[]> {
  const params: unknown[] = [];
  const cond = scopeCondition(p, params);
  params.push(limit, offset);
  return (
    await db.query<AssistanceCaseRow>(
      `SELECT ${COLS} FROM assistance_cases t WHERE ${cond} ORDER BY t.opened_at DESC, t.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
}

export interface ItemRow {
  id: string;
  position: number;
  item: Record<string, unknown>;
  updated_at: Date;
}
export interface RecordRow {
  id: string;
  record: Record<string, unknown>;
  recorded_by: string;
  created_at: Date;
}

export async function listItems(db: Queryable, caseId: string): Promise<ItemRow[]> {
  return (await db.query<ItemRow>('SELECT id, position, item, updated_at FROM assistance_items WHERE case_id = $1 ORDER BY position', [caseId])).rows;
}

export async function listRecords(db: Queryable, caseId: string): Promise<RecordRow[]> {
  return (await db.query<RecordRow>('SELECT id, record, recorded_by, created_at FROM assistance_records WHERE case_id = $1 ORDER BY created_at, id', [caseId]))
    .rows;
}

export async function addItem(tx: Queryable, caseId: string, item: unknown): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO assistance_items (case_id, position, item)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM assistance_items WHERE case_id = $1), $2) RETURNING id`,
    [caseId, JSON.stringify(item)],
  );
  return r.rows[0]!.id;
}

export async function updateItem(tx: Queryable, caseId: string, itemId: string, item: unknown): Promise<boolean> {
  const r = await tx.query('UPDATE assistance_items SET item = $3, updated_at = now() WHERE id = $2 AND case_id = $1 RETURNING id', [
    caseId,
    itemId,
    JSON.stringify(item),
  ]);
  return r.rows.length === 1;
}

export async function addRecord(tx: Queryable, caseId: string, record: unknown, userId: string): Promise<string> {
  const r = await tx.query<{ id: string }>('INSERT INTO assistance_records (case_id, record, recorded_by) VALUES ($1, $2, $3) RETURNING id', [
    caseId,
    JSON.stringify(record),
    userId,
  ]);
  return r.rows[0]!.id;
}

export async function touchCase(tx: Queryable, caseId: string, changes: { kpiInput?: unknown; closeReason?: string }): Promise<number> {
  const r = await tx.query<{ version: number }>(
    `UPDATE assistance_cases SET version = version + 1, updated_at = now(),
       kpi_input = coalesce($2::jsonb, kpi_input),
       status = CASE WHEN $3::boolean THEN 'closed' ELSE status END,
       closed_at = CASE WHEN $3::boolean THEN now() ELSE closed_at END,
       closing_note = coalesce($4, closing_note)
     WHERE id = $1 RETURNING version`,
    [caseId, changes.kpiInput === undefined ? null : JSON.stringify(changes.kpiInput), changes.closeReason !== undefined, changes.closeReason ?? null],
  );
  return r.rows[0]!.version;
}
