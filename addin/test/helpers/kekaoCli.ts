import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const run = promisify(execFile);
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const BIN = resolve(ROOT, 'bin/kekao.mjs');

/** Runs the real `kekao` CLI (no terminal attached). */
export async function kekao(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
