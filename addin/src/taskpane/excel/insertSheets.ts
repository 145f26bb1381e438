import type { WorkbookContract } from '@kekao/core/workbook';
import { columnLetter } from '@kekao/core/workbook';
import { reliability2024 } from '@kekao/core/rubrics';

export interface InsertReport {
  /** Sheets added (the user's own sheets are never touched). */
  sheetsAdded: string[];
  /** Tables created, with their address. */
  tablesAdded: Array<{ name: string; address: string }>;
  /** Tables that already existed and were left as they are. */
  tablesKept: string[];
}

/**
 * Inserts the kekao sheets into the open workbook, keeping every sheet the user has: for each
 * contract table that is missing, its sheet (added when absent) gets a title, the header row at
 * the contract's row and an Excel table with the contract's name; a missing 推荐表 gets the field
 * labels in A; a missing 评分表 gets the official layout with the weighted-score formulas
 * (G = F × C, total = SUM), so it works without kekao.
 */
export async function insertKekaoSheets(context: Excel.RequestContext, contract: WorkbookContract): Promise<InsertReport> {
  const report: InsertReport = { sheetsAdded: [], tablesAdded: [], tablesKept: [] };
  const tableProbes = contract.tables.map((spec) => ({ spec, table: context.workbook.tables.getItemOrNullObject(spec.name).load('isNullObject') }));
  const sheetNames = [...new Set([contract.formSheet, ...contract.tables.map((t) => t.sheet), contract.score.sheet])];
  const sheetProbes = new Map(sheetNames.map((n) => [n, context.workbook.worksheets.getItemOrNullObject(n).load('isNullObject')]));
  await context.sync();

  const sheets = new Map<string, Excel.Worksheet>();
  const sheetFor = (name: string): Excel.Worksheet => {
    let s = sheets.get(name);
    if (s) return s;
    const probe = sheetProbes.get(name)!;
    if (probe.isNullObject) {
      s = context.workbook.worksheets.add(name);
      report.sheetsAdded.push(name);
    } else s = probe;
    sheets.set(name, s);
    return s;
  };

  if (sheetProbes.get(contract.formSheet)!.isNullObject) {
    const form = sheetFor(contract.formSheet);
    form.getRange('A1').values = [[contract.title.zh]];
    const first = contract.formFirstRow;
    form.getRange(`A${first}:A${first + contract.form.length - 1}`).values = contract.form.map((f) => [f.label]);
  }

  for (const { spec, table } of tableProbes) {
    if (!table.isNullObject) {
      report.tablesKept.push(spec.name);
      continue;
    }
    const sheet = sheetFor(spec.sheet);
    const last = columnLetter(spec.columns.length);
    sheet.getRange('A1').values = [[spec.description.zh]];
    sheet.getRange(`A${spec.headerRow}:${last}${spec.headerRow}`).values = [spec.columns.map((c) => c.header)];
    const address = `A${spec.headerRow}:${last}${spec.headerRow + Math.max(1, spec.blankRows)}`;
    const created = sheet.tables.add(address, true);
    created.name = spec.name;
    report.tablesAdded.push({ name: spec.name, address: `${spec.sheet}!${address}` });
  }

  if (contract.rubric === 'reliability-2024' && sheetProbes.get(contract.score.sheet)!.isNullObject) {
    const s = contract.score;
    const score = sheetFor(s.sheet);
    score.getRange('A1').values = [['产品质量可靠性评分表']];
    score.getRange(`A${s.headerRow}:${columnLetter(s.headers.length)}${s.headerRow}`).values = [[...s.headers]];
    for (const row of s.rows) {
      const ind = reliability2024.indicators.find((i) => i.code === row.id);
      if (!ind) continue;
      const group = reliability2024.groups.find((g) => g.id === ind.group);
      ind.bands.forEach((b, k) => {
        const r = row.firstRow + k;
        if (r > row.lastRow) return;
        score.getRange(`A${r}:E${r}`).values = [
          [k === 0 ? (group?.name.zh ?? '') : '', k === 0 ? row.label : '', k === 0 ? row.weight : '', b.criterion.zh, `${b.min}~${b.max}`],
        ];
      });
      score.getRange(`${s.columns.weighted}${row.firstRow}`).values = [
        [`=IF(${s.columns.raw}${row.firstRow}="","",${s.columns.raw}${row.firstRow}*${s.columns.weight}${row.firstRow})`],
      ];
    }
    const firstG = `${s.columns.weighted}${s.rows[0]!.firstRow}`;
    const lastG = `${s.columns.weighted}${s.rows[s.rows.length - 1]!.lastRow}`;
    const totalRow = Number(s.totalCell.replace(/^[A-Z]+/, ''));
    score.getRange(`A${totalRow}:${s.columns.weighted}${totalRow}`).values = [['总分', '', '', '', '', '', `=SUM(${firstG}:${lastG})`]];
  }
  await context.sync();
  return report;
}
