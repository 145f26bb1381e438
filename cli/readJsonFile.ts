import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from './io.js';

/** Reads and parses a JSON file, turning every failure into a bilingual user error. */
export async function readJsonFile(path: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('file.notFound', `找不到文件：${path}`, `file not found: ${path}`);
    if (code === 'EISDIR') throw new UserError('file.isDirectory', `${path} 是目录，不是文件`, `${path} is a directory`);
    throw new UserError('file.unreadable', `无法读取文件 ${path}（${code ?? '未知错误'}）`, `cannot read ${path} (${code ?? 'unknown'})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    let where = '';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      where = `第 ${line} 行第 ${col} 列`;
    }
    throw new UserError(
      'file.invalidJson',
      `${path} 不是有效的 JSON${where ? `（${where}）` : ''}`,
      `${path} is not valid JSON${m ? ` (line/column ${where})` : ''}`,
    );
  }
}
