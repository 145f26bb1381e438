import { type WorkbookKind } from '@kekao/core/workbook';
export { validations } from './template/dataValidation.js';
export interface TemplateOptions {
  example?: boolean;
}
/** Writes the template (or, with `example`, the worked example) of a workbook kind as .xlsx bytes. */
export declare function writeTemplate(kind: WorkbookKind, opts?: TemplateOptions): Promise<Buffer>;
