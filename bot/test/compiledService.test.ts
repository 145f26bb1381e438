import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../src/db/pglite.js';
import { migrate } from '../src/db/migrate.js';
import { ensureDefaultCampaign, upsertCampaign } from '../src/store/campaigns.js';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';
import { writeTemplate } from '@kekao/workbook';
import { campaign2026, call, org, user } from './helpers/fixtures.js';
import { REPO_ROOT, startServiceProcess, type ServiceProcess } from './helpers/serviceProcess.js';

/**
 * What `npm start` runs: the two halves of `npm run build` (the add-in, and the service compiled by
 * tsc with its data files) into a scratch folder of the repository, then `node …/bot/src/main.js`
 * started from another working directory, with a module hook that refuses to load tsx or any .ts
 * file (in the service and in its worker threads). Real HTTP: /healthz, an API call, a chat turn
 * (the understanding corpus and migrations are data files found beside the compiled code), the
 * add-in's page, and a workbook upload read in a reader thread of the compiled build.
 */

// The hook of the guard below: a module the compiled service resolves may be neither tsx nor TypeScript.
const REFUSE_TYPESCRIPT_HOOKS = String.raw`
export async function resolve(specifier, context, next) {
  if (specifier === 'tsx' || specifier.startsWith('tsx/')) throw new Error('the compiled service imported tsx');
  const resolved = await next(specifier, context);
  if (/\.[cm]?ts$/.test(resolved.url)) throw new Error('the compiled service loaded TypeScript: ' + resolved.url);
  return resolved;
}`;
// Loaded with --import (worker threads inherit it): registers the hook in every thread of the service.
const REFUSE_TYPESCRIPT = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(REFUSE_TYPESCRIPT_HOOKS)}`)});`,
)}`;

const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };

function npm(args: string[]): void {
  const r = spawnSync('npm', args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

describe('the compiled service (npm run build, then node dist/bot/src/main.js)', () => {
  // Inside the repository (git-ignored), so the compiled modules find node_modules as dist/ does.
  const out = path.join(REPO_ROOT, '.kekao-tmp', `build-${randomBytes(4).toString('hex')}`);
  let dataDir: string;
  let service: ServiceProcess;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    npm(['run', 'build:service', '--', `--out=${out}/dist`]);
    npm(['run', 'addin:build', '--', `--out=${out}/addin`]);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kekao-compiled-'));
    const db = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(db);
    await ensureDefaultCampaign(db);
    await db.transaction((tx) => upsertCampaign(tx, campaign2026), { actor: 'test' });
    const a = await org(db, { kind: 'enterprise', ...ENT });
    tokens.enterprise = (await user(db, '企业甲', 'enterprise', 'org', a.id)).token;
    tokens.province = (await user(db, '上海市局', 'officer', 'province:上海')).token;
    await db.close();
    service = await startServiceProcess({
      nodeArgs: ['--import', REFUSE_TYPESCRIPT],
      entry: path.join(out, 'dist', 'bot', 'src', 'main.js'),
      cwd: dataDir, // not the repository: nothing may depend on the working directory
      env: {
        DATABASE_URL: '',
        KEKAO_DATA_DIR: dataDir,
        KEKAO_ADDIN_DIR: path.join(out, 'addin'),
        LOG_LEVEL: 'debug',
        KEKAO_WORKBOOK_WORKERS: '1',
        KEKAO_BOT_DEV: '1',
      },
    });
  }, 600_000);

  afterAll(async () => {
    if (service) expect(await service.stop()).toBe(0);
    await rm(out, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('builds JavaScript and the data files beside it, and no TypeScript loader', () => {
    for (const f of ['bot/src/main.js', 'bot/src/api/workbookReaderWorker.js', 'bot/data/divisions.tsv', 'bot/src/db/migrations/001_init.sql', 'cli/main.js']) {
      expect(existsSync(path.join(out, 'dist', f)), f).toBe(true);
    }
    expect(existsSync(path.join(out, 'dist', 'bot/src/api/workbookReaderWorker.mjs'))).toBe(false);
  });

  it('answers /healthz and an API call over real HTTP', async () => {
    const health = await call(service.url, 'GET', '/healthz', undefined);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', database: 'pglite' });
    const list = await call(service.url, 'GET', '/api/v1/submissions', { token: tokens.enterprise });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([]);
    const page = await fetch(`${service.url}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('reads an uploaded workbook in a reader thread of the compiled build', async () => {
    const book = new Uint8Array(await writeTemplate('best-practice', { example: true }));
    const r = await call(service.url, 'POST', '/api/v1/submissions?campaign=2026&fileName=book.xlsx', { token: tokens.province }, book, XLSX_TYPE);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const read = await service.waitForLog((l) => l.msg === 'workbook read in a reader thread');
    expect(read.ok).toBe(true);
    expect(service.logs.some((l) => String(l.msg).includes('reader threads unavailable'))).toBe(false);
    const stored = await call(service.url, 'GET', `/api/v1/submissions/${r.json.id}`, { token: tokens.province });
    expect(stored.status).toBe(200);
  });

  it('answers a chat turn (the understanding corpus is found beside the compiled code)', async () => {
    const activity = {
      type: 'message',
      id: 'c1',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      timestamp: new Date().toISOString(),
      from: { id: '29:someone', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'someone' },
      recipient: { id: '28:kekao', name: 'kekao' },
      conversation: { id: 'a:compiled', conversationType: 'personal' },
      text: '怎么评分',
    };
    const res = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities?: Array<{ text?: string }> };
    expect((body.activities ?? []).length).toBeGreaterThan(0);
    expect(service.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
