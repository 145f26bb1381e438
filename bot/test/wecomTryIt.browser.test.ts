import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTryIt, type RunningTryIt } from '../src/channels/wecom/tryit/tryIt.js';
import { uscc } from './helpers/chatWorld.js';
import { silentLogger } from './helpers/fixtures.js';

/**
 * Real Chromium drives the WeCom try-it page (`npm run wecom:try`): the demo officer 王科长 asks
 * for a contact, then fills the assistance questionnaire — typed answers as messages, choices on
 * the template cards (ticked and submitted; the submitted card closes) — and sees the triage.
 * Every message goes encrypted and signed through /api/wecom; screenshots go to
 * test-artifacts/wecom-tryit/.
 */

const ARTIFACTS = path.resolve('test-artifacts', 'wecom-tryit');

let tryIt: RunningTryIt;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  tryIt = await startTryIt({ now: () => new Date('2025-09-20T02:00:00Z'), logger: silentLogger });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 1000 }, locale: 'zh-CN' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await tryIt?.close();
});

/** Types a message and waits until the page shows `expect` in a message that came after it. */
async function send(text: string, expected: string): Promise<void> {
  const before = await page.locator('#chat > .msg').count();
  await page.locator('#text').fill(text);
  await page.keyboard.press('Enter');
  await page.locator('#chat > .msg').nth(before).waitFor({ timeout: 20_000 });
  await page.locator('#chat > .msg', { hasText: expected }).last().waitFor({ timeout: 20_000 });
}

/** Ticks `options` on the newest choice card and presses its 确定 button. */
async function choose(options: string[], expected: string): Promise<void> {
  const taskId = await page.locator('.card[data-card-type="vote_interaction"]').last().getAttribute('data-task-id');
  // Held by its task id: the next question brings a new card.
  const card = page.locator(`.card[data-task-id="${taskId}"]`);
  for (const o of options) await card.getByLabel(o, { exact: true }).check();
  await card.getByRole('button', { name: '确定' }).click();
  await page.locator('#chat > .msg', { hasText: expected }).last().waitFor({ timeout: 20_000 });
  // The submitted card is closed: its button now reads 已提交 and cannot be pressed.
  await card.getByRole('button', { name: '已提交' }).waitFor({ timeout: 20_000 });
  expect(await card.getByRole('button', { name: '已提交' }).isDisabled()).toBe(true);
}

describe('WeCom try-it page (real Chromium)', () => {
  it('answers a contact question as a passive reply', async () => {
    await page.goto(tryIt.pageUrl);
    await send('我在石家庄，找谁推荐？', '0311-83895717');
    const answer = page.locator('#chat > .msg', { hasText: '周敬' }).last();
    expect(await answer.innerText()).toContain('被动回复');
    await page.screenshot({ path: path.join(ARTIFACTS, '1-contact.png'), fullPage: true });
  }, 60_000);

  it('fills the assistance questionnaire, choices on template cards, and sees the triage', async () => {
    await send('帮扶申请', '单位名称（全称）');
    await page.locator('.card', { hasText: '质量技术帮扶申请表' }).last().waitFor();
    await send('冀中机械制造有限公司', '统一社会信用代码');
    await send(uscc('91130102MA0DXYW12'), '生产 / 经营地址');
    await send('河北省石家庄市长安区建设北大街1号', '联系人/职务');
    await send('张三/质量经理', '联系电话');
    await send('13912345678', '所属行业');
    await send('通用设备制造业', '企业规模');
    const sizeCard = page.locator('.card[data-card-type="vote_interaction"]').last();
    await sizeCard.screenshot({ path: path.join(ARTIFACTS, '2-choice-card.png') });
    expect(await sizeCard.innerText()).toContain('中型');
    await choose(['中型'], '产品类别');
    await choose(['工业产品'], '质量问题描述');
    await choose(['生产过程质量波动'], '具体表现');
    await send('批次间输出电压波动超出规格', '帮扶核心诉求');
    await choose(['现场诊断与问题溯源', '定制化改进方案'], '已采取的自查');
    await send('跳过', '是否自愿配合');
    await choose(['是'], '承诺');
    await choose(['确认承诺'], '佐证材料');
    await send('跳过', '判定：启动帮扶');
    const result = await page.locator('#chat > .msg', { hasText: '判定：启动帮扶' }).last().innerText();
    expect(result).toContain('7.2.2');
    await page.screenshot({ path: path.join(ARTIFACTS, '3-triage.png'), fullPage: true });
    const cases = await tryIt.service.db.query<{ enterprise_name: string; triage: { decision: string } }>(
      'SELECT enterprise_name, triage FROM assistance_cases',
    );
    expect(cases.rows).toEqual([
      expect.objectContaining({ enterprise_name: '冀中机械制造有限公司', triage: expect.objectContaining({ decision: 'started' }) }),
    ]);
    // Nothing the stand-in refused, truncated or dropped.
    expect(tryIt.mock.refusals).toEqual({});
    expect(tryIt.mock.sent.filter((m) => m.truncated || m.dropped)).toEqual([]);
  }, 180_000);
});
