import { assess, validateSubmission, campaign2025 } from '@kekao/core';
import { usccCheckCharacter } from '@kekao/core/workbook';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite.js';
import { migrate } from '../../src/db/migrate.js';
import { ensureDefaultCampaign } from '../../src/store/campaigns.js';
import { linkIdentity } from '../../src/store/users.js';
import { applyTransition, insertSubmission } from '../../src/store/submissions.js';
import { assignReviewer } from '../../src/store/reviews.js';
import type { Status } from '../../src/workflow/statuses.js';
import { org, reliabilitySubmission, user } from './fixtures.js';

/**
 * A small programme world for the chat tests, in a real database (the given one, else PGlite in memory; the service's
 * migrations): two enterprises (河北石家庄, 上海浦东), officers of 石家庄 and of 浦东, an enterprise
 * user, two reviewers (one assigned), the secretariat — each linked to a Teams identity
 * (`user_identities`, channel msteams) — and two submissions, one at 专家评审.
 */

/** A valid 统一社会信用代码 from 17 characters (check character by GB 32100). */
export function uscc(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (!check) throw new Error(`${first17}: not 17 characters of the USCC alphabet`);
  return first17 + check;
}

export const AAD = {
  officerSjz: '00000000-0000-0000-0000-00000000a001',
  officerPudong: '00000000-0000-0000-0000-00000000a002',
  enterpriseJibei: '00000000-0000-0000-0000-00000000a003',
  reviewer: '00000000-0000-0000-0000-00000000a004',
  reviewerIdle: '00000000-0000-0000-0000-00000000a005',
  secretariat: '00000000-0000-0000-0000-00000000a006',
  stranger: '00000000-0000-0000-0000-00000000a0ff',
} as const;

export interface ChatWorld {
  db: Database;
  users: Record<keyof typeof AAD, string | undefined>;
  submissions: { jibei: string; hudong: string };
  orgs: { jibei: string; hudong: string };
}

async function moveTo(db: Database, id: string, path: Status[], actors: Record<string, string>): Promise<void> {
  let from: Status = '草稿';
  for (const to of path) {
    const actor = to === '已提交' || to === '区县初审' || to === '省级审核' ? actors.local! : actors.province!;
    await db.transaction((tx) => applyTransition(tx, id, from, to, actor, `测试：${to}`, null), { actor: 'test' });
    from = to;
  }
}

export async function openChatWorld(existing?: Database): Promise<ChatWorld> {
  const db = existing ?? (await openPglite(undefined));
  await migrate(db);
  await ensureDefaultCampaign(db);
  const jibeiUscc = uscc('91130102MA0CKK001');
  const hudongUscc = uscc('91310115MA1H7XK00');
  const jibei = await org(db, { kind: 'enterprise', name: '冀北电源科技有限公司', uscc: jibeiUscc, province: '河北', city: '石家庄市', district: '长安区' });
  const hudong = await org(db, { kind: 'enterprise', name: '沪东精密仪器有限公司', uscc: hudongUscc, province: '上海', city: null, district: '浦东新区' });

  const officerSjz = await user(db, '石家庄市局 王科长', 'officer', 'city:河北/石家庄');
  const officerPudong = await user(db, '浦东新区局 李科长', 'officer', 'district:上海/浦东新区');
  const officerHebei = await user(db, '河北省局 赵处长', 'officer', 'province:河北');
  const enterpriseJibei = await user(db, '冀北电源 质量部', 'enterprise', 'org', jibei.id);
  const reviewer = await user(db, '专家 陈工', 'reviewer', 'assigned');
  const reviewerIdle = await user(db, '专家 刘工', 'reviewer', 'assigned');
  const secretariat = await user(db, '秘书处 周老师', 'secretariat', 'all');
  for (const [who, id] of [
    ['officerSjz', officerSjz.id],
    ['officerPudong', officerPudong.id],
    ['enterpriseJibei', enterpriseJibei.id],
    ['reviewer', reviewer.id],
    ['reviewerIdle', reviewerIdle.id],
    ['secretariat', secretariat.id],
  ] as const) {
    await db.transaction((tx) => linkIdentity(tx, id, 'msteams', AAD[who]), { actor: 'test' });
  }

  async function submit(
    enterprise: { name: string; uscc: string; province: string; city?: string; district: string },
    orgId: string,
    product: string,
  ): Promise<string> {
    const v = validateSubmission(reliabilitySubmission(enterprise, product));
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const assessment = assess(v.submission);
    return db.transaction(
      (tx) =>
        insertSubmission(tx, {
          campaignId: campaign2025.id,
          enterpriseOrgId: orgId,
          place: { province: enterprise.province, city: enterprise.city ?? null, district: enterprise.district },
          submission: v.submission,
          assessment,
          source: 'json',
          fileName: null,
          readWarnings: [],
          createdBy: enterpriseJibei.id,
        }),
      { actor: 'test' },
    );
  }
  const s1 = await submit({ name: jibei.name, uscc: jibeiUscc, province: '河北省', city: '石家庄市', district: '长安区' }, jibei.id, '开关电源 KP-100');
  const s2 = await submit({ name: hudong.name, uscc: hudongUscc, province: '上海市', district: '浦东新区' }, hudong.id, '精密压力变送器 PT-9');
  await moveTo(db, s1, ['已提交', '区县初审', '省级审核', '专家评审'], { local: officerSjz.id, province: officerHebei.id });
  await moveTo(db, s2, ['已提交'], { local: officerPudong.id, province: officerPudong.id });
  await db.transaction((tx) => assignReviewer(tx, s1, reviewer.id, officerHebei.id), { actor: 'test' });

  return {
    db,
    users: {
      officerSjz: officerSjz.id,
      officerPudong: officerPudong.id,
      enterpriseJibei: enterpriseJibei.id,
      reviewer: reviewer.id,
      reviewerIdle: reviewerIdle.id,
      secretariat: secretariat.id,
      stranger: undefined,
    },
    submissions: { jibei: s1, hudong: s2 },
    orgs: { jibei: jibei.id, hudong: hudong.id },
  };
}
