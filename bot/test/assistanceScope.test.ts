import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from './helpers/backends.js';
import { call, org, startServer, user } from './helpers/fixtures.js';
import { uscc } from './helpers/chatWorld.js';
import type { RunningServer } from '../src/server.js';

/**
 * An officer files assistance cases only for enterprises in their scope, whatever the request
 * claims: quoting the USCC (or, without one, the name) of an enterprise registered in another
 * province together with their own province is refused, and nothing is stored — the other
 * province's enterprise never sees a case its own officers cannot see.
 */
const application = {
  orgName: '沪东精密仪器有限公司',
  address: '河北省石家庄市长安区建设北大街1号',
  contact: '李工/质量部长',
  phone: '0311-83895700',
  industry: '仪器仪表制造业',
  size: 'small',
  productCategory: 'industrial',
  problemTypes: ['spot-check-failure'],
  problemDetails: '监督抽查硬度不合格',
  needs: ['diagnosis', 'improvement-plan'],
  willing: true,
  commitment: true,
};
const HEBEI = { province: '河北', city: '石家庄', district: '长安区' };
const SHANGHAI_USCC = uscc('91310115MA1H7XK00');

describe.each(backends)('assistance cases stay in scope on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let hebeiOfficer: { token: string };
  let pudongOfficer: { token: string };
  let shanghaiEnterprise: { token: string };
  let shanghaiOrg: string;

  beforeAll(async () => {
    tdb = await backend.open();
    server = await startServer(tdb.db);
    const sh = await org(tdb.db, { kind: 'enterprise', name: '沪东精密仪器有限公司', uscc: SHANGHAI_USCC, province: '上海', district: '浦东新区' });
    shanghaiOrg = sh.id;
    await org(tdb.db, { kind: 'enterprise', name: '沪西无码五金厂', province: '上海', district: '闵行区' });
    hebeiOfficer = await user(tdb.db, '河北省局', 'officer', 'province:河北');
    pudongOfficer = await user(tdb.db, '浦东新区局', 'officer', 'district:上海/浦东新区');
    shanghaiEnterprise = await user(tdb.db, '沪东精密 质量部', 'enterprise', 'org', sh.id);
  });
  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  const open = (who: { token: string }, enterprise: Record<string, unknown>, app: Record<string, unknown> = application) =>
    call(server.url, 'POST', '/api/v1/assistance-cases', who, { trigger: 'application', enterprise, application: app });
  const cases = async () =>
    (await tdb.db.query<{ enterprise_org_id: string; province: string }>('SELECT enterprise_org_id, province FROM assistance_cases ORDER BY opened_at')).rows;

  it("refuses a case for another province's enterprise quoted by USCC or by name with the officer's own province", async () => {
    const byUscc = await open(hebeiOfficer, { ...HEBEI, uscc: SHANGHAI_USCC });
    expect(byUscc.status).toBe(403);
    expect(byUscc.json.error.key).toBe('assistance.outOfScope');
    expect(byUscc.json.error.zh).toContain('上海市');
    const byName = await open(hebeiOfficer, { ...HEBEI }, { ...application, orgName: '沪西无码五金厂' });
    expect(byName.status).toBe(403);
    expect(byName.json.error.key).toBe('assistance.outOfScope');
    expect(await cases()).toEqual([]);
    // The Shanghai enterprise sees nothing it should not.
    expect((await call(server.url, 'GET', '/api/v1/assistance-cases', shanghaiEnterprise)).json.items).toEqual([]);
  });

  it('files cases inside the scope: a new Hebei enterprise, and the Shanghai one by its own district', async () => {
    const hebei = await open(hebeiOfficer, { ...HEBEI }, { ...application, orgName: '冀中机械制造有限公司' });
    expect(hebei.status).toBe(201);
    const pudong = await open(
      pudongOfficer,
      { province: '上海', district: '浦东新区', uscc: SHANGHAI_USCC },
      { ...application, address: '上海市浦东新区张江路100号' },
    );
    expect(pudong.status).toBe(201);
    const rows = await cases();
    expect(rows.map((r) => r.province)).toEqual(['河北省', '上海市']);
    expect(rows[1]!.enterprise_org_id).toBe(shanghaiOrg);
    expect(rows[0]!.enterprise_org_id).not.toBe(shanghaiOrg);
    expect((await call(server.url, 'GET', '/api/v1/assistance-cases', shanghaiEnterprise)).json.items.map((c: { id: string }) => c.id)).toEqual([
      pudong.json.id,
    ]);
  });
});
