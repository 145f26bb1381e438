import type { CliCommand } from '../io.js';
import { UserError } from '../io.js';
import { withServiceDatabase } from './serviceDb.js';

/** `kekao db migrate`: applies the service's pending migrations (the service also does at start). */
export const dbCommand: CliCommand = {
  name: 'db',
  summary: { zh: '数据库迁移', en: 'apply database migrations' },
  usage: 'db migrate',
  async run(args, io) {
    if (args[0] !== 'migrate') throw new UserError('cli.usage', '用法：kekao db migrate', 'usage: kekao db migrate', 2);
    const result = await withServiceDatabase(async (db, applied) => ({ description: db.description, applied,
      versions: (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version) }));
    io.out(`数据库 / database: ${result.description}\n`);
    const fmt = (vs: number[]) => vs.map((v) => String(v).padStart(3, '0')).join(', ') || '—';
    io.out(`本次应用 / applied now: ${fmt(result.applied)}\n`);
    io.out(`已有迁移 / schema version: ${fmt(result.versions)}\n`);
    return 0;
  },
};
