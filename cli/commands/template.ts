import { writeTemplate } from '@kekao/workbook';
import { isWorkbookKind, WORKBOOK_KINDS } from '@kekao/core/workbook';
import { booleanFlag, parseArgs, stringFlag, type OptionSpecs } from '../args.js';
import { UserError, type CliCommand, type CliIO } from '../io.js';
import { writeOutputFile } from '../writeOutputFile.js';

const OPTIONS = {
  kind: { type: 'string' },
  out: { type: 'string' },
  example: { type: 'boolean' },
} satisfies OptionSpecs;

/** `kekao template --kind KIND --out FILE.xlsx [--example]` — writes the 推荐表 workbook of a kind. */
export const templateCommand: CliCommand = {
  name: 'template',
  summary: { zh: '生成推荐表工作簿（可带示例数据）', en: 'write the recommendation workbook (optionally with an example)' },
  usage: 'template --kind best-practice|fmea|breakthrough --out FILE.xlsx [--example]',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, OPTIONS);
    const kind = stringFlag(p, 'kind') ?? 'best-practice';
    if (!isWorkbookKind(kind)) {
      throw new UserError(
        'cli.badKind',
        `未知的类型“${kind}”，可选：${WORKBOOK_KINDS.join('、')}`,
        `unknown kind "${kind}"; one of ${WORKBOOK_KINDS.join(', ')}`,
        2,
      );
    }
    const out = stringFlag(p, 'out') ?? p.positional[0];
    if (!out) throw new UserError('cli.missingOut', '请用 --out 指定输出文件，如 --out 推荐表.xlsx', 'missing --out FILE.xlsx', 2);
    if (!/\.xlsx$/i.test(out)) throw new UserError('cli.outNotXlsx', `输出文件应以 .xlsx 结尾：${out}`, `the output file must end in .xlsx: ${out}`, 2);
    const buf = await writeTemplate(kind, { example: booleanFlag(p, 'example') });
    await writeOutputFile(out, io.cwd, buf);
    io.out(`已生成 ${out}（${kind}${booleanFlag(p, 'example') ? '，含示例' : ''}）/ wrote ${out}\n`);
    return 0;
  },
};
