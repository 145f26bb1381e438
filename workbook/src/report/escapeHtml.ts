/**
 * Escapes text for HTML/SVG element content and double- or single-quoted attribute values.
 * Entry data is user input (enterprise names, parameter names …): every string that reaches the
 * report goes through here. Control characters other than tab/newline are dropped because they
 * are not allowed in HTML and XML text.
 */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
