/**
 * The two languages of every user-facing text: Simplified Chinese first, English available.
 * Defined once here so that core, the workbook layer, the add-in and the service all speak of the
 * same thing.
 */
export type Lang = 'zh' | 'en';

/** One text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
