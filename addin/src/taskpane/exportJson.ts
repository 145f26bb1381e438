import type { Submission } from '@kekao/core/submission';

/** File name for an exported submission: enterprise and product, safe for every file system. */
export function exportFileName(s: Submission): string {
  const subject = s.rubric === 'reliability-2024' ? `${s.enterprise.name}-${s.product.name}` : s.enterprise.name;
  return `${subject.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'submission'}.kekao.json`;
}

/** Offers the submission as a JSON download (the same JSON `kekao assess` and the service accept). */
export function downloadSubmission(s: Submission): string {
  const name = exportFileName(s);
  const blob = new Blob([`${JSON.stringify(s, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
