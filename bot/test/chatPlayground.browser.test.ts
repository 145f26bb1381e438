import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { browserExecutable } from '@kekao/test/helpers';
import { createServer, type RunningServer } from '../src/server.js';
import { teamsRoute } from '../src/channels/teams/mount.js';
import { startPlayground, type RunningPlayground } from '../src/channels/teams/playground.js';
import { linkIdentity } from '../src/store/users.js';
import { openChatWorld, uscc, type ChatWorld } from './helpers/chatWorld.js';
import { silentLogger } from './helpers/fixtures.js';

/**
 * Real Chromium drives the Microsoft 365 Agents Playground (a Teams-like client, started with the
 * same launcher as `npm run playground`) against the kekao service: the welcome card, the Hebei
 * contact, the assistance card filled in and submitted, the triage result. Screenshots go to
 * test-artifacts/. The service runs in the local-trial mode (KEKAO_BOT_DEV=1 on 127.0.0.1), and the
 * playground's default user (its mock AAD object id) is linked to the 石家庄 officer, as README.md
 * describes for a local trial.
 */

const PLAYGROUND_AAD = '00000000-0000-0000-0000-0000000000020';
const ARTIFACTS = path.resolve('test-artifacts', 'bot-playground');

let world: ChatWorld;
let server: RunningServer;
let playground: RunningPlayground;
let browser: Browser;
let page: Page;
let tmp: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kekao-playground-'));
  // PGlite only: the browser run is the slow part and does not depend on the database engine (time budget).
  world = await openChatWorld();
  await world.db.transaction((tx) => linkIdentity(tx, world.users.officerSjz!, 'msteams', PLAYGROUND_AAD), { actor: 'test' });
  // The Playground sends no Bot Framework token: the local-trial mode (loopback only) takes its user.
  server = await createServer(
    { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true },
    { db: world.db, logger: silentLogger, now: () => new Date('2025-09-20T02:00:00Z'), channels: [teamsRoute()] },
  );
  playground = await startPlayground({
    botEndpoint: `${server.url}/api/messages`,
    port: await freePort(),
    stdio: 'pipe',
    env: {
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmp, 'playground.log'),
      AGENTS_PLAYGROUND_CONFIG_PATH: path.join(tmp, 'none.yml'),
    },
  });
  browser = await chromium.launch({
    executablePath: browserExecutable(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await server?.close();
  await world?.db.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function send(text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

const TYPED = {
  name: '冀中机械制造有限公司',
  uscc: uscc('91130102MA0DXYW12'),
  address: '河北省石家庄市长安区建设北大街1号',
  contact: '张三/质量经理',
  phone: '13912345678',
  industry: '通用设备制造业',
  symptom: '批次间输出电压波动超出规格',
};

async function fillAssistanceCard(card: Locator): Promise<void> {
  await card.getByLabel('单位名称（全称）').fill(TYPED.name);
  await card.getByPlaceholder('18位，含GB 32100校验码').fill(TYPED.uscc);
  await card.getByPlaceholder('请写明省、市、区（县），例如“河北省石家庄市长安区……”').fill(TYPED.address);
  await card.getByLabel('联系人/职务').fill(TYPED.contact);
  await card.getByPlaceholder('手机号（11位，1开头）或固定电话（如 0311-83895717）').fill(TYPED.phone);
  await card.getByLabel('所属行业').fill(TYPED.industry);
  await card.getByLabel('中型', { exact: true }).check();
  await card.getByLabel('工业产品', { exact: true }).check();
  // Multi-select options are checkboxes whose accessible name comes from the group; click their labels.
  await checkOption(card, '生产过程质量波动');
  await card.getByLabel('具体表现').fill(TYPED.symptom);
  await checkOption(card, '现场诊断与问题溯源');
  await card.getByRole('radio', { name: '是', exact: true }).check();
  await card.getByRole('checkbox', { name: /承诺/ }).check();
}

/** Clicks a multi-select option's label unless its checkbox is already ticked (a second click would untick it). */
async function checkOption(card: Locator, label: string): Promise<void> {
  const option = card.locator('label', { hasText: label });
  const id = await option.getAttribute('for');
  if (id && (await card.locator(`[id="${id}"]`).isChecked())) return;
  await option.click();
}

async function lostFields(card: Locator): Promise<string[]> {
  const lost: string[] = [];
  if ((await card.getByLabel('单位名称（全称）').inputValue()) !== TYPED.name) lost.push('单位名称');
  if ((await card.getByPlaceholder('18位，含GB 32100校验码').inputValue()) !== TYPED.uscc) lost.push('统一社会信用代码');
  if ((await card.getByPlaceholder('请写明省、市、区（县），例如“河北省石家庄市长安区……”').inputValue()) !== TYPED.address) lost.push('地址');
  if ((await card.getByLabel('联系人/职务').inputValue()) !== TYPED.contact) lost.push('联系人');
  if ((await card.getByPlaceholder('手机号（11位，1开头）或固定电话（如 0311-83895717）').inputValue()) !== TYPED.phone) lost.push('联系电话');
  if ((await card.getByLabel('所属行业').inputValue()) !== TYPED.industry) lost.push('所属行业');
  if ((await card.getByLabel('具体表现').inputValue()) !== TYPED.symptom) lost.push('具体表现');
  if (!(await card.getByLabel('中型', { exact: true }).isChecked())) lost.push('企业规模');
  if (!(await card.getByRole('checkbox', { name: /承诺/ }).isChecked())) lost.push('承诺');
  return lost;
}

/** Waits until no new message has arrived for a second (the count of rendered cards and texts is stable). */
async function chatSettled(): Promise<void> {
  let last = -1;
  for (let i = 0; i < 30; i++) {
    const count = await page.locator('.ac-adaptiveCard, [data-tid="chat-pane-message"], [role="article"], [role="listitem"]').count();
    if (count === last) return;
    last = count;
    await page.waitForTimeout(1000);
  }
}

async function lastMessages(n: number): Promise<string> {
  const texts = await page.locator('.ac-adaptiveCard, [role="article"], [role="listitem"]').allInnerTexts();
  return texts
    .slice(-n)
    .map((t) => `— ${t.replace(/\s+/g, ' ').slice(0, 400)}`)
    .join('\n');
}

describe('Agents Playground against kekao (real Chromium)', () => {
  it('shows the welcome card, answers the Hebei contact question', async () => {
    await page.goto(playground.url);
    await page.getByText('可靠 kekao：可靠性“最佳实践”助手').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, '1-welcome.png') });
    await send('我在石家庄，找谁推荐？');
    await page.getByText('0311-83895717').first().waitFor({ timeout: 30_000 });
    await expect(page.getByText('周敬').first()).toBeTruthy();
    await page.screenshot({ path: path.join(ARTIFACTS, '2-hebei-contact.png') });
  }, 120_000);

  it('fills the assistance card and sees the triage result', async () => {
    await send('帮扶申请');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: '质量技术帮扶申请表' }).last();
    await card.waitFor({ timeout: 30_000 });
    await chatSettled();
    // A late message re-renders the list and can recreate the card empty: fill, read back, refill.
    for (let attempt = 1; ; attempt++) {
      await fillAssistanceCard(card);
      const lost = await lostFields(card);
      if (lost.length === 0) break;
      if (attempt === 3) throw new Error(`the card lost what was typed three times: ${lost.join(', ')}`);
      await chatSettled();
    }
    await card.screenshot({ path: path.join(ARTIFACTS, '3-assistance-card.png') });
    await card.getByRole('button', { name: '提交申请' }).click();
    const result = page.locator('.ac-adaptiveCard').filter({ hasText: '帮扶申请判定结果' }).last();
    await result.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      // Say what the bot answered instead (a problems list, an error), not only "timeout".
      await page.screenshot({ path: path.join(ARTIFACTS, '4-triage-missing.png'), fullPage: true });
      throw new Error(`no triage result card; the last messages were:\n${await lastMessages(4)}\n(${String(e)})`);
    });
    await expect(result.getByText('启动帮扶').first()).toBeTruthy();
    const text = await result.innerText();
    expect(text).toContain('启动帮扶');
    expect(text).toContain('7.2.2');
    await page.screenshot({ path: path.join(ARTIFACTS, '4-triage-result.png'), fullPage: true });
    const cases = await world.db.query<{ enterprise_name: string; triage: { decision: string } }>('SELECT enterprise_name, triage FROM assistance_cases');
    expect(cases.rows).toEqual([
      expect.objectContaining({ enterprise_name: '冀中机械制造有限公司', triage: expect.objectContaining({ decision: 'started' }) }),
    ]);
  }, 120_000);
});
