export { writeTemplate, type TemplateOptions } from './writeTemplate.js';
export { readWorkbook, DEFAULT_MAX_ROWS, type ReadWorkbookOptions, type ReadWorkbookResult } from './readWorkbook.js';
export { guardXlsx, DEFAULT_ZIP_LIMITS, WorkbookFileError, type ZipLimits } from './zipGuard.js';
export { exampleContent, type ExampleContent } from './exampleData.js';
export * from './scoredEntry.js';
