import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/postgres.js';
import type { Database } from '../src/db/database.js';
import { upsertCampaign } from '../src/store/campaigns.js';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';
import { isLegalPath } from '../src/workflow/transitions.js';
import type { Status } from '../src/workflow/statuses.js';
import { campaign2025 } from '@kekao/core';
import { writeTemplate } from '@kekao/workbook';
import { openChatWorld, type ChatWorld } from './helpers/chatWorld.js';
import { startConnectorStub, type ConnectorStub } from './helpers/connectorStub.js';
import { call, org, reliabilitySubmission, user } from './helpers/fixtures.js';
import { startServiceProcess, type ServiceProcess } from './helpers/serviceProcess.js';
import { createScratchDatabase, type ScratchDatabase } from './helpers/scratchDatabase.js';
import { teamsScriptRunner } from './conversations/teamsHttpDriver.js';
import type { Script } from './conversations/scriptFormat.js';

/**
 * Two real service processes (`node --import tsx bot/src/main.ts`) on ONE PostgreSQL database of
 * their own, requests spread across them: a chat questionnaire whose consecutive turns land on
 * different processes, uploads and state transitions racing across the processes, and the
 * scheduled reviewer digest and the assistance notification — each sent exactly once, whichever
 * process runs the timer or takes the turn. Runs when DATABASE_URL is set.
 */

const url = process.env.DATABASE_URL?.trim() || undefined;
const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };
const USCC = '91130102MA0DXYW12W'; // 17 characters + GB 32100 check character W (as in the questionnaire script)

/** The assistance questionnaire (officer of 石家庄); the turns alternate between the two processes. */
const questionnaire: Script = {
  name: 'scale-out-questionnaire',
  lang: 'zh',
  covers: 'scale-out: one questionnaire over two processes',
  steps: [
    { who: 'officer', say: '我要帮企业申请帮扶', expect: { contains: ['单位名称（全称）'] } },
    { who: 'officer', say: '石家庄恒达阀门有限公司', expect: { contains: ['已记录「单位名称（全称）」：石家庄恒达阀门有限公司', '统一社会信用代码'] } },
    { who: 'officer', say: USCC, expect: { contains: ['已记录「统一社会信用代码」'] } },
    { who: 'officer', say: '河北省石家庄市长安区中山东路88号', expect: { contains: ['已记录「生产 / 经营地址」'] } },
    { who: 'officer', say: '王强/质量部经理', expect: { contains: ['联系电话'] } },
    { who: 'officer', say: '电话是0311-86001234', expect: { contains: ['已记录「联系电话」：0311-86001234'] } },
    { who: 'officer', say: '通用设备制造业', expect: { contains: ['企业规模'] } },
    { who: 'officer', say: '中等', expect: { contains: ['已记录「企业规模」：中型'] } },
    { who: 'officer', say: '工业产品', expect: { contains: ['已记录「产品类别」：工业产品'] } },
    { who: 'officer', say: '2', expect: { contains: ['已记录「质量问题描述」：生产过程质量波动'] } },
    { who: 'officer', say: '阀门密封批次间泄漏率波动大', expect: { contains: ['帮扶核心诉求'] } },
    { who: 'officer', say: '现场诊断', expect: { contains: ['已记录「帮扶核心诉求」：现场诊断与问题溯源'] } },
    { who: 'officer', say: '跳过', expect: { contains: ['已跳过「已采取的自查 / 整改措施（如有）」'] } },
    { who: 'officer', say: '愿意配合', expect: { contains: ['：是。'] } },
    { who: 'officer', say: '好的', expect: { contains: ['已确认'] } },
    {
      who: 'officer',
      say: '跳过',
      expect: { contains: ['已受理，待监管人员审核。案件编号：BF-', '初步判定：启动帮扶'] },
      capture: { name: 'caseNo', pattern: '(BF-\\d{4}-\\d{4})' },
      notifies: { who: 'officer', contains: ['新的帮扶申请', '${caseNo}', '石家庄恒达阀门有限公司'] },
    },
    { who: 'officer', say: '${caseNo}', expect: { contains: ['${caseNo}', '初步判定：启动帮扶', '北京时间'] } },
  ],
};

/** A campaign open for recommendations now (the processes run on the real clock). */
function openCampaign() {
  const now = new Date();
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { ...campaign2025, id: 'scale-out', year: now.getUTCFullYear(), announcedOn: day(-30), deadline: day(180) };
}

describe.skipIf(!url)('two service processes on one PostgreSQL database', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let world: ChatWorld;
  let stub: ConnectorStub;
  let services: ServiceProcess[] = [];
  const t: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    scratch = await createScratchDatabase(url!, 'deploy_scaleout');
    db = await openPostgres(scratch.url, undefined, 5);
    world = await openChatWorld(db); // migrations, the 2025 campaign, the chat users and their Teams identities
    await db.transaction((tx) => upsertCampaign(tx, openCampaign()), { actor: 'test' });
    const a = await org(db, { kind: 'enterprise', ...ENT });
    t.enterprise = await user(db, '企业甲', 'enterprise', 'org', a.id);
    t.district = await user(db, '浦东新区局', 'officer', 'district:上海/浦东新区');
    t.province = await user(db, '上海市局', 'officer', 'province:上海');
    stub = await startConnectorStub();
    services = await Promise.all(
      [0, 1].map(() =>
        startServiceProcess({
          nodeArgs: ['--import', 'tsx'],
          entry: 'bot/src/main.ts',
          // The digest timer runs in both processes, every minute; the local-trial mode lets the
          // test's activities claim their users (loopback only).
          env: { DATABASE_URL: scratch.url, KEKAO_DB_SCHEMA: '', KEKAO_BOT_DEV: '1', KEKAO_DIGEST_INTERVAL_MINUTES: '1', KEKAO_WORKBOOK_WORKERS: '1' },
        }),
      ),
    );
    // The reviewer talks to the bot once (process 2), so the digest can reach them.
    const r = await teamsScriptRunner({ serviceFor: () => services[1]!.url, stub }).run({
      name: 'scale-out-reviewer',
      lang: 'zh',
      covers: 'reviewer reachable',
      steps: [{ who: 'reviewer', say: '你好' }],
    });
    expect(r).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    const codes = await Promise.all(services.map((s) => s.stop()));
    await stub?.close();
    await db?.close();
    await scratch?.drop();
    expect(codes).toEqual(services.map(() => 0));
  }, 60_000);

  it('continues a questionnaire whose consecutive turns land on different processes, and notifies the officer once', async () => {
    const runner = teamsScriptRunner({ serviceFor: (step) => services[step % 2]!.url, stub });
    expect(await runner.run(questionnaire)).toEqual([]);
    const officerConversation = `a:${questionnaire.name}:officerSjz`;
    const notices = stub.received.filter((r) => r.conversationId === officerConversation && JSON.stringify(r.activity).includes('新的帮扶申请'));
    expect(notices).toHaveLength(1);
    const cases = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assistance_cases WHERE enterprise_name = $1`, ['石家庄恒达阀门有限公司']);
    expect(cases.rows[0]!.n).toBe(1);
  }, 300_000);

  it('stores uploads spread across the processes exactly once, and lets exactly one of two racing transitions or edits win', async () => {
    const N = 20;
    const book = new Uint8Array(await writeTemplate('best-practice', { example: true }));
    const on = (i: number) => services[i % 2]!.url;
    const uploads = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i % 5 === 4
          ? call(on(i), 'POST', `/api/v1/submissions?campaign=scale-out&fileName=book-${i}.xlsx`, t.province, book, XLSX_TYPE)
          : call(on(i), 'POST', '/api/v1/submissions?campaign=scale-out', i % 2 ? t.enterprise : t.district, reliabilitySubmission(ENT, `产品-${i}`)),
      ),
    );
    for (const u of uploads) expect(u.status, JSON.stringify(u.json)).toBe(201);
    const ids = uploads.map((u) => u.json.id as string);
    expect(new Set(ids).size).toBe(N);
    const stored = await db.query<{ id: string; n: number }>(
      `SELECT s.id, (SELECT count(*)::int FROM status_history h WHERE h.submission_id = s.id) AS n FROM submissions s WHERE s.campaign_id = 'scale-out'`,
    );
    expect(stored.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored.rows.every((r) => r.n === 1)).toBe(true);

    // Edits of the same version through both processes at once: one is stored, the other refused.
    const drafts = ids.filter((_, i) => i % 5 !== 4).slice(0, 4);
    for (const id of drafts) {
      const edits = await Promise.all(
        [0, 1].map((p) =>
          fetch(`${services[p]!.url}/api/v1/submissions/${id}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${t.district!.token}`, 'content-type': 'application/json', 'if-match': '"1"' },
            body: JSON.stringify(reliabilitySubmission(ENT, `改名-${p}`)),
          }).then(async (r) => ({ p, status: r.status, body: await r.text() })),
        ),
      );
      expect(edits.map((e) => e.status).sort(), JSON.stringify(edits)).toEqual([200, 409]);
      const winner = edits.find((e) => e.status === 200)!.p;
      const now = await call(services[0]!.url, 'GET', `/api/v1/submissions/${id}`, t.district);
      expect(now.json.evidence.product.name).toBe(`改名-${winner}`);
      expect(now.headers.get('etag')).toBe('"2"');
    }

    // Two rounds of the same transition sent to both processes at once: exactly one wins each.
    const results: Array<{ id: string; to: Status; status: number }> = [];
    for (const to of ['已提交', '区县初审'] as const) {
      const round = await Promise.all(
        ids.flatMap((id) =>
          [0, 1].map((p) =>
            call(services[p]!.url, 'POST', `/api/v1/submissions/${id}/transitions`, t.district, { to }).then((r) => ({
              id,
              to,
              status: r.status as number,
              json: r.json,
            })),
          ),
        ),
      );
      for (const id of ids) {
        const pair = round.filter((r) => r.id === id);
        expect(pair.map((r) => r.status).sort(), JSON.stringify(pair)).toEqual([200, 409]);
      }
      results.push(...round);
    }
    for (const id of ids) {
      const h = await db.query<{ from_status: Status | null; to_status: Status }>(
        'SELECT from_status, to_status FROM status_history WHERE submission_id = $1 ORDER BY id',
        [id],
      );
      const path = h.rows.map((r) => r.to_status);
      expect(path).toEqual(['草稿', '已提交', '区县初审']);
      expect(isLegalPath(path)).toBe(true);
      h.rows.forEach((row, i) => expect(row.from_status).toBe(i === 0 ? null : h.rows[i - 1]!.to_status));
      const s = await db.query<{ status: Status; version: number }>('SELECT status, version FROM submissions WHERE id = $1', [id]);
      expect(s.rows[0]!.status).toBe('区县初审');
      // Every acknowledged change is stored exactly once: the upload, an edit (for the drafts raced above), two transitions.
      expect(s.rows[0]!.version).toBe(1 + (drafts.includes(id) ? 1 : 0) + results.filter((r) => r.id === id && r.status === 200).length);
    }
  }, 300_000);

  it('sends the scheduled reviewer digest once per interval, from whichever process claims the round', async () => {
    const isTick = (l: Record<string, unknown>) => l.msg === 'digest round';
    // Both timers have fired once (every minute from each process's start).
    await Promise.all(services.map((s) => s.waitForLog(isTick, 180_000)));
    const firstTicks = services.map((s) => s.logs.find(isTick)!);
    expect(firstTicks.filter((l) => l.claimed === true)).toHaveLength(1);
    const claimed = firstTicks.find((l) => l.claimed === true)!;
    expect(claimed.sent).toEqual([world.users.reviewer]);
    // Every claimed round (a slow run may have reached a second interval by now) sent one digest, no more.
    const allClaims = services.flatMap((s) => s.logs.filter((l) => isTick(l) && l.claimed === true));
    const digests = stub.received.filter((r) => r.conversationId === 'a:scale-out-reviewer:reviewer' && JSON.stringify(r.activity).includes('评审摘要'));
    expect(digests).toHaveLength(allClaims.length);
    for (const s of services)
      expect(
        s.logs.filter((l) => l.level === 'error'),
        JSON.stringify(s.logs.filter((l) => l.level === 'error')),
      ).toEqual([]);
  }, 300_000);
});
