import type { Bilingual } from '@kekao/core/i18n';
import { BilingualError } from '@kekao/core/i18n';

/** Where a command writes; tests pass buffers, the real program passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Current working directory against which relative paths resolve. */
  cwd: string;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
}

export interface CliCommand {
  name: string;
  summary: Bilingual;
  usage: string;
  /** Further usage lines shown by `kekao COMMAND --help` (subcommands with their options). */
  usageDetails?: readonly string[];
  run(args: string[], io: CliIO): Promise<number>;
}

/** An error meant for the user: printed as is (Chinese, with the English key), never with a stack. */
export class UserError extends BilingualError {
  constructor(
    key: string,
    zh: string,
    en: string,
    readonly exitCode = 1,
  ) {
    super(key, zh, en, { message: `${zh} (${key})` });
  }
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
  };
}
