import type { Queryable } from '../../src/db/database.js';

const TABLES = [
  'campaigns',
  'organisations',
  'users',
  'user_identities',
  'submissions',
  'status_history',
  'reviewer_assignments',
  'reviews',
  'assistance_cases',
  'assistance_items',
  'assistance_records',
  'conversation_references',
  'bot_state',
  'audit_log',
];

/** A digest of every row of every service table: equal digests mean nothing changed. */
export async function snapshot(db: Queryable): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const r = await db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`,
    );
    out[t] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }
  return out;
}
