import type { Queryable } from '../db/database.js';
import { canonicalProvince } from '../auth/places.js';

export type OrganisationKind = 'enterprise' | 'bureau' | 'institution';

export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  uscc: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
}

export interface OrganisationInput {
  kind: OrganisationKind;
  name: string;
  uscc?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
}

const COLS = 'id, kind, name, uscc, province, city, district';

export async function getOrganisation(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
  return (await db.query<OrganisationRow>(`SELECT ${COLS} FROM organisations WHERE id = $1`, [id])).rows[0];
}

/**
 * Finds an organisation by USCC (or, without one, by kind and name) or creates it. Concurrent
 * callers converge on one row: the insert ignores a conflict and the row is read back.
 */
export async function findOrCreateOrganisation(db: Queryable, input: OrganisationInput): Promise<OrganisationRow> {
  const uscc = input.uscc?.trim().toUpperCase() || null;
  const find = async () =>
    uscc
      ? (await db.query<OrganisationRow>(`SELECT ${COLS} FROM organisations WHERE uscc = $1`, [uscc])).rows[0]
      : (await db.query<OrganisationRow>(`SELECT ${COLS} FROM organisations WHERE kind = $1 AND name = $2 AND uscc IS NULL`, [input.kind, input.name.trim()]))
          .rows[0];
  const existing = await find();
  if (existing) return existing;
  await db.query(`INSERT INTO organisations (kind, name, uscc, province, city, district) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
    input.kind,
    input.name.trim(),
    uscc,
    canonicalProvince(input.province),
    input.city?.trim() || null,
    input.district?.trim() || null,
  ]);
  const row = await find();
  if (!row) throw new Error('organisation insert lost');
  return row;
}
