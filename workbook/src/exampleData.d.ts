/**
 * The worked examples `kekao template --example` writes: a plausible product family per kind so a
 * new user sees every feature. Numbers come from a seeded generator (reproducible files).
 * The enterprises are fictitious; their 统一社会信用代码 carry a correct GB 32100 check character.
 */
import type { WorkbookKind } from '@kekao/core/workbook';
export interface ExampleContent {
  /** Form values by field key (display values: Chinese labels for drop-downs). */
  form: Record<string, string | number | Date>;
  /** Table rows by table name, as objects keyed by column key (display values). */
  tables: Record<string, Array<Record<string, string | number | Date | null>>>;
  /** Raw scores by indicator code / item id. */
  scores: Record<string, number>;
}
export declare function exampleContent(kind: WorkbookKind): ExampleContent;
