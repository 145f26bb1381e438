import type { ValidationIssue } from '@kekao/core';

/**
 * An error the API answers with: HTTP status and `{ error: { key, zh, en, path?, issues? } }`.
 * `key` is the stable English identifier; `zh` is shown to users; `path` names the field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly zh: string,
    readonly en: string,
    readonly path?: string,
    readonly issues?: ValidationIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${key}: ${en}`);
  }

  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { key: this.key, zh: this.zh, en: this.en };
    if (this.path !== undefined) error.path = this.path;
    if (this.issues && this.issues.length > 0) error.issues = this.issues;
    return { error };
  }
}

/** 422 for a body that failed validation; the first issue names the field. */
export function validationFailed(issues: ValidationIssue[], key = 'validation.failed'): ApiError {
  const first = issues[0];
  const zh = first ? `请求内容无效：${first.zh}${issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : ''}` : '请求内容无效';
  const en = first ? `invalid request: ${first.en}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}` : 'invalid request';
  return new ApiError(422, key, zh, en, first?.path, issues);
}

export const notFound = (what = '资源', whatEn = 'resource') =>
  new ApiError(404, 'notFound', `${what}不存在，或不在您的权限范围内`, `${whatEn} not found, or not in your scope`);

export const forbidden = (zh: string, en: string, key = 'auth.forbidden') => new ApiError(403, key, zh, en);
