/**
 * Runtime checks of Office requirement sets and what the pane does without them.
 *
 * The manifests declare only the sets kekao cannot work without (Microsoft's advice: declare the
 * minimum in the manifest, check for anything more at run time, "Specify Office applications and
 * API requirements"). Optional features call `supportsSet` with literal arguments right where they
 * use the newer API — addin/tools/apiSets.ts reads those calls to prove every newer API is guarded.
 */
import type { Lang } from '@kekao/core/i18n';

/** Office.context.requirements.isSetSupported, or false where office.js is absent (preview mode). */
export function supportsSet(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === 'function' ? requirements.isSetSupported(name, version) : false;
}

/** A feature that needs a newer requirement set than the manifests declare, and the notice without it. */
export interface OptionalFeature {
  id: 'liveRecompute' | 'chartLines';
  set: string;
  version: string;
  zh: string;
  en: string;
}

export const OPTIONAL_FEATURES: readonly OptionalFeature[] = [
  {
    id: 'liveRecompute',
    set: 'ExcelApi',
    version: '1.7',
    zh: '修改表格后请点“重新计算”',
    en: 'click Recompute after editing a table',
  },
  {
    id: 'chartLines',
    set: 'ExcelApi',
    version: '1.7',
    zh: '图表中的拟合线和限值显示为散点',
    en: 'fitted paths and limits are drawn as points',
  },
];

/** The features this Excel lacks, checked once through office.js. */
export function missingFeatures(supports: (name: string, version: string) => boolean = supportsSet): OptionalFeature[] {
  return OPTIONAL_FEATURES.filter((f) => !supports(f.set, f.version));
}

/**
 * One line for the pane: which set is missing and what that changes, or null when nothing is.
 * E.g. 此版本 Excel 不支持 ExcelApi 1.7：修改表格后请点“重新计算”；图表中的拟合线和限值显示为散点。
 */
export function compatibilityNotice(missing: readonly OptionalFeature[], lang: Lang): string | null {
  if (!missing.length) return null;
  const sets = [...new Set(missing.map((f) => `${f.set} ${f.version}`))].join(', ');
  return lang === 'zh'
    ? `此版本 Excel 不支持 ${sets}：${missing.map((f) => f.zh).join('；')}。`
    : `This Excel lacks ${sets}: ${missing.map((f) => f.en).join('; ')}.`;
}
