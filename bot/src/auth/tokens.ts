import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens: 32 random bytes, base64url, prefixed `kk_` so a leaked token is recognisable. */
export const TOKEN_PREFIX = 'kk_';
const TOKEN_PATTERN = /^kk_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Only this SHA-256 hash is stored: a database dump gives no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
