import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './io.js';
import type { Bilingual } from '@kekao/core/i18n';

/** One option of a command: a value (`--out FILE`) or a switch (`--json`). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The values a string option accepts; anything else is refused naming them. */
  choices?: readonly string[];
}

/** A command's options by long name (without `--`). Add an entry to accept a new option. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  positional: string[];
  /** Given options only: a string for `--name value`, `true` for a switch. */
  values: Record<string, string | boolean | undefined>;
}

export interface ParseOptions {
  /** False for commands that take no operands (`kekao schema extra` is refused). Default true. */
  positionals?: boolean;
}

function optionList(specs: OptionSpecs): Bilingual {
  const names = [...Object.keys(specs).map((n) => `--${n}`), '--help'];
  return { zh: names.join('、'), en: names.join(', ') };
}

/**
 * After a strict parse failed: walks the tokens of a lenient parse to name the first problem the
 * way a user can act on it (the option as typed, and the options the command accepts).
 */
function explain(args: string[], specs: OptionSpecs, allowPositionals: boolean, cause: unknown): UserError {
  const { tokens } = parseNodeArgs({ args, options: specs as ParseArgsConfig['options'], strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional' && !allowPositionals) {
      return new UserError('cli.unexpectedArgument', `多余的参数“${t.value}”`, `unexpected argument "${t.value}"`, 2);
    }
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (!spec) {
      const valid = optionList(specs);
      return new UserError('cli.unknownOption', `未知参数 ${t.rawName}；可用参数：${valid.zh}`, `unknown option ${t.rawName}; valid options: ${valid.en}`, 2);
    }
    if (spec.type === 'string' && t.value === undefined) {
      return new UserError('cli.missingValue', `参数 --${t.name} 需要一个值`, `option --${t.name} needs a value`, 2);
    }
    if (spec.type === 'boolean' && t.value !== undefined) {
      return new UserError('cli.unexpectedValue', `--${t.name} 不带值`, `--${t.name} takes no value`, 2);
    }
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new UserError('cli.badArguments', `参数有误：${message}`, `bad arguments: ${message}`, 2);
}

/**
 * Parses a command's arguments with node:util's strict parser: `--name value`, `--name=value`,
 * switches, `--` before operands that start with a dash. Unknown options, a missing value, a value
 * given to a switch and a value outside `choices` are refused with exit code 2.
 */
export function parseArgs(args: string[], specs: OptionSpecs = {}, options: ParseOptions = {}): ParsedArgs {
  const allowPositionals = options.positionals ?? true;
  let parsed;
  try {
    parsed = parseNodeArgs({ args, options: specs as ParseArgsConfig['options'], strict: true, allowPositionals });
  } catch (e) {
    throw explain(args, specs, allowPositionals, e);
  }
  const values: ParsedArgs['values'] = { ...parsed.values } as ParsedArgs['values'];
  for (const [name, spec] of Object.entries(specs)) {
    const v = values[name];
    if (spec.choices && typeof v === 'string' && !spec.choices.includes(v)) {
      throw new UserError(
        'cli.badValue',
        `--${name} 须为 ${spec.choices.join('、')} 之一（收到“${v}”）`,
        `--${name} must be one of ${spec.choices.join(', ')} (got "${v}")`,
        2,
      );
    }
  }
  return { positional: parsed.positionals, values };
}

export function stringFlag(p: ParsedArgs, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function booleanFlag(p: ParsedArgs, name: string): boolean {
  return p.values[name] === true;
}
