import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WECOM_PATH } from '../src/channels/wecom/mount.js';
import { startMockWecomApi, type MockWecomApi } from '../src/channels/wecom/tryit/mockApi.js';
import { createWecomSimulator } from '../src/channels/wecom/tryit/simulator.js';
import { startServiceProcess, type ServiceProcess } from './helpers/serviceProcess.js';
import { createScratchDatabase, type ScratchDatabase } from './helpers/scratchDatabase.js';
import { randomWecomConfig } from './helpers/wecomDriver.js';

/**
 * WeCom's limit of 30 active messages per member a minute with two real service processes
 * (`node --import tsx bot/src/main.ts`) on ONE PostgreSQL database of their own, the WeCom channel
 * on in both against one WeCom stand-in — which, like WeCom, drops what one member gets beyond 30
 * in a rolling minute. A member's messages land on both processes; their answers (45 active
 * messages) must all arrive, each once, never more than 30 within a minute. Each process counting
 * on its own would send all 45 at once, and the stand-in would drop 15. Runs when DATABASE_URL is set.
 */

const url = process.env.DATABASE_URL?.trim() || undefined;
const MEMBER = 'zhaolei';
/** “帮助” is answered with its text and the help card's ten buttons on two cards: three active messages. */
const ASKS = 15;

describe.skipIf(!url)('WeCom per-member limit across two service processes on one PostgreSQL database', () => {
  let scratch: ScratchDatabase;
  let mock: MockWecomApi;
  let services: ServiceProcess[] = [];
  const config = randomWecomConfig('http://127.0.0.1:9');

  beforeAll(async () => {
    scratch = await createScratchDatabase(url!, 'wecom_scaleout');
    mock = await startMockWecomApi({ corpId: config.corpId, secret: config.secret, agentId: config.agentId });
    const wecomEnv = {
      KEKAO_WECOM_TOKEN: config.token,
      KEKAO_WECOM_AES_KEY: config.aesKey,
      KEKAO_WECOM_CORP_ID: config.corpId,
      KEKAO_WECOM_AGENT_ID: String(config.agentId),
      KEKAO_WECOM_SECRET: config.secret,
      KEKAO_WECOM_API_BASE: mock.url,
    };
    services = await Promise.all(
      [0, 1].map(() =>
        startServiceProcess({
          nodeArgs: ['--import', 'tsx'],
          entry: 'bot/src/main.ts',
          env: { DATABASE_URL: scratch.url, KEKAO_DB_SCHEMA: '', KEKAO_WORKBOOK_WORKERS: '1', ...wecomEnv },
        }),
      ),
    );
  }, 300_000);

  afterAll(async () => {
    const codes = await Promise.all(services.map((s) => s.stop()));
    await mock?.close();
    await scratch?.drop();
    expect(codes).toEqual(services.map(() => 0));
  }, 60_000);

  it('delivers every answer once and at most 30 a minute, whichever process sends it', async () => {
    const simulators = services.map((s) => createWecomSimulator({ ...config, callbackUrl: `${s.url}${WECOM_PATH}` }));
    for (let i = 0; i < ASKS; i++) {
      const r = await simulators[i % 2]!.text(MEMBER, '帮助');
      expect(r.status).toBe(200);
      // Text and cards together are answered actively (message/send), not in the callback's response.
      expect(r.passive).toBeUndefined();
    }
    await mock.waitForSent(3 * ASKS, 240_000);
    const got = mock.sent.filter((m) => m.touser === MEMBER);
    expect(got.filter((m) => m.dropped)).toEqual([]);
    expect(got).toHaveLength(3 * ASKS);
    expect(mock.calls['message/send']).toBe(3 * ASKS);
    expect(got.filter((m) => m.msgtype === 'text')).toHaveLength(ASKS);
    expect(new Set(got.flatMap((m) => (m.card ? [m.card.task_id] : []))).size).toBe(2 * ASKS);
    // Never more than 30 within a rolling minute, so 15 or more came a minute or more after the first.
    const inMinuteBefore = got.map((m) => got.filter((o) => o.at <= m.at && m.at - o.at < 60_000).length);
    expect(Math.max(...inMinuteBefore)).toBeLessThanOrEqual(30);
    expect(got.filter((m) => m.at - got[0]!.at >= 60_000).length).toBeGreaterThanOrEqual(3 * ASKS - 30);
  }, 360_000);
});
