/**
 * The 推荐表 workbook contract (docs/architecture.md §3): sheet names, Excel tables (ListObjects) with stable
 * names, their columns (English key, Chinese header, accepted header variants), the form fields of
 * the 推荐表 sheet with their cells, and the 评分表 layout. Pure data: the file side (exceljs,
 * workbook/src) and the Excel add-in (office.js) both write and read workbooks through it.
 *
 * Sources: 2025年推荐通知 附件2 (最佳实践推荐表), 附件4 (FMEA应用典型案例推荐表), 附件1/附表
 * (产品质量可靠性评分表), 附件3 (FMEA评价要求); DB31/T 1368—2022 表A.1 (登记表), 表B.1 (评分表).
 */
export type { Bilingual } from '../i18n/bilingual.js';
export * from './contract/workbookKinds.js';
export * from './contract/specTypes.js';
export * from './contract/sheetNames.js';
export * from './contract/enumOptions.js';
export * from './contract/tables.js';
export * from './contract/forms.js';
export * from './contract/scoreSheets.js';
export * from './contract/contracts.js';
