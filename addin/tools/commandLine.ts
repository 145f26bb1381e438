/**
 * The add-in's command lines (addin/build.ts, addin/devServer.ts) on node:util parseArgs, strict:
 * an unknown flag, a missing value or a stray argument stops the command with exit code 2, one
 * line naming what was wrong and one listing the valid flags — Chinese first, then English.
 */
import { parseArgs } from 'node:util';

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Shown as --flag=HELP in the list of valid flags. */
  help?: string;
}

export type FlagValues = Record<string, string | boolean | undefined>;

/** `--office-js=cdn|local --base-url=… --dev` for the usage line. */
export function validFlags(flags: Readonly<Record<string, FlagSpec>>): string {
  return Object.entries(flags)
    .map(([name, f]) => (f.type === 'string' ? `--${name}=${f.help ?? 'VALUE'}` : `--${name}`))
    .join(' ');
}

/** What parseArgs objected to, in both languages. */
function explain(e: { code?: string; message: string }): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知参数 ${quoted} / unknown flag ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${quoted} / unexpected argument ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `参数值不对：${e.message} / invalid flag value: ${e.message}`;
    default:
      return `参数错误：${e.message} / bad arguments: ${e.message}`;
  }
}

export function parseCommandLine(command: string, argv: readonly string[], flags: Readonly<Record<string, FlagSpec>>): FlagValues {
  const options = Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, { type: f.type }]));
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as FlagValues;
  } catch (e) {
    return refuse(command, explain(e as { code?: string; message: string }), flags);
  }
}

/** A value checked after parsing (e.g. --port=abc): the same exit 2 with the valid flags. */
export function refuse(command: string, what: string, flags: Readonly<Record<string, FlagSpec>>): never {
  process.stderr.write(`${command}: ${what}\n可用参数 / valid flags: ${validFlags(flags)}\n`);
  process.exit(2);
}
