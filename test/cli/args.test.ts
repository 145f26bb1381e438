import { describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { main } from '@kekao/cli';
import { commands } from '@kekao/cli/commands';
import type { CliIO } from '@kekao/cli';

/**
 * The command line's habits: strict options (an unknown or mistyped flag stops the command with
 * exit code 2 and the list of valid options), --version, and --help for every command.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/kekao.mjs', import.meta.url));
const run = promisify(execFile);

async function kekao(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

async function inProcess(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: ROOT, interactive: false };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('kekao command line', () => {
  it('prints the version of package.json with --version and -v (a real process)', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await kekao('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect((await inProcess('-v')).out).toBe(`${version}\n`);
  }, 60_000);

  it('refuses a mistyped flag with exit code 2, naming it and the valid options (a real process)', async () => {
    const r = await kekao('assess', 'x', '--famly', 'y');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--famly');
    expect(r.err).toContain('cli.unknownOption');
    for (const valid of ['--json', '--family', '--lang']) expect(r.err).toContain(valid);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('does its work and exits 0 when the reader has closed the pipe (kekao … | head -0)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-pipe-'));
    try {
      const out = path.join(dir, 'fmea.xlsx');
      const child = spawn(process.execPath, [BIN, 'template', '--kind', 'fmea', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(await readdir(dir)).toEqual(['fmea.xlsx']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses unknown flags in every command and subcommand before touching anything', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-args-'));
    const saved = process.env.KEKAO_DATA_DIR;
    process.env.KEKAO_DATA_DIR = path.join(dir, 'data');
    try {
      const cases: Array<[string, string[]]> = [
        ['--pretty', ['schema', '--pretty']],
        ['--outt', ['template', '--kind', 'fmea', '--outt', 'a.xlsx']],
        ['--sumary', ['score', 'a.xlsx', '--sumary', 's.xlsx']],
        ['--scop', ['users', 'add', '--role', 'officer', '--scop', 'all']],
        ['--all', ['users', 'list', '--all']],
        ['--dry-run', ['campaigns', 'import', 'c.json', '--dry-run']],
        ['--yes', ['db', 'migrate', '--yes']],
        ['--force', ['db', 'backup', 'b.tar.gz', '--force']],
        ['--forse', ['db', 'restore', 'b.tar.gz', '--forse']],
      ];
      for (const [flag, argv] of cases) {
        const r = await inProcess(...argv);
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.err, argv.join(' ')).toContain(`未知参数 ${flag}`);
        expect(r.err, argv.join(' ')).toContain(`unknown option ${flag}`);
      }
      expect(await readdir(dir)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.KEKAO_DATA_DIR;
      else process.env.KEKAO_DATA_DIR = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names a missing value, a value given to a switch, a value outside the choices and a stray operand', async () => {
    const missing = await inProcess('template', '--out');
    expect([missing.code, missing.err]).toEqual([2, '错误：参数 --out 需要一个值 (cli.missingValue: option --out needs a value)\n']);
    const valued = await inProcess('assess', 'x.json', '--json=yes');
    expect([valued.code, valued.err]).toEqual([2, '错误：--json 不带值 (cli.unexpectedValue: --json takes no value)\n']);
    const lang = await inProcess('assess', 'examples/best-practice.json', '--lang', 'fr');
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('--lang 须为 zh、en 之一（收到“fr”）');
    const stray = await inProcess('schema', 'extra');
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('多余的参数“extra”');
    // `--name=value` and `--` before an operand that starts with a dash are the parser's forms too.
    const eq = await inProcess('assess', '--lang=en', '--', 'examples/best-practice.json');
    expect(eq.code, eq.err).toBe(0);
    expect(eq.out).toContain('Total');
  });

  it('explains every command and subcommand with --help and exit code 0', async () => {
    const argvs = [
      ...commands.map((c) => [c.name, '--help']),
      ['users', 'add', '-h'],
      ['users', 'link', '--help'],
      ['users', 'list', '--help'],
      ['campaigns', 'import', '--help'],
      ['db', 'migrate', '--help'],
      ['db', 'backup', '--help'],
      ['db', 'restore', '--help'],
    ];
    for (const argv of argvs) {
      const r = await inProcess(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out, argv.join(' ')).toContain(`kekao ${argv[0]}`);
      expect(r.err).toBe('');
    }
    const db = await inProcess('db', '--help');
    for (const line of ['kekao db migrate', 'kekao db backup FILE', 'kekao db restore FILE']) expect(db.out).toContain(line);
    const all = await inProcess('help');
    expect(all.code).toBe(0);
    expect(all.out).toContain('--version');
  });
});
