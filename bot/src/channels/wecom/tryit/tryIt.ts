import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import type { Database } from '../../../db/database.js';
import { openPglite } from '../../../db/pglite.js';
import { createServer, type RunningServer } from '../../../server.js';
import { createLogger, type Logger } from '../../../log.js';
import { migrate } from '../../../db/migrate.js';
import { createUser, linkIdentity } from '../../../store/users.js';
import { parseScope } from '../../../auth/scope.js';
import { wecomRoute, WECOM_PATH } from '../mount.js';
import type { WecomConfig } from '../config.js';
import { wecomExternalId, WECOM_CHANNEL } from '../identity.js';
import { startMockWecomApi, type MockWecomApi } from './mockApi.js';
import { createWecomSimulator, type WecomSimulator } from './simulator.js';

/**
 * `npm run wecom:try`: kekao with its WeCom channel, WeCom's API stand-in, and a page that plays
 * WeCom's client: it encrypts and signs what you type exactly as WeCom does, POSTs it to
 * /api/wecom, and shows the answers — the passive reply of the callback and the active messages
 * and template cards the stand-in received — with the cards' buttons and choices clickable (a
 * click is a template_card_event). Demo members: 王科长 (officer, 石家庄), 周老师 (secretariat) and
 * an unregistered visitor.
 */

export const DEMO_MEMBERS = [
  { userId: 'wangkezhang', label: '王科长（石家庄市局 · 监管人员）' },
  { userId: 'zhoulaoshi', label: '周老师（秘书处）' },
  { userId: 'visitor', label: '访客（未登记）' },
] as const;

interface Entry {
  at: number;
  order: number;
  userId: string;
  kind: 'user' | 'click' | 'passive' | 'refused';
  text: string;
}

export interface TryItOptions {
  port?: number;
  pagePort?: number;
  db?: Database;
  now?: () => Date;
  logger?: Logger;
}

export interface RunningTryIt {
  pageUrl: string;
  service: RunningServer;
  mock: MockWecomApi;
  close(): Promise<void>;
}

async function seed(db: Database, corpId: string): Promise<void> {
  const people = [
    { userId: 'wangkezhang', name: '石家庄市局 王科长', role: 'officer' as const, scope: 'city:河北/石家庄' },
    { userId: 'zhoulaoshi', name: '秘书处 周老师', role: 'secretariat' as const, scope: 'all' },
  ];
  for (const p of people) {
    const taken = await db.query('SELECT 1 FROM user_identities WHERE channel = $1 AND external_id = $2', [WECOM_CHANNEL, wecomExternalId(corpId, p.userId)]);
    if (taken.rows.length) continue;
    await db.transaction(
      async (tx) => {
        const u = await createUser(tx, { name: p.name, role: p.role, scope: parseScope(p.scope) });
        await linkIdentity(tx, u.id, WECOM_CHANNEL, wecomExternalId(corpId, p.userId));
      },
      { actor: 'wecom:try' },
    );
  }
}

const sayBody = z.object({ userId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/), text: z.string().min(1).max(2000) });
const clickBody = z.object({
  userId: z.string().min(1).max(64),
  taskId: z.string().min(1).max(128),
  key: z.string().min(1).max(1024),
  selected: z.array(z.object({ questionKey: z.string(), optionIds: z.array(z.string()) })).default([]),
  label: z.string().max(200).default(''),
});

export async function startTryIt(o: TryItOptions = {}): Promise<RunningTryIt> {
  const alnum = (n: number) => randomBytes(n).toString('hex').slice(0, n);
  const corpId = `ww${alnum(16)}`;
  const secrets = {
    token: alnum(32),
    aesKey: randomBytes(40)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .padEnd(43, 'k')
      .slice(0, 43),
    corpId,
    agentId: 1000002,
    secret: alnum(40),
  };
  const mock = await startMockWecomApi({ corpId, secret: secrets.secret, agentId: secrets.agentId });
  const config: WecomConfig = { ...secrets, apiBase: mock.url };
  const ownDb = !o.db;
  const db = o.db ?? (await openPglite(undefined));
  await migrate(db);
  await seed(db, corpId);
  const log = o.logger ?? createLogger('info', { service: 'kekao' });
  const route = wecomRoute({ config });
  const service = await createServer(
    { port: o.port ?? 0, host: '127.0.0.1', logLevel: 'info', addinDir: '/nonexistent-addin' },
    { db, logger: log, now: o.now, channels: [route] },
  );
  const nowMs = () => (o.now ? o.now().getTime() : Date.now());
  const sim: WecomSimulator = createWecomSimulator({
    callbackUrl: `${service.url}${WECOM_PATH}`,
    token: config.token,
    aesKey: config.aesKey,
    corpId,
    agentId: config.agentId,
    nowMs,
  });
  const entries: Entry[] = [];
  let order = 0;
  const record = (e: Omit<Entry, 'order'>) => entries.push({ ...e, order: ++order });

  async function deliver(userId: string, shown: Entry['kind'], text: string, send: () => ReturnType<WecomSimulator['text']>): Promise<void> {
    record({ at: Date.now(), userId, kind: shown, text });
    const r = await send();
    if (r.status !== 200) record({ at: Date.now(), userId, kind: 'refused', text: `HTTP ${r.status}: ${r.body}` });
    else if (r.passive?.content) record({ at: Date.now(), userId, kind: 'passive', text: r.passive.content });
  }

  const html = readFileSync(new URL('./page.html', import.meta.url), 'utf8').replace('__MEMBERS__', JSON.stringify(DEMO_MEMBERS));
  const page = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://page');
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
      const bad = (e: unknown) => json(400, { error: { key: 'tryit.invalid', zh: '请求无效', en: String(e instanceof Error ? e.message : e) } });
      const body = () => JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
      if (req.method === 'GET' && url.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      if (req.method === 'GET' && url.pathname === '/timeline') {
        const active = mock.sent.map((m) => ({
          at: m.at,
          order: m.seq + 0.5,
          userId: m.touser,
          kind: 'active' as const,
          text: m.text,
          card: m.card,
          replacedWith: m.replacedWith,
          dropped: m.dropped,
        }));
        return json(
          200,
          [...entries, ...active].sort((a, b) => a.at - b.at || a.order - b.order),
        );
      }
      if (req.method === 'POST' && (url.pathname === '/say' || url.pathname === '/click' || url.pathname === '/enter')) {
        let run: Promise<void>;
        try {
          if (url.pathname === '/say') {
            const b = sayBody.parse(body());
            run = deliver(b.userId, 'user', b.text, () => sim.text(b.userId, b.text));
          } else if (url.pathname === '/enter') {
            const b = sayBody.pick({ userId: true }).parse(body());
            run = deliver(b.userId, 'click', '（进入应用 / opened the application）', () => sim.enter(b.userId));
          } else {
            const b = clickBody.parse(body());
            const card = mock.cardByTaskId(b.taskId);
            if (!card?.card || card.replacedWith)
              return json(409, { error: { key: 'tryit.cardClosed', zh: '该卡片已处理，按钮不可再点击', en: 'this card was already handled' } });
            run = deliver(b.userId, 'click', b.label || '（点击卡片 / card clicked）', () =>
              sim.click(b.userId, {
                taskId: b.taskId,
                cardType: card.card!.card_type,
                eventKey: b.key,
                responseCode: mock.responseCodeForClick(b.taskId),
                selected: b.selected,
              }),
            );
          }
        } catch (e) {
          return bad(e);
        }
        return void run
          .then(() => route.idle())
          .then(
            () => json(200, { ok: true }),
            (e: unknown) => json(502, { error: { key: 'tryit.failed', zh: '发送失败', en: String(e) } }),
          );
      }
      json(404, { error: { key: 'tryit.unknownPath', zh: `没有这个地址：${url.pathname}`, en: `no such path: ${url.pathname}` } });
    });
  });
  await new Promise<void>((r) => page.listen(o.pagePort ?? 0, '127.0.0.1', r));
  const pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  return {
    pageUrl,
    service,
    mock,
    async close() {
      await new Promise<void>((r) => {
        page.close(() => r());
        page.closeAllConnections();
      });
      await service.close();
      await mock.close();
      if (ownDb) await db.close();
    },
  };
}
