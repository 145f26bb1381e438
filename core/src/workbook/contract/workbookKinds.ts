/** The three workbook kinds, the rubric each is assessed with, and how a workbook names its kind. */
export const WORKBOOK_KINDS = ['best-practice', 'fmea', 'breakthrough'] as const;
export type WorkbookKind = (typeof WORKBOOK_KINDS)[number];

/** The rubric each workbook kind is assessed with. */
export const RUBRIC_OF_KIND: Record<WorkbookKind, 'reliability-2024' | 'fmea-case-2025' | 'db31-1368-2022'> = {
  'best-practice': 'reliability-2024',
  fmea: 'fmea-case-2025',
  breakthrough: 'db31-1368-2022',
};

/** Written to the workbook's document property "subject" so a reader knows the kind without guessing. */
export const KIND_MARKER_PREFIX = 'kekao-workbook:';

export function isWorkbookKind(s: string): s is WorkbookKind {
  return (WORKBOOK_KINDS as readonly string[]).includes(s);
}
