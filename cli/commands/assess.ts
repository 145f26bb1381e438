import { assessInput, type Assessment } from '@kekao/core';
import { booleanFlag, parseArgs, stringFlag, type OptionSpecs } from '../args.js';
import { UserError, type CliCommand, type CliIO } from '../io.js';
import { readJsonFile } from '../readJsonFile.js';
import { formatAssessment } from '../formatAssessment.js';

const OPTIONS = {
  json: { type: 'boolean' },
  family: { type: 'string' },
  lang: { type: 'string', choices: ['zh', 'en'] },
} satisfies OptionSpecs;

/** `kekao assess FILE.json [--json] [--family F] [--lang zh|en]` — the assessment of a submission file. */
export const assessCommand: CliCommand = {
  name: 'assess',
  summary: { zh: '评估一个 JSON 申报文件', en: 'assess a JSON submission file' },
  usage: 'assess FILE.json [--json] [--family F] [--lang zh|en]',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, OPTIONS);
    const file = p.positional[0];
    if (!file) throw new UserError('cli.missingFile', '请指定申报文件：kekao assess FILE.json', 'missing file: kekao assess FILE.json', 2);
    const input = await readJsonFile(file, io.cwd);
    const result = assessInput(input, { family: stringFlag(p, 'family') });
    const lang = stringFlag(p, 'lang') === 'en' ? 'en' : 'zh';
    if (!result.ok) {
      io.err(lang === 'en' ? `${file}: validation failed:\n` : `${file} 校验未通过 / validation failed:\n`);
      for (const e of result.errors) io.err(lang === 'en' ? `  - ${e.en} (${e.key})\n` : `  - ${e.zh} (${e.key}: ${e.en})\n`);
      return 1;
    }
    if (booleanFlag(p, 'json'))
      io.out(`${JSON.stringify(result.assessment, null, 2)}
`);
    else io.out(formatAssessment(result.assessment as Assessment, lang));
    return 0;
  },
};
