import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliCommand } from '../io.js';
import { UserError } from '../io.js';
import { parseArgs } from '../args.js';
import { withServiceDatabase } from './serviceDb.js';
import { campaignSchema, issuesFromZod } from '@kekao/core';
import { upsertCampaign } from '@kekao/service/store';

const USAGE = 'campaigns import FILE.json';

/** `kekao campaigns import FILE`: a new year's campaign as data, validated by core's campaignSchema. */
export const campaignsCommand: CliCommand = {
  name: 'campaigns',
  summary: { zh: '导入年度评选活动（JSON）', en: 'import a campaign (JSON)' },
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    const p = parseArgs(rest, {});
    const file = p.positional[0];
    if (sub !== 'import' || !file) throw new UserError('cli.usage', `用法：kekao ${USAGE}`, `usage: kekao ${USAGE}`, 2);
    const full = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch {
      throw new UserError('file.notFound', `无法读取文件 ${file}`, `cannot read ${file}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new UserError('campaign.invalidJson', `${file} 不是有效的 JSON：${(e as Error).message}`, `${file} is not valid JSON`);
    }
    const parsed = campaignSchema.safeParse(data);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      for (const i of issues) io.err(`${file}: ${i.zh} (${i.key})\n`);
      throw new UserError(
        'campaign.invalid',
        `${file} 不是有效的评选活动（${issues.length} 处问题，见上）`,
        `${file} is not a valid campaign (${issues.length} issues)`,
      );
    }
    const campaign = await withServiceDatabase((db) => db.transaction((tx) => upsertCampaign(tx, parsed.data), { actor: 'cli:campaigns-import' }));
    io.out(`已导入评选活动 / campaign imported: ${campaign.id}（${campaign.title.zh}），截止 / deadline ${campaign.deadline}\n`);
    return 0;
  },
};
