import { z } from 'zod/v4';
import os from 'node:os';
import path from 'node:path';

/** Service configuration, read from the environment and validated (a bad value stops the start). */
export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3978),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.string().url().optional(),
  /** PostgreSQL schema to use (tests give each file its own); default: the server's search_path. */
  databaseSchema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'schema name: lowercase letters, digits, _')
    .optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  microsoftAppId: z.string().optional(),
  microsoftAppPassword: z.string().optional(),
  /** Built add-in files served at `/` when the folder exists. */
  addinDir: z.string().default('addin/dist'),
  /** Largest accepted workbook upload (bytes); JSON bodies have their own limit. */
  maxUploadBytes: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  maxJsonBytes: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /**
   * Threads that read uploaded workbooks (0: read on the request thread). One core is left to the
   * request thread: on 2 cores, 2 readers starved it (status reads during an upload burst got slower).
   */
  workbookWorkers: z.coerce.number().int().min(0).max(32).default(Math.max(1, Math.min(2, os.availableParallelism() - 1))),
});
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export class ConfigError extends Error {}

function blankToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** Reads the configuration from environment variables (names as in bot/README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse({
    port: blankToUndefined(env.PORT),
    host: blankToUndefined(env.HOST),
    dataDir: blankToUndefined(env.KEKAO_DATA_DIR),
    databaseUrl: blankToUndefined(env.DATABASE_URL),
    databaseSchema: blankToUndefined(env.KEKAO_DB_SCHEMA),
    logLevel: blankToUndefined(env.LOG_LEVEL),
    microsoftAppId: blankToUndefined(env.MicrosoftAppId),
    microsoftAppPassword: blankToUndefined(env.MicrosoftAppPassword),
    addinDir: blankToUndefined(env.KEKAO_ADDIN_DIR),
    maxUploadBytes: blankToUndefined(env.KEKAO_MAX_UPLOAD_BYTES),
    maxJsonBytes: blankToUndefined(env.KEKAO_MAX_JSON_BYTES),
    workbookWorkers: blankToUndefined(env.KEKAO_WORKBOOK_WORKERS),
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      port: 'PORT', host: 'HOST', dataDir: 'KEKAO_DATA_DIR', databaseUrl: 'DATABASE_URL',
      databaseSchema: 'KEKAO_DB_SCHEMA', logLevel: 'LOG_LEVEL', addinDir: 'KEKAO_ADDIN_DIR',
      maxUploadBytes: 'KEKAO_MAX_UPLOAD_BYTES', maxJsonBytes: 'KEKAO_MAX_JSON_BYTES', workbookWorkers: 'KEKAO_WORKBOOK_WORKERS',
    };
    const lines = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      return `环境变量 ${names[field] ?? field} 无效：${i.message} (config.invalid)`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return parsed.data;
}

export function resolveDataDir(config: Config, cwd = process.cwd()): string {
  return path.resolve(cwd, config.dataDir);
}
