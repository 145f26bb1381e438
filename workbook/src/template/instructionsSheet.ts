/** The 说明 sheet: how to fill in the workbook of a kind, line by line. */
import type ExcelJS from 'exceljs';
import type { WorkbookContract } from '@kekao/core/workbook';
import { FONT } from './sheetStyle.js';

export function writeInstructions(wb: ExcelJS.Workbook, c: WorkbookContract): void {
  const ws = wb.addWorksheet(c.instructionsSheet);
  ws.columns = [{ width: 110 }];
  const lines: string[] = [
    `${c.title.zh} — 填写说明（kekao 可靠）`,
    '',
    `1. 本工作簿可直接用 Excel 或 WPS 填写；“${c.formSheet}”为推荐表，黄色单元格为填写区，C 列显示字数和校验结果。`,
  ];
  if (c.kind === 'best-practice') {
    lines.push(
      '2. “基本要求”对应评分说明（a）：七项均满足才能对 Ic、Id、Ir 评 41 分以上。',
      '3. “Ic数据”：每行一个测量值。阶段 t0 = 出厂时（t＝0，必须提供）；t1、t2… = 使用一段时间后（t﹥0），同时填写使用时间。kekao 按参数和阶段计算均值、标准差和变异系数（CV）及其置信区间。',
      '4. “Id数据”：每行一个样品在一个时间点的测量值；同一参数各行的限值、方向（上限/下限）、额定寿命一致。kekao 拟合退化路径，外推到额定寿命并计算伪失效时间。',
      '5. “Ir数据”：每行一个极限应用场景下一个样品的测量值，并给出判据限值和方向；极限应用场景不少于 3 种，每种至少 1 个样品。一个场景有多种应力时，每种应力各占一行。',
      '6. “W数据”：改进前、改进后各一行：售后责任故障数与暴露量（销量“台”或累计运行“台·小时”）。',
      '7. “评分表”：评分人在“单项原始得分”填写 0～100 分，单项加权得分与总分由公式自动计算；发现数据造假时在“数据造假”填“是”，该指标得 0 分（评分说明 d）。',
    );
  } else if (c.kind === 'fmea') {
    lines.push(
      '2. 案例简介不超过 500 字，案例内容不超过 3000 字（附件4）。',
      '3. “评分表”：评分人按附件3 在“实际分”填写每项得分（不超过标准分），总分由公式自动计算。',
    );
  } else {
    lines.push(
      '2. “经济效益”：攻关前 12 个月与攻关后 12 个月的销售额、利润、节能降耗、创汇节汇（折合人民币）、其他，单位万元（表A.1 填表说明 3、4）。',
      '3. “生态效益”：与攻关成果相关的资源利用、污染物排放或碳排放指标的攻关前后数值（同一单位）。',
      '4. “攻关人员”：按贡献大小次序填写，最多不超过 8 名。',
      '5. “评分表”：评分人按表B.1 在“得分”填写每项得分，总分由公式自动计算。',
    );
  }
  for (const t of c.tables) {
    lines.push('', `【${t.sheet}】表格 ${t.name}：${t.description.zh}`);
    for (const col of t.columns) lines.push(`　${col.header}${col.required ? '（必填）' : ''}：${col.hint.zh}`);
  }
  lines.push(
    '',
    '读入规则：全角数字、千位分隔符、数值后带单位（如 “12.3 V”）、以文本保存的数字、日期序列号、空行、合并单元格、多余或调换顺序的列都能读入，并给出指明单元格的提示；无法读入的内容会报错并指明“工作表!单元格”。',
    '评分：在命令行运行  npx kekao score 本文件.xlsx  查看各指标的计算结果、建议分档（建议值（非官方））和加权总分；kekao 只给出建议，分数由评分人决定。',
    '请勿修改表格名称（Kekao 开头）和列标题；可以增加行。',
  );
  lines.forEach((t, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = t;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { name: FONT, bold: true, size: 14 };
  });
}
