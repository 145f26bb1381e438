import { campaign2025, campaignSchema, type Campaign } from '@kekao/core';
import type { Database, Queryable } from '../db/database.js';

export interface CampaignRow {
  id: string;
  year: number;
  title: string;
  deadline: string;
  data: Campaign;
}

/** Inserts or replaces a campaign (validated by core's `campaignSchema`). */
export async function upsertCampaign(db: Queryable, input: unknown): Promise<Campaign> {
  const campaign = campaignSchema.parse(input);
  await db.query(
    `INSERT INTO campaigns (id, year, title, deadline, data) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET year = EXCLUDED.year, title = EXCLUDED.title, deadline = EXCLUDED.deadline,
       data = EXCLUDED.data, updated_at = now()`,
    [campaign.id, campaign.year, campaign.title.zh, campaign.deadline, JSON.stringify(campaign)],
  );
  return campaign;
}

/** First start: the 2025 campaign of the notice is loaded when no campaign exists yet. */
export async function ensureDefaultCampaign(db: Database): Promise<boolean> {
  return db.transaction(
    async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kekao.seed.' || current_schema()))`);
      const n = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM campaigns');
      if (n.rows[0]!.n > 0) return false;
      await upsertCampaign(tx, campaign2025);
      return true;
    },
    { actor: 'system:seed' },
  );
}

export async function getCampaign(db: Queryable, id: string): Promise<CampaignRow | undefined> {
  const r = await db.query<CampaignRow>('SELECT id, year, title, deadline, data FROM campaigns WHERE id = $1', [id]);
  return r.rows[0];
}

/** The newest campaign (highest year, then latest deadline). */
export async function latestCampaign(db: Queryable): Promise<CampaignRow | undefined> {
  const r = await db.query<CampaignRow>('SELECT id, year, title, deadline, data FROM campaigns ORDER BY year DESC, deadline DESC LIMIT 1');
  return r.rows[0];
}

export async function listCampaigns(db: Queryable): Promise<CampaignRow[]> {
  return (await db.query<CampaignRow>('SELECT id, year, title, deadline, data FROM campaigns ORDER BY year DESC, deadline DESC')).rows;
}
