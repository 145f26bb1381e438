import type { Database } from '../../src/db/database.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { createUser } from '../../src/store/users.js';
import { findOrCreateOrganisation, type OrganisationInput } from '../../src/store/organisations.js';
import { upsertCampaign } from '../../src/store/campaigns.js';
import { campaign2025 } from '@kekao/core';
import type { Role } from '../../src/auth/principal.js';
import { parseScope } from '../../src/auth/scope.js';
import { createLogger } from '../../src/log.js';

export const silentLogger = createLogger('silent');

/** A clock inside the 2026 test campaign's recommendation phase. */
export const BEFORE_DEADLINE = new Date('2026-05-01T04:00:00Z');

/** A second campaign with a deadline in the future of BEFORE_DEADLINE (imported as data, as a new year would be). */
export const campaign2026 = { ...campaign2025, id: '2026', year: 2026, announcedOn: '2026-03-01', deadline: '2026-09-30' };

export async function startServer(db: Database, now: () => Date = () => BEFORE_DEADLINE): Promise<RunningServer> {
  const server = await createServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin' }, { db, now, logger: silentLogger });
  await db.transaction((tx) => upsertCampaign(tx, campaign2026), { actor: 'test' });
  return server;
}

export async function org(db: Database, input: OrganisationInput) {
  return db.transaction((tx) => findOrCreateOrganisation(tx, input), { actor: 'test' });
}

export async function user(db: Database, name: string, role: Role, scope: string, organisationId?: string) {
  const u = await db.transaction((tx) => createUser(tx, { name, role, scope: parseScope(scope), organisationId }), { actor: 'test' });
  return { ...u, name, role };
}

/** A small but complete reliability-2024 submission (every field the public submission contract requires). */
export function reliabilitySubmission(
  enterprise: { name: string; uscc?: string; province?: string; city?: string; district?: string },
  product = '开关电源 KP-100',
  extra: Record<string, unknown> = {},
) {
  return {
    rubric: 'reliability-2024',
    enterprise,
    product: { name: product },
    recommendingUnit: '测试区市场监督管理局',
    basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: true, instruments: true, testPlan: true, resultData: true },
    ic: {
      parameters: [
        {
          name: '输出电压',
          unit: 'V',
          stages: [
            { stage: 't0', values: [12.01, 11.98, 12.03, 12.0, 11.99, 12.02, 12.01, 11.97, 12.0, 12.02] },
            { stage: 't1', usageHours: 2000, values: [11.95, 11.97, 11.93, 11.96, 11.94, 11.98, 11.95, 11.96] },
          ],
        },
      ],
    },
    id: {
      parameters: [
        {
          name: '漂移量',
          unit: '%',
          limit: 10,
          direction: 'max',
          ratedLife: 8000,
          model: 'linear',
          units: [
            { id: 'U1', times: [0, 500, 1000, 1500, 2000], values: [0, 0.6, 1.1, 1.7, 2.2] },
            { id: 'U2', times: [0, 500, 1000, 1500, 2000], values: [0, 0.5, 1.0, 1.6, 2.1] },
          ],
        },
      ],
    },
    ir: {
      scenarios: [
        {
          name: '高温',
          stresses: [{ category: 'high-temperature', level: 125, rated: 85, unit: '°C' }],
          limit: 11.5,
          direction: 'min',
          values: [12.2, 12.1, 12.15],
        },
        {
          name: '低温',
          stresses: [{ category: 'low-temperature', level: -40, rated: -20, unit: '°C' }],
          limit: 11.5,
          direction: 'min',
          values: [12.0, 11.9, 11.95],
        },
        { name: '振动', stresses: [{ category: 'vibration', level: 20, rated: 10, unit: 'g' }], limit: 11.5, direction: 'min', values: [12.1, 12.0, 12.05] },
      ],
    },
    w: { before: { failures: 9, exposure: 16660, exposureUnit: 'units' }, after: { failures: 2, exposure: 17877, exposureUnit: 'units' } },
    ...extra,
  };
}

export interface Caller {
  token?: string;
  authorization?: string;
}

/** A real HTTP call; returns status, parsed JSON (when JSON) and raw body. */
export async function call(base: string, method: string, path: string, who: Caller | undefined, body?: unknown, contentType = 'application/json') {
  const headers: Record<string, string> = {};
  if (who?.authorization !== undefined) headers.authorization = who.authorization;
  else if (who?.token) headers.authorization = `Bearer ${who.token}`;
  let payload: BodyInit | undefined;
  if (body instanceof Uint8Array) {
    payload = body as unknown as BodyInit;
    headers['content-type'] = contentType;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = contentType;
  }
  const res = await fetch(base + path, { method, headers, body: payload });
  const buf = Buffer.from(await res.arrayBuffer());
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, json: isJson ? JSON.parse(buf.toString('utf8')) : undefined, body: buf, headers: res.headers };
}
