import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from './io.js';

/** Writes an output file (relative to `cwd`), turning a failure into a bilingual user error. */
export async function writeOutputFile(path: string, cwd: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(resolve(cwd, path), data);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserError('cli.writeFailed', `无法写入 ${path}（${why}）`, `cannot write ${path} (${why})`);
  }
}
