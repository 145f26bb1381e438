import { submissionJsonSchema } from '@kekao/core';
import type { CliCommand, CliIO } from '../io.js';
import { parseArgs } from '../args.js';

/** `kekao schema` — the JSON Schema of a submission. */
export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: { zh: '输出申报文件的 JSON Schema', en: 'print the JSON Schema of a submission' },
  usage: 'schema',
  async run(args: string[], io: CliIO): Promise<number> {
    parseArgs(args, {}, { positionals: false });
    io.out(`${JSON.stringify(submissionJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
