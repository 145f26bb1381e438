/** Task-pane texts, Simplified Chinese first, English on the switch. One table, one lookup. */
import type { Bilingual, Lang } from '@kekao/core/i18n';

export type { Lang } from '@kekao/core/i18n';

const TEXTS = {
  title: { zh: '可靠 kekao 评分助手', en: 'kekao scoring pane' },
  modeExcel: { zh: 'Excel 模式：监视工作簿中的 kekao 表格', en: 'Excel mode: watching the kekao tables of this workbook' },
  modeExcelManual: { zh: 'Excel 模式：读取工作簿中的 kekao 表格（手动重算）', en: 'Excel mode: reading the kekao tables of this workbook (recompute by hand)' },
  modePreview: { zh: '预览模式：打开一个 .xlsx 推荐表工作簿（不在 Excel 中运行）', en: 'Preview mode: open an .xlsx workbook (not running inside Excel)' },
  openFile: { zh: '打开工作簿…', en: 'Open workbook…' },
  noTables: {
    zh: '此工作簿中没有找到 kekao 表格（KekaoIc、KekaoId、KekaoIr、KekaoW、KekaoBasic）。',
    en: 'No kekao tables (KekaoIc, KekaoId, KekaoIr, KekaoW, KekaoBasic) found in this workbook.',
  },
  insertSheets: { zh: '插入 kekao 工作表（保留现有工作表）', en: 'Insert the kekao sheets (your sheets are kept)' },
  recompute: { zh: '重新计算', en: 'Recompute' },
  writeScores: { zh: '写入评分表', en: 'Write to 评分表' },
  drawCharts: { zh: '绘制图表', en: 'Draw charts' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  upload: { zh: '上报', en: 'Upload' },
  settings: { zh: '设置', en: 'Settings' },
  serviceUrl: { zh: '服务地址', en: 'Service URL' },
  token: { zh: '访问令牌', en: 'Access token' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  total: { zh: '加权总分', en: 'Weighted total' },
  missingScores: { zh: '尚未填写原始得分', en: 'Raw scores still missing' },
  noneMissing: { zh: '全部原始得分已填写', en: 'All raw scores entered' },
  tier: { zh: '培育梯队', en: 'Incubation tier' },
  suggestedBand: { zh: '建议分档', en: 'Suggested band' },
  unofficial: { zh: '建议值（非官方）', en: 'suggested (unofficial)' },
  noBand: { zh: '无建议（由评审专家判断）', en: 'no suggestion (reviewer judges)' },
  metrics: { zh: '指标值', en: 'Metrics' },
  reasons: { zh: '理由', en: 'Reasons' },
  warnings: { zh: '提示', en: 'Warnings' },
  flags: { zh: '需核实', en: 'To verify' },
  rawScore: { zh: '原始得分', en: 'Raw score' },
  weighted: { zh: '加权得分', en: 'Weighted' },
  weight: { zh: '权重', en: 'Weight' },
  basicUnmet: { zh: '基本要求未满足', en: 'Basic requirements unmet' },
  readErrors: { zh: '读取问题', en: 'Reading problems' },
  readWarnings: { zh: '读取提示', en: 'Reading notes' },
  recomputedIn: { zh: '重算耗时', en: 'Recomputed in' },
  uploadOk: { zh: '已上报，编号', en: 'Uploaded, id' },
  uploadNeedsSettings: { zh: '请先在设置中填写服务地址和访问令牌。', en: 'Set the service URL and token in Settings first.' },
  language: { zh: 'English', en: '中文' },
  wrote: { zh: '已写入评分表', en: 'Written to 评分表' },
  charted: { zh: '已绘制图表', en: 'Charts drawn' },
  inserted: { zh: '已插入 kekao 工作表', en: 'kekao sheets inserted' },
  fileLabel: { zh: '文件', en: 'File' },
} as const;

export type TextKey = keyof typeof TEXTS;

export function t(key: TextKey, lang: Lang): string {
  return TEXTS[key][lang];
}

/** Picks one language of a bilingual object. */
export function pick(b: Bilingual | undefined, lang: Lang): string {
  return b ? b[lang] : '';
}
