import { z } from 'zod/v4';
import type { CliCommand, CliIO } from '../io.js';
import { UserError } from '../io.js';
import { parseArgs, stringFlag, type OptionSpecs, type ParsedArgs } from '../args.js';
import { withServiceDatabase } from './serviceDb.js';
import { ROLES, type Role } from '@kekao/service/auth';
import { formatScope, parseScope, ScopeSyntaxError } from '@kekao/service/auth';
import { createUser, getUserListing, linkIdentityIfFree, listUsers, UserRuleError, type UserListing } from '@kekao/service/store';
import { findOrCreateOrganisation } from '@kekao/service/store';
import { USER_ID_RE, WECOM_CHANNEL, wecomExternalId } from '@kekao/service/channels';
import { validateUscc } from '@kekao/core/workbook';
import type { Bilingual } from '@kekao/core/i18n';

const USAGE_ADD =
  'users add --role R --scope S --name N [--org ORG --uscc C --province P --city C --district D]  (reviewer: --org and --uscc of the affiliation, for recusal)';
const USAGE_LINK = 'users link --user USER_ID --teams AAD_OBJECT_ID [--channel msteams]';
const USAGE_LINK_WECOM = 'users link --user USER_ID --wecom USERID [--corp CORPID]';
const USAGE_LIST = 'users list [--json]';
const USAGE_LINES = [USAGE_ADD, USAGE_LINK, USAGE_LINK_WECOM, USAGE_LIST];

const text = { type: 'string' } as const;
/** The options each subcommand accepts; anything else is refused naming the valid ones. */
const ADD_OPTIONS: OptionSpecs = { role: text, scope: text, name: text, org: text, uscc: text, province: text, city: text, district: text };
const LINK_OPTIONS: OptionSpecs = { user: text, teams: text, channel: text, wecom: text, corp: text };
const LIST_OPTIONS: OptionSpecs = { json: { type: 'boolean' } };

function usageError(): UserError {
  return new UserError('cli.usage', `用法：\n${USAGE_LINES.map((u) => `  kekao ${u}`).join('\n')}`, 'usage: kekao users add | link | list (options above)', 2);
}

/**
 * `kekao users add`: creates a user of the service and prints its bearer token ONCE. Only the
 * token's SHA-256 hash is stored; a lost token is replaced by adding the user again.
 * `kekao users link`: binds a Teams account (AAD object id) or a WeCom member (CorpID/UserID) to a
 * user, so the bot knows its role.
 * `kekao users list`: users with scope, organisation and bound chat accounts (never token hashes).
 */
export const usersCommand: CliCommand = {
  name: 'users',
  summary: {
    zh: '服务用户：添加（令牌只显示一次）、绑定 Teams / 企业微信账号、列出',
    en: 'service users: add (token shown once), link a Teams or WeCom account, list',
  },
  usage: 'users add … | link --user ID --teams AAD | --wecom USERID | list [--json]',
  usageDetails: USAGE_LINES,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'add') return addUser(rest, io);
    if (sub === 'link') return linkUser(rest, io);
    if (sub === 'list') return listUsersCommand(rest, io);
    throw usageError();
  },
};

async function addUser(rest: string[], io: CliIO): Promise<number> {
  const p = parseArgs(rest, ADD_OPTIONS);
  const role = stringFlag(p, 'role');
  const scopeText = stringFlag(p, 'scope');
  const name = stringFlag(p, 'name');
  if (!role || !ROLES.includes(role as Role)) {
    throw new UserError('users.role', `--role 须为 ${ROLES.join('、')} 之一`, `--role must be one of ${ROLES.join(', ')}`, 2);
  }
  if (!scopeText)
    throw new UserError('users.scope', '缺少 --scope（org、assigned、all、province:上海、city:河北/石家庄、district:上海/浦东新区）', 'missing --scope', 2);
  if (!name?.trim()) throw new UserError('users.name', '缺少 --name', 'missing --name', 2);
  let scope;
  try {
    scope = parseScope(scopeText);
  } catch (e) {
    if (e instanceof ScopeSyntaxError) throw new UserError('users.scopeSyntax', `--scope 格式：${e.message}`, `--scope syntax: ${e.message}`, 2);
    throw e;
  }
  const orgName = stringFlag(p, 'org');
  if (role === 'reviewer') checkReviewerAffiliation(orgName, stringFlag(p, 'uscc'), io);
  const created = await withServiceDatabase((db) =>
    db.transaction(
      async (tx) => {
        let organisationId: string | undefined;
        if (orgName) {
          const org = await findOrCreateOrganisation(tx, {
            kind: role === 'enterprise' ? 'enterprise' : role === 'officer' ? 'bureau' : 'institution',
            name: orgName,
            uscc: stringFlag(p, 'uscc'),
            province: stringFlag(p, 'province'),
            city: stringFlag(p, 'city'),
            district: stringFlag(p, 'district'),
          });
          organisationId = org.id;
        }
        try {
          return { ...(await createUser(tx, { name: name.trim(), role: role as Role, scope, organisationId })), organisationId };
        } catch (e) {
          if (e instanceof UserRuleError) throw new UserError(e.key, e.zh, e.en, 2);
          throw e;
        }
      },
      { actor: 'cli:users-add' },
    ),
  );
  io.out(`已添加用户 / user added: ${name.trim()} (${role}, ${formatScope(scope)})\n`);
  io.out(`用户编号 / user id: ${created.id}\n`);
  if (created.organisationId) io.out(`所属单位编号 / organisation id: ${created.organisationId}\n`);
  io.out(`访问令牌（只显示这一次，请妥善保存）/ bearer token (shown once, keep it safe):\n${created.token}\n`);
  return 0;
}

/**
 * A reviewer's affiliation decides recusal (DB31/T 1368—2022 §5.2): by 统一社会信用代码 when known,
 * otherwise only by the organisation's name. A USCC given must pass GB 32100's check (a typo would
 * tie the reviewer to the wrong organisation); a missing one is allowed but warned about.
 */
function checkReviewerAffiliation(orgName: string | undefined, uscc: string | undefined, io: CliIO): void {
  if (!orgName?.trim()) {
    io.err('警告：未提供评审专家的所属单位（--org），无法判断回避。/ warning: no affiliation (--org) for this reviewer: recusal cannot be checked.\n');
    return;
  }
  if (!uscc?.trim()) {
    io.err(
      `警告：未提供所属单位“${orgName.trim()}”的统一社会信用代码（--uscc），回避只能按单位名称判断。/ warning: no USCC (--uscc) for the affiliation "${orgName.trim()}": recusal can only match it by name.\n`,
    );
    return;
  }
  const check = validateUscc(uscc.trim().toUpperCase());
  if (!check.ok) throw new UserError(check.key, `--uscc：${check.zh}`, `--uscc: ${check.en}`, 2);
}

/** 8-4-4-4-12 hexadecimal digits, lowercase after normalising (Teams sends aadObjectId in lowercase). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The Microsoft 365 Agents Playground's default user (`currentUser.aadObjectId` of its built-in
 * configuration). It is not a GUID (13 digits in the last group), but it is what the Playground
 * sends; README.md (在 Teams 中使用) links it to a trial user for the local-trial mode
 * (KEKAO_BOT_DEV=1, loopback only) — no other mode believes a claimed identity.
 */
export const AGENTS_PLAYGROUND_AAD_OBJECT_ID = '00000000-0000-0000-0000-0000000000020';

const linkArgsSchema = z.strictObject({
  user: z.string().trim().toLowerCase().regex(GUID),
  teams: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => GUID.test(v) || v === AGENTS_PLAYGROUND_AAD_OBJECT_ID),
  channel: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9._-]{0,31}$/)
    .default('msteams'),
});

/** A WeCom member: the UserID of the admin console and the enterprise (default KEKAO_WECOM_CORP_ID). */
const wecomLinkArgsSchema = z.strictObject({
  user: z.string().trim().toLowerCase().regex(GUID),
  wecom: z.string().trim().regex(USER_ID_RE),
  corp: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/),
});

const listArgsSchema = z.strictObject({ json: z.literal(true).optional() });

/** What to say when an option is missing or malformed, by option name. */
const OPTION_PROBLEMS: Record<string, { key: string; missing: [string, string]; invalid: (v: string) => [string, string] }> = {
  user: {
    key: 'users.userId',
    missing: ['缺少 --user（用户编号，见 kekao users list）', 'missing --user (the user id, see kekao users list)'],
    invalid: (v) => [`--user "${v}" 不是用户编号（UUID，见 kekao users list）`, `--user "${v}" is not a user id (a UUID, see kekao users list)`],
  },
  teams: {
    key: 'users.teamsId',
    missing: ['缺少 --teams（Teams 用户的 AAD 对象 ID）', "missing --teams (the Teams user's AAD object id)"],
    invalid: (v) => [
      `--teams "${v}" 不是 AAD 对象 ID（GUID，形如 xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx）`,
      `--teams "${v}" is not an AAD object id (a GUID, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`,
    ],
  },
  wecom: {
    key: 'users.wecomId',
    missing: ['缺少 --wecom（企业微信成员的 UserID，即管理后台“账号”）', "missing --wecom (the WeCom member's UserID, the admin console's 账号)"],
    invalid: (v) => [
      `--wecom "${v}" 不是企业微信 UserID（1–64 位字母、数字或 _-@.，以字母或数字开头）`,
      `--wecom "${v}" is not a WeCom UserID (1–64 letters, digits or _-@., starting with a letter or digit)`,
    ],
  },
  corp: {
    key: 'users.wecomCorp',
    missing: ['缺少 --corp（企业ID，CorpID），或设置环境变量 KEKAO_WECOM_CORP_ID', 'missing --corp (the CorpID), or set KEKAO_WECOM_CORP_ID'],
    invalid: (v) => [`--corp "${v}" 不是企业ID（CorpID，字母和数字）`, `--corp "${v}" is not a CorpID (letters and digits)`],
  },
  channel: {
    key: 'users.channel',
    missing: ['缺少 --channel', 'missing --channel'],
    invalid: (v) => [`--channel "${v}" 不是渠道名（小写字母，如 msteams）`, `--channel "${v}" is not a channel name (lowercase, e.g. msteams)`],
  },
  json: {
    key: 'users.json',
    missing: ['', ''],
    invalid: () => ['--json 不带值', '--json takes no value'],
  },
};

/** Validates the options of a subcommand with `schema`; the first problem becomes a UserError naming the option. */
function parseOptions<T>(p: ParsedArgs, schema: z.ZodType<T>): T {
  if (p.positional.length) throw usageError();
  const given = { ...p.values };
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  // A mistyped option (--tems) explains the missing one (--teams): report it first.
  const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `--${k}`).join(', ');
    throw new UserError('cli.unknownOption', `未知参数 ${names}`, `unknown option ${names}`, 2);
  }
  const option = String(issue.path[0]);
  const problem = OPTION_PROBLEMS[option];
  if (!problem) throw usageError();
  const value = given[option];
  const [zh, en] = value === undefined ? problem.missing : problem.invalid(String(value));
  throw new UserError(problem.key, zh, en, 2);
}

function describeUser(u: UserListing): string {
  return `${u.name} (${u.role}, ${formatScope(u.scope)}, ${u.id})`;
}

/** The account to link: a Teams AAD object id (`--teams`) or a WeCom member (`--wecom`, `--corp`). */
function linkTarget(rest: string[]): { userId: string; channel: string; externalId: string; option: string; given: string; account: Bilingual } {
  const p = parseArgs(rest, LINK_OPTIONS);
  if (p.values.wecom !== undefined) {
    if (p.values.teams !== undefined) throw new UserError('users.oneAccount', '--teams 与 --wecom 只能选一个', 'give either --teams or --wecom, not both', 2);
    const corpFromEnv = process.env.KEKAO_WECOM_CORP_ID?.trim();
    if (p.values.corp === undefined && corpFromEnv) p.values.corp = corpFromEnv;
    const { user, wecom, corp } = parseOptions(p, wecomLinkArgsSchema);
    return {
      userId: user,
      channel: WECOM_CHANNEL,
      externalId: wecomExternalId(corp, wecom),
      option: '--wecom',
      given: wecom,
      account: { zh: '企业微信账号', en: 'WeCom account' },
    };
  }
  const { user, teams, channel } = parseOptions(p, linkArgsSchema);
  return { userId: user, channel, externalId: teams, option: '--teams', given: teams, account: { zh: 'Teams 账号', en: 'Teams account' } };
}

async function linkUser(rest: string[], io: CliIO): Promise<number> {
  const { userId, channel, externalId, option, given, account } = linkTarget(rest);
  const result = await withServiceDatabase((db) =>
    db.transaction(
      async (tx) => {
        const user = await getUserListing(tx, userId);
        if (!user) {
          throw new UserError(
            'users.unknownUser',
            `--user ${userId}：没有这个用户（用 kekao users list 查看用户编号）`,
            `--user ${userId}: no such user (see kekao users list)`,
            2,
          );
        }
        const link = await linkIdentityIfFree(tx, userId, channel, externalId);
        if (link.outcome === 'linkedToOther') {
          const holder = await getUserListing(tx, link.userId);
          const who = holder ? describeUser(holder) : link.userId;
          throw new UserError(
            'users.identityLinkedToOther',
            `${option} ${given} 已绑定到另一用户 ${who}；一个${account.zh}只能绑定一个用户`,
            `${option} ${given} is already linked to another user, ${who}; a ${account.en} maps to one user only`,
          );
        }
        return { user, outcome: link.outcome };
      },
      { actor: 'cli:users-link' },
    ),
  );
  const target = `${channel} ${externalId} → ${describeUser(result.user)}`;
  if (result.outcome === 'linked') io.out(`已绑定 / linked: ${target}\n`);
  else io.out(`已是此绑定，未作更改 / already linked, nothing changed: ${target}\n`);
  if (result.user.disabled)
    io.err(`注意：该用户已停用，机器人不会认出此账号 (users.userDisabled: the user is disabled; the bot will not recognise this account)\n`);
  return 0;
}

async function listUsersCommand(rest: string[], io: CliIO): Promise<number> {
  const { json } = parseOptions(parseArgs(rest, LIST_OPTIONS), listArgsSchema);
  const users = await withServiceDatabase((db) => listUsers(db));
  if (json) {
    const out = users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      scope: formatScope(u.scope),
      organisation: u.organisation,
      identities: u.identities,
      disabled: u.disabled,
    }));
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  if (!users.length) {
    io.out('尚无用户（用 kekao users add 添加）/ no users yet (add one with kekao users add)\n');
    return 0;
  }
  io.out(`用户 / users: ${users.length}\n`);
  for (const u of users) {
    io.out(`\n${u.name}  ${u.role}  ${formatScope(u.scope)}${u.disabled ? '  已停用 / disabled' : ''}\n`);
    io.out(`  用户编号 / id: ${u.id}\n`);
    const org = u.organisation;
    io.out(`  所属单位 / organisation: ${org ? `${org.name}${org.uscc ? ` (${org.uscc})` : ''}, ${org.id}` : '—'}\n`);
    io.out(`  绑定账号 / linked: ${u.identities.map((i) => `${i.channel} ${i.externalId}`).join(', ') || '—'}\n`);
  }
  return 0;
}
