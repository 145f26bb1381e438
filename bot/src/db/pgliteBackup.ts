import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './pglite.js';
import { BilingualError } from '@kekao/core/i18n';

/**
 * Backup and restore of the embedded database as PGlite's own data-directory image: the gzipped
 * tarball of `dumpDataDir()`, loaded back with the `loadDataDir` option. The image is the whole
 * cluster (tables, sequences, the audit log, schema_migrations, settings) byte for byte, needs no
 * further tool, and is consistent because the data folder's lock keeps every other process out
 * while it is taken. It loads into the same PGlite (PostgreSQL major version) only; a PostgreSQL
 * server is backed up with pg_dump instead (docs/deployment.md).
 */
export class BackupError extends BilingualError {
  constructor(key: string, zh: string, en: string) {
    super(key, zh, en, { message: `${zh} (${key}: ${en})` });
  }
}

/** The first two bytes of every gzip stream (RFC 1952, 2.3.1: ID1 = 31, ID2 = 139). */
const GZIP_MAGIC = [0x1f, 0x8b];

async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function migrationVersions(pg: PGlite): Promise<number[] | undefined> {
  const exists = await pg.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return undefined;
  return (await pg.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
}

export interface BackupResult {
  bytes: number;
  schemaVersions: number[];
}

/** Writes the image of the PGlite database in `dataDir` to `file` (whole or not at all). */
export async function backupPglite(dataDir: string, file: string): Promise<BackupResult> {
  // PG_VERSION is the first file initdb writes in every PostgreSQL data directory.
  if (!(await stat(path.join(dataDir, 'PG_VERSION')).catch(() => undefined))) {
    throw new BackupError('backup.noDatabase', `${dataDir} 中没有数据库（检查 KEKAO_DATA_DIR）`, `there is no database in ${dataDir} (check KEKAO_DATA_DIR)`);
  }
  const unlock = await lockDataDir(dataDir);
  const partial = `${file}.partial-${process.pid}`;
  try {
    const pg = await PGlite.create(dataDir);
    let image: Uint8Array;
    let schemaVersions: number[];
    try {
      schemaVersions = (await migrationVersions(pg)) ?? [];
      image = new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await pg.close();
    }
    try {
      await writeFile(partial, image);
      await rename(partial, file);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new BackupError('backup.writeFailed', `无法写入备份文件 ${file}（${why}）`, `cannot write the backup file ${file} (${why})`);
    }
    return { bytes: image.byteLength, schemaVersions };
  } finally {
    await rm(partial, { force: true });
    await unlock();
  }
}

export interface RestoreOptions {
  /** Replace a data folder that already holds files (the old contents are deleted). */
  force?: boolean;
}

async function readBackup(file: string): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new BackupError('backup.unreadable', `无法读取备份文件 ${file}（${why}）`, `cannot read the backup file ${file} (${why})`);
  }
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) {
    throw new BackupError(
      'backup.notABackup',
      `${file} 不是 kekao db backup 生成的备份（不是 gzip 文件）`,
      `${file} is not a backup written by kekao db backup (not a gzip file)`,
    );
  }
  return bytes;
}

/**
 * Loads the image in `file` into `dataDir`. The image is unpacked and opened in a staging folder
 * next to `dataDir` first; only when it opens as a kekao database is `dataDir` replaced, so a bad
 * file leaves the current data as it was.
 */
export async function restorePglite(file: string, dataDir: string, options: RestoreOptions = {}): Promise<BackupResult> {
  const bytes = await readBackup(file);
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  const staging = path.join(parent, `.${path.basename(dataDir)}.restore-${process.pid}`);
  const replaced = path.join(parent, `.${path.basename(dataDir)}.replaced-${process.pid}`);
  try {
    if (!options.force && (await isNonEmptyDir(dataDir))) {
      throw new BackupError(
        'restore.notEmpty',
        `数据目录 ${dataDir} 不为空；要用备份替换其中的数据，请加 --force`,
        `the data folder ${dataDir} is not empty; add --force to replace its data with the backup`,
      );
    }
    await rm(staging, { recursive: true, force: true });
    let schemaVersions: number[] | undefined;
    try {
      const pg = await PGlite.create(staging, { loadDataDir: new Blob([bytes]) });
      try {
        schemaVersions = await migrationVersions(pg);
      } finally {
        await pg.close();
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new BackupError('backup.notABackup', `${file} 无法作为数据库打开（${why}）`, `${file} does not open as a database (${why})`);
    }
    if (!schemaVersions) {
      throw new BackupError(
        'backup.notKekao',
        `${file} 中的数据库不是 kekao 的（没有 schema_migrations 表）`,
        `the database in ${file} is not kekao's (no schema_migrations table)`,
      );
    }
    const hadData = await stat(dataDir).then(
      () => true,
      () => false,
    );
    if (hadData) await rename(dataDir, replaced);
    await rename(staging, dataDir);
    if (hadData) await rm(replaced, { recursive: true, force: true });
    return { bytes: bytes.byteLength, schemaVersions };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await unlock();
  }
}
