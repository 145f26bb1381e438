import { z } from 'zod/v4';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BOT_SERVICE_URLS, isLoopbackHost, parseServiceUrlPattern, ServiceUrlPatternError } from './auth/serviceUrlAllowList.js';

/** `1`/`true`/`yes`/`on` and `0`/`false`/`no`/`off` (case-insensitive), as people write switches in env files. */
const envSwitch = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'], { message: '须为 1 或 0（true/false） / must be 1 or 0' }))
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v)),
]);

/** A comma-separated list from the environment, or an array in code. */
const listOf = (item: z.ZodType<string, string>) =>
  z.union([
    z.array(item),
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item)),
  ]);

const serviceUrlPattern = z.string().superRefine((v, ctx) => {
  try {
    parseServiceUrlPattern(v);
  } catch (e) {
    if (!(e instanceof ServiceUrlPatternError)) throw e;
    ctx.addIssue({ code: 'custom', message: `${e.zh} / ${e.en}` });
  }
});

/** Service configuration, read from the environment and validated (a bad value stops the start). */
export const configSchema = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(3978),
    host: z.string().default('0.0.0.0'),
    dataDir: z.string().min(1).default('./data'),
    /** The PostgreSQL connection the service works with (the least-privilege runtime role when one is set up). */
    databaseUrl: z.string().url().optional(),
    /** The schema owner's connection, used only to apply migrations (at start and by `kekao db migrate`). */
    migrationDatabaseUrl: z.string().url().optional(),
    /** PostgreSQL schema to use (tests give each file its own); default: the server's search_path. */
    databaseSchema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'schema name: lowercase letters, digits, _')
      .optional(),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    microsoftAppId: z.string().optional(),
    microsoftAppPassword: z.string().optional(),
    /** Azure Bot registration type; new registrations are single-tenant or a user-assigned managed identity. */
    microsoftAppType: z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        message: '须为 SingleTenant、MultiTenant 或 UserAssignedMSI / must be SingleTenant, MultiTenant or UserAssignedMSI',
      })
      .default('SingleTenant'),
    microsoftAppTenantId: z.string().optional(),
    /**
     * Local-trial mode: the bot takes the identity the chat client claims (Agents Playground, local
     * tests). Refused unless the service listens on a loopback address.
     */
    botDev: envSwitch.default(false),
    /** Where the bot may send messages (allow-list of Bot Framework service URLs; bot/src/auth/serviceUrlAllowList.ts). */
    botServiceUrls: listOf(serviceUrlPattern).default([...DEFAULT_BOT_SERVICE_URLS]),
    /** Built add-in files served at `/` when the folder exists. */
    addinDir: z.string().default('addin/dist'),
    /** Serve the add-in's source maps (`.map`, a development build's); off in production. */
    addinSourceMaps: envSwitch.default(false),
    /**
     * Reverse proxies in front of the service (addresses or CIDR ranges): only their
     * X-Forwarded-For is believed, so limits per client address see the client, not the proxy.
     */
    trustProxy: listOf(z.string().regex(/^[0-9a-fA-F.:/]+$/, '须为 IP 地址或 CIDR 网段 / must be an IP address or CIDR range')).default([]),
    /** Failed authentications one client address may make within a minute before it is refused (429). */
    authFailuresPerMinute: z.coerce.number().int().min(1).max(10_000).default(20),
    /** Largest accepted workbook upload (bytes); JSON bodies have their own limit. */
    maxUploadBytes: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
    maxJsonBytes: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    /**
     * Threads that read uploaded workbooks (0: read on the request thread). One core is left to the
     * request thread: on 2 cores, 2 readers starved it (status reads during an upload burst got slower).
     */
    workbookWorkers: z.coerce
      .number()
      .int()
      .min(0)
      .max(32)
      .default(Math.max(1, Math.min(2, os.availableParallelism() - 1))),
  })
  .superRefine((c, ctx) => {
    const issue = (field: string, zh: string, en: string) => ctx.addIssue({ code: 'custom', path: [field], message: `${zh} / ${en}` });
    if (c.botDev && !isLoopbackHost(c.host)) {
      issue(
        'botDev',
        `本地试用模式只能在本机地址上运行（HOST 须为 127.0.0.1、::1 或 localhost，当前为 ${c.host}）`,
        `the local-trial mode runs on a loopback address only (HOST must be 127.0.0.1, ::1 or localhost; it is ${c.host})`,
      );
    }
    if (c.botDev && c.microsoftAppId) {
      issue(
        'botDev',
        '设置了 MicrosoftAppId 时不能启用本地试用模式：身份只来自 Bot Framework 令牌',
        'the local-trial mode cannot be combined with MicrosoftAppId: identities come from Bot Framework tokens only',
      );
    }
    if (!c.microsoftAppId) return;
    if (c.microsoftAppType !== 'MultiTenant' && !c.microsoftAppTenantId) {
      issue(
        'microsoftAppTenantId',
        `${c.microsoftAppType} 机器人须设置 MicrosoftAppTenantId（Azure 租户 ID）`,
        `a ${c.microsoftAppType} bot needs MicrosoftAppTenantId (the Azure tenant id)`,
      );
    }
    if (c.microsoftAppType === 'UserAssignedMSI' && c.microsoftAppPassword) {
      issue(
        'microsoftAppPassword',
        '托管标识（UserAssignedMSI）不使用 MicrosoftAppPassword，请删除',
        'a managed identity (UserAssignedMSI) takes no MicrosoftAppPassword; remove it',
      );
    }
    if (c.microsoftAppType !== 'UserAssignedMSI' && !c.microsoftAppPassword) {
      issue(
        'microsoftAppPassword',
        `${c.microsoftAppType} 机器人须设置 MicrosoftAppPassword（客户端密码）`,
        `a ${c.microsoftAppType} bot needs MicrosoftAppPassword (the client secret)`,
      );
    }
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
    migrationDatabaseUrl: blankToUndefined(env.KEKAO_MIGRATION_DATABASE_URL),
    databaseSchema: blankToUndefined(env.KEKAO_DB_SCHEMA),
    logLevel: blankToUndefined(env.LOG_LEVEL),
    microsoftAppId: blankToUndefined(env.MicrosoftAppId),
    microsoftAppPassword: blankToUndefined(env.MicrosoftAppPassword),
    microsoftAppType: blankToUndefined(env.MicrosoftAppType),
    microsoftAppTenantId: blankToUndefined(env.MicrosoftAppTenantId),
    botDev: blankToUndefined(env.KEKAO_BOT_DEV),
    botServiceUrls: blankToUndefined(env.KEKAO_BOT_SERVICE_URLS),
    addinDir: blankToUndefined(env.KEKAO_ADDIN_DIR),
    addinSourceMaps: blankToUndefined(env.KEKAO_ADDIN_SOURCE_MAPS),
    authFailuresPerMinute: blankToUndefined(env.KEKAO_AUTH_FAILURES_PER_MINUTE),
    trustProxy: blankToUndefined(env.KEKAO_TRUST_PROXY),
    maxUploadBytes: blankToUndefined(env.KEKAO_MAX_UPLOAD_BYTES),
    maxJsonBytes: blankToUndefined(env.KEKAO_MAX_JSON_BYTES),
    workbookWorkers: blankToUndefined(env.KEKAO_WORKBOOK_WORKERS),
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      port: 'PORT',
      host: 'HOST',
      dataDir: 'KEKAO_DATA_DIR',
      databaseUrl: 'DATABASE_URL',
      migrationDatabaseUrl: 'KEKAO_MIGRATION_DATABASE_URL',
      databaseSchema: 'KEKAO_DB_SCHEMA',
      logLevel: 'LOG_LEVEL',
      addinDir: 'KEKAO_ADDIN_DIR',
      microsoftAppId: 'MicrosoftAppId',
      microsoftAppPassword: 'MicrosoftAppPassword',
      microsoftAppType: 'MicrosoftAppType',
      microsoftAppTenantId: 'MicrosoftAppTenantId',
      botDev: 'KEKAO_BOT_DEV',
      botServiceUrls: 'KEKAO_BOT_SERVICE_URLS',
      addinSourceMaps: 'KEKAO_ADDIN_SOURCE_MAPS',
      authFailuresPerMinute: 'KEKAO_AUTH_FAILURES_PER_MINUTE',
      trustProxy: 'KEKAO_TRUST_PROXY',
      maxUploadBytes: 'KEKAO_MAX_UPLOAD_BYTES',
      maxJsonBytes: 'KEKAO_MAX_JSON_BYTES',
      workbookWorkers: 'KEKAO_WORKBOOK_WORKERS',
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
