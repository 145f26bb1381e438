import type { Submission } from '@kekao/core/submission';
import type { Assessment } from '@kekao/core/scoring';

/** The kind of entry as the programme names it (Annex 5 best practice, Annex 6 FMEA, DB31 project). */
export type EntryKind = 'best-practice' | 'fmea' | 'breakthrough';

export function entryKind(submission: Submission): EntryKind {
  switch (submission.rubric) {
    case 'fmea-case-2025':
      return 'fmea';
    case 'db31-1368-2022':
      return 'breakthrough';
    default:
      return 'best-practice';
  }
}

/** The name of what is recommended: product (Annex 2), case (Annex 4) or project (DB31 A.1). */
export function subjectName(submission: Submission, assessment?: Assessment): string {
  switch (submission.rubric) {
    case 'fmea-case-2025':
      return submission.case?.name ?? assessment?.subject.product ?? '';
    case 'db31-1368-2022':
      return submission.project?.name ?? assessment?.subject.product ?? '';
    default:
      return submission.product?.name ?? assessment?.subject.product ?? '';
  }
}

/** True when the indicator weights are fractions summing to 1 (reliability rubric) rather than points. */
export function weightsAreFractions(assessment: Assessment): boolean {
  const ws = assessment.indicators.map((i) => i.weight);
  return ws.length > 0 && ws.every((w) => w > 0 && w <= 1) && Math.abs(ws.reduce((s, w) => s + w, 0) - 1) < 1e-6;
}
