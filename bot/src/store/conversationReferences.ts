import type { Database } from '../db/database.js';

/**
 * Bot Framework conversation references kept for proactive messages (reviewer digests, assistance
 * notices). `verified`: stored from a turn whose user the channel vouched for. References from
 * before that rule (unknown provenance) are kept for the audit trail but never used.
 */
export interface StoredReference {
  key: string;
  userId: string | null;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

export async function saveConversationReference(
  db: Database,
  key: string,
  reference: Record<string, unknown>,
  o: { userId: string | null; verified: boolean } = { userId: null, verified: false },
): Promise<void> {
  await db.transaction(
    (tx) =>
      tx
        .query(
          `INSERT INTO conversation_references (key, user_id, reference, verified) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET user_id = EXCLUDED.user_id, reference = EXCLUDED.reference, verified = EXCLUDED.verified, updated_at = now()`,
          [key, o.userId, JSON.stringify(reference), o.verified],
        )
        .then(() => undefined),
    { actor: 'system:bot' },
  );
}

export async function getConversationReference(db: Database, key: string): Promise<StoredReference | undefined> {
  const r = await db.query<{ key: string; user_id: string | null; reference: Record<string, unknown>; updated_at: Date }>(
    'SELECT key, user_id, reference, updated_at FROM conversation_references WHERE key = $1',
    [key],
  );
  const row = r.rows[0];
  return row ? { key: row.key, userId: row.user_id, reference: row.reference, updatedAt: row.updated_at } : undefined;
}

/** The verified references of one user, newest first (a user may talk to the bot from several conversations). */
export async function conversationReferencesForUser(db: Database, userId: string): Promise<StoredReference[]> {
  const r = await db.query<{ key: string; user_id: string | null; reference: Record<string, unknown>; updated_at: Date }>(
    'SELECT key, user_id, reference, updated_at FROM conversation_references WHERE user_id = $1 AND verified ORDER BY updated_at DESC',
    [userId],
  );
  return r.rows.map((row) => ({ key: row.key, userId: row.user_id, reference: row.reference, updatedAt: row.updated_at }));
}

export async function deleteConversationReference(db: Database, key: string): Promise<void> {
  await db.transaction((tx) => tx.query('DELETE FROM conversation_references WHERE key = $1', [key]).then(() => undefined), { actor: 'system:bot' });
}
