import { UserError } from './io.js';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
  /** Repeated flags in order, e.g. `--scope a --scope b`. */
  all: Array<[string, string | true]>;
}

/** Minimal GNU-style parser: `--name value`, `--name=value`, boolean `--flag`. */
export function parseArgs(args: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const all: Array<[string, string | true]> = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let value: string | true;
      if (eq > 0) value = a.slice(eq + 1);
      else if (booleanFlags.includes(name)) value = true;
      else {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) {
          throw new UserError('cli.missingValue', `参数 --${name} 需要一个值`, `option --${name} needs a value`, 2);
        }
        value = next;
        i++;
      }
      flags.set(name, value);
      all.push([name, value]);
    } else positional.push(a);
  }
  return { positional, flags, all };
}

export function stringFlag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
