import type { Queryable } from '../db/database.js';
import type { Principal, Role } from '../auth/principal.js';
import type { Scope, ScopeLevel } from '../auth/scope.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import { BilingualError } from '@kekao/core/i18n';

export interface NewUser {
  name: string;
  role: Role;
  scope: Scope;
  organisationId?: string | null;
}

export class UserRuleError extends BilingualError {
  constructor(key: string, zh: string, en: string) {
    super(key, zh, en, { message: `${key}: ${en}` });
  }
}

/** Which scope levels each role may hold (mirrors the CHECK constraints of the users table). */
const LEVELS: Record<Role, readonly ScopeLevel[]> = {
  enterprise: ['organisation'],
  officer: ['district', 'city', 'province'],
  reviewer: ['assigned'],
  secretariat: ['all', 'province'],
};

/**
 * Creates a user and returns its bearer token. The token is returned once and never stored:
 * only its SHA-256 hash is.
 */
export async function createUser(db: Queryable, u: NewUser): Promise<{ id: string; token: string }> {
  if (!LEVELS[u.role].includes(u.scope.level)) {
    throw new UserRuleError(
      'user.scopeNotAllowed',
      `角色 ${u.role} 不能使用范围 ${u.scope.level}（可用：${LEVELS[u.role].join('、')}）`,
      `role ${u.role} cannot have scope ${u.scope.level} (allowed: ${LEVELS[u.role].join(', ')})`,
    );
  }
  if (u.role === 'enterprise' && !u.organisationId) {
    throw new UserRuleError('user.organisationRequired', '企业用户须指定所属企业（--org）', 'an enterprise user needs an organisation (--org)');
  }
  const token = generateToken();
  const r = await db.query<{ id: string }>(
    `INSERT INTO users (name, role, scope_level, scope_province, scope_city, scope_district, organisation_id, token_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [u.name, u.role, u.scope.level, u.scope.province ?? null, u.scope.city ?? null, u.scope.district ?? null, u.organisationId ?? null, hashToken(token)],
  );
  return { id: r.rows[0]!.id, token };
}

interface UserJoinRow {
  id: string;
  name: string;
  role: Role;
  scope_level: ScopeLevel;
  scope_province: string | null;
  scope_city: string | null;
  scope_district: string | null;
  organisation_id: string | null;
  uscc: string | null;
  organisation_name: string | null;
}

/** The scope as stored in the users table's scope_* columns. */
export function scopeOfRow(
  r: Pick<UserJoinRow, 'scope_level' | 'scope_province' | 'scope_city' | 'scope_district'> & { organisation_id?: string | null },
): Scope {
  return { level: r.scope_level, province: r.scope_province, city: r.scope_city, district: r.scope_district, organisationId: r.organisation_id };
}

function toPrincipal(r: UserJoinRow): Principal {
  return {
    userId: r.id,
    name: r.name,
    role: r.role,
    scope: scopeOfRow(r),
    organisationId: r.organisation_id,
    organisationUscc: r.uscc,
    organisationName: r.organisation_name,
  };
}

const PRINCIPAL_SQL = `SELECT u.id, u.name, u.role, u.scope_level, u.scope_province, u.scope_city, u.scope_district,
  u.organisation_id, o.uscc, o.name AS organisation_name FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id`;

/** The active user holding this token, or undefined (unknown, forged or disabled). */
export async function principalForToken(db: Queryable, token: string): Promise<Principal | undefined> {
  const r = await db.query<UserJoinRow>(`${PRINCIPAL_SQL} WHERE u.token_hash = $1 AND u.disabled_at IS NULL`, [hashToken(token)]);
  return r.rows[0] ? toPrincipal(r.rows[0]) : undefined;
}

export async function principalForUser(db: Queryable, userId: string): Promise<Principal | undefined> {
  const r = await db.query<UserJoinRow>(`${PRINCIPAL_SQL} WHERE u.id = $1 AND u.disabled_at IS NULL`, [userId]);
  return r.rows[0] ? toPrincipal(r.rows[0]) : undefined;
}

/** The user mapped to a chat identity (e.g. channel 'msteams', the AAD object id) — for the bot. */
export async function principalForIdentity(db: Queryable, channel: string, externalId: string): Promise<Principal | undefined> {
  const r = await db.query<UserJoinRow>(
    `${PRINCIPAL_SQL} JOIN user_identities i ON i.user_id = u.id WHERE i.channel = $1 AND i.external_id = $2 AND u.disabled_at IS NULL`,
    [channel, externalId],
  );
  return r.rows[0] ? toPrincipal(r.rows[0]) : undefined;
}

export async function linkIdentity(db: Queryable, userId: string, channel: string, externalId: string): Promise<void> {
  await db.query(
    `INSERT INTO user_identities (channel, external_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (channel, external_id) DO UPDATE SET user_id = EXCLUDED.user_id`,
    [channel, externalId, userId],
  );
}

/** A chat identity bound to a user (`user_identities`). */
export interface UserIdentity {
  channel: string;
  externalId: string;
}

/** A user as the administrator sees it: never the token hash. */
export interface UserListing {
  id: string;
  name: string;
  role: Role;
  scope: Scope;
  organisation: { id: string; name: string; uscc: string | null } | null;
  identities: UserIdentity[];
  disabled: boolean;
}

interface UserListingRow extends UserJoinRow {
  organisation_name: string | null;
  disabled: boolean;
}

// Columns named one by one so token_hash can never reach a listing.
const LISTING_SQL = `SELECT u.id, u.name, u.role, u.scope_level, u.scope_province, u.scope_city, u.scope_district,
  u.organisation_id, o.name AS organisation_name, o.uscc, (u.disabled_at IS NOT NULL) AS disabled
  FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id`;

function toListing(r: UserListingRow, identities: UserIdentity[]): UserListing {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    scope: scopeOfRow(r),
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '', uscc: r.uscc } : null,
    identities,
    disabled: r.disabled,
  };
}

/** Every user (disabled ones too) with organisation and chat identities, oldest first. */
export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const users = (await db.query<UserListingRow>(`${LISTING_SQL} ORDER BY u.created_at, u.id`)).rows;
  const links = (
    await db.query<{ user_id: string; channel: string; external_id: string }>(
      'SELECT user_id, channel, external_id FROM user_identities ORDER BY channel, external_id',
    )
  ).rows;
  const byUser = new Map<string, UserIdentity[]>();
  for (const l of links) byUser.set(l.user_id, [...(byUser.get(l.user_id) ?? []), { channel: l.channel, externalId: l.external_id }]);
  return users.map((u) => toListing(u, byUser.get(u.id) ?? []));
}

/** One user by id (disabled ones too), or undefined. */
export async function getUserListing(db: Queryable, userId: string): Promise<UserListing | undefined> {
  const row = (await db.query<UserListingRow>(`${LISTING_SQL} WHERE u.id = $1`, [userId])).rows[0];
  if (!row) return undefined;
  const links = (
    await db.query<{ channel: string; external_id: string }>(
      'SELECT channel, external_id FROM user_identities WHERE user_id = $1 ORDER BY channel, external_id',
      [userId],
    )
  ).rows;
  return toListing(
    row,
    links.map((l) => ({ channel: l.channel, externalId: l.external_id })),
  );
}

export type LinkOutcome = { outcome: 'linked' } | { outcome: 'unchanged' } | { outcome: 'linkedToOther'; userId: string };

/**
 * Binds a chat identity to a user unless it is bound already. Unlike `linkIdentity`, never moves an
 * identity from one user to another: the primary key picks one winner even under concurrent calls,
 * and the loser reads back who holds it. Re-binding to the same user changes nothing (no audit row).
 */
export async function linkIdentityIfFree(db: Queryable, userId: string, channel: string, externalId: string): Promise<LinkOutcome> {
  const inserted = await db.query(
    `INSERT INTO user_identities (channel, external_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (channel, external_id) DO NOTHING RETURNING user_id`,
    [channel, externalId, userId],
  );
  if (inserted.rows.length > 0) return { outcome: 'linked' };
  const holder = (await db.query<{ user_id: string }>('SELECT user_id FROM user_identities WHERE channel = $1 AND external_id = $2', [channel, externalId]))
    .rows[0];
  if (!holder) throw new Error('user_identities: conflicting row vanished');
  return holder.user_id === userId ? { outcome: 'unchanged' } : { outcome: 'linkedToOther', userId: holder.user_id };
}
