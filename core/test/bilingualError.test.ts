import { describe, expect, it } from 'vitest';
import { BilingualError, noteText } from '../src/index.js';

describe('BilingualError', () => {
  it('carries the key, both texts and the place, and reads as "中文 / English" by default', () => {
    const e = new BilingualError('cell.notNumber', '单元格不是数字', 'the cell is not a number', { where: 'Ic数据!C5' });
    expect(e).toBeInstanceOf(Error);
    expect([e.key, e.zh, e.en, e.where]).toEqual(['cell.notNumber', '单元格不是数字', 'the cell is not a number', 'Ic数据!C5']);
    expect(e.message).toBe('单元格不是数字 / the cell is not a number');
  });

  it('keeps a message given for logs, and is shown like any note', () => {
    const e = new BilingualError('db.locked', '数据目录正被占用', 'the data folder is in use', { message: 'locked (db.locked)' });
    expect(e.message).toBe('locked (db.locked)');
    expect(e.where).toBeUndefined();
    expect(noteText(e, 'en')).toBe('the data folder is in use');
    expect(noteText(e)).toBe('数据目录正被占用');
  });
});
