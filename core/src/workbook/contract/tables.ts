/**
 * The Excel tables (ListObjects) of the workbooks: the reliability data tables Ic, Id, Ir, W and the
 * basic requirements (附件1), and the finance, ecology and team tables of the DB31/T 1368 登记表 (表A.1).
 */
import type { Bilingual } from '../../i18n/bilingual.js';
import {
  DIRECTION_OPTIONS,
  EXPOSURE_UNIT_OPTIONS,
  FINANCE_PERIOD_OPTIONS,
  MODEL_OPTIONS,
  STRESS_OPTIONS,
  W_PERIOD_OPTIONS,
  YES_NO_OPTIONS,
} from './enumOptions.js';
import { SHEET } from './sheetNames.js';
import type { ColumnSpec, ColumnType, TableSpec } from './specTypes.js';

function col(
  key: string,
  header: string,
  type: ColumnType,
  required: boolean,
  width: number,
  hint: Bilingual,
  extra: Partial<Pick<ColumnSpec, 'enumValues' | 'min' | 'minExclusive'>> & { aliases?: string[] } = {},
): ColumnSpec {
  const { aliases = [], ...rest } = extra;
  return { key, header, type, required, width, hint, aliases, ...rest };
}

const HEADER_ROW = 3;

export const IC_TABLE: TableSpec = {
  name: 'KekaoIc',
  sheet: SHEET.ic,
  sheetAliases: ['Ic', 'IC数据', 'Ic 数据', '关键性能一致性'],
  headerRow: HEADER_ROW,
  blankRows: 1,
  description: {
    zh: '关键性能一致性（Ic）测量数据：每行一个样品在一个阶段的一个测量值。阶段 t0 = 出厂时（t＝0），t1、t2… = 使用一段时间后（t﹥0）。',
    en: 'Ic measurements: one row per sample, stage and value. Stage t0 = at delivery (t = 0); t1, t2 … = after a period of use (t > 0).',
  },
  columns: [
    col(
      'parameter',
      '参数',
      'text',
      true,
      16,
      { zh: '关键性能参数名称，如 输出电压', en: 'key performance parameter' },
      { aliases: ['参数名称', '关键性能参数', '性能参数', 'param'] },
    ),
    col('unit', '单位', 'text', false, 8, { zh: '参数单位，如 V', en: 'unit' }, { aliases: ['参数单位'] }),
    col(
      'stage',
      '阶段',
      'text',
      true,
      8,
      { zh: 't0 = 出厂时；t1、t2… = 使用一段时间后', en: 't0 = at delivery; t1 … = after use' },
      { aliases: ['测试阶段', '时间阶段'] },
    ),
    col(
      'usageHours',
      '使用时间(h)',
      'number',
      false,
      12,
      { zh: '测量前累计使用时间，t0 为 0', en: 'usage before the measurement (0 at t0)' },
      { aliases: ['使用时间', '使用时长(h)', '使用时间(小时)', 'usage'], min: 0 },
    ),
    col('sample', '样品编号', 'text', false, 12, { zh: '样品编号（可选）', en: 'sample id' }, { aliases: ['样品', '样品号', '编号', 'sampleId'] }),
    col('value', '测量值', 'number', true, 12, { zh: '测量值（数值，单位见“单位”列）', en: 'measured value' }, { aliases: ['测试值', '数值', '测量结果'] }),
    col(
      'resolution',
      '分辨率',
      'number',
      false,
      10,
      { zh: '仪器分辨率（可选，用于数据核实）', en: 'instrument resolution' },
      { aliases: ['仪器分辨率', '最小分度'], min: 0, minExclusive: true },
    ),
  ],
};

export const ID_TABLE: TableSpec = {
  name: 'KekaoId',
  sheet: SHEET.id,
  sheetAliases: ['Id', 'ID数据', 'Id 数据', '关键性能退化量'],
  headerRow: HEADER_ROW,
  blankRows: 1,
  description: {
    zh: '关键性能退化量（Id）数据：每行一个样品在一个时间点的测量值；同一参数的限值、方向、额定寿命在各行一致。',
    en: 'Id data: one row per unit and time; limit, direction and rated life are the same on every row of a parameter.',
  },
  columns: [
    col('parameter', '参数', 'text', true, 16, { zh: '关键性能参数名称', en: 'parameter' }, { aliases: ['参数名称', '关键性能参数', '性能参数'] }),
    col('unit', '单位', 'text', false, 8, { zh: '参数单位', en: 'unit' }, { aliases: ['参数单位'] }),
    col('limit', '限值', 'number', true, 10, { zh: '规格限（伪失效阈值）', en: 'spec limit' }, { aliases: ['规格限', '失效阈值', '阈值'] }),
    col(
      'direction',
      '方向',
      'enum',
      true,
      8,
      { zh: '上限 = 不得超过限值；下限 = 不得低于限值', en: 'max = must stay ≤ limit; min = must stay ≥ limit' },
      { enumValues: DIRECTION_OPTIONS, aliases: ['限值方向', '限值类型'] },
    ),
    col(
      'ratedLife',
      '额定寿命(h)',
      'number',
      true,
      12,
      { zh: '额定（设计）寿命，与“时间”同单位', en: 'rated life, same unit as time' },
      { aliases: ['额定寿命', '设计寿命', '寿命(h)'], min: 0, minExclusive: true },
    ),
    col(
      'model',
      '退化模型',
      'enum',
      false,
      10,
      { zh: '自动/线性/指数/幂律/对数', en: 'auto/linear/exponential/power/logarithmic' },
      { enumValues: MODEL_OPTIONS, aliases: ['模型'] },
    ),
    col('unitId', '样品编号', 'text', true, 10, { zh: '样品编号', en: 'unit id' }, { aliases: ['样品', '样品号', '编号'] }),
    col(
      'time',
      '时间(h)',
      'number',
      true,
      10,
      { zh: '累计试验/使用时间', en: 'time' },
      { aliases: ['时间', '试验时间(h)', '使用时间(h)', '时间(小时)'], min: 0 },
    ),
    col('value', '测量值', 'number', true, 12, { zh: '测量值', en: 'measured value' }, { aliases: ['测试值', '数值'] }),
    col(
      'baseline',
      '基准值',
      'number',
      false,
      10,
      { zh: '名义值/初始值（可选；缺省为各样品首个时间点的值）', en: 'baseline (optional)' },
      { aliases: ['初始值', '名义值'] },
    ),
    col(
      'resolution',
      '分辨率',
      'number',
      false,
      10,
      { zh: '仪器分辨率（可选）', en: 'instrument resolution' },
      { aliases: ['仪器分辨率'], min: 0, minExclusive: true },
    ),
  ],
};

export const IR_TABLE: TableSpec = {
  name: 'KekaoIr',
  sheet: SHEET.ir,
  sheetAliases: ['Ir', 'IR数据', 'Ir 数据', '关键性能可靠域'],
  headerRow: HEADER_ROW,
  blankRows: 1,
  description: {
    zh: '关键性能可靠域（Ir）数据：每行一个极限应用场景下一个样品的测量值。一个场景有多种应力时，每种应力各占一行（同一样品编号的测量值只计一次）。',
    en: 'Ir data: one row per scenario and sample. A scenario with several stresses has one row per stress (a sample id is counted once).',
  },
  columns: [
    col('scenario', '场景', 'text', true, 18, { zh: '极限应用场景名称', en: 'scenario' }, { aliases: ['应用场景', '极限应用场景', '场景名称'] }),
    col(
      'category',
      '应力类别',
      'enum',
      false,
      10,
      { zh: '高温、低温、湿热、振动、电源电压…', en: 'stress category' },
      { enumValues: STRESS_OPTIONS, aliases: ['应力类型', '应力'] },
    ),
    col('level', '应力水平', 'number', false, 10, { zh: '试验应力量值', en: 'stress level' }, { aliases: ['应力量值', '试验应力'] }),
    col('rated', '额定水平', 'number', false, 10, { zh: '产品额定（规格）应力量值', en: 'rated level' }, { aliases: ['额定应力', '规格应力'] }),
    col('stressUnit', '应力单位', 'text', false, 8, { zh: '如 ℃、g、V', en: 'stress unit' }, { aliases: [] }),
    col('parameter', '性能参数', 'text', false, 14, { zh: '被判定的关键性能参数', en: 'performance parameter' }, { aliases: ['参数', '关键性能参数'] }),
    col('unit', '参数单位', 'text', false, 8, { zh: '性能参数单位', en: 'parameter unit' }, { aliases: ['单位'] }),
    col('sample', '样品编号', 'text', false, 10, { zh: '样品编号', en: 'sample id' }, { aliases: ['样品', '编号'] }),
    col('value', '测量值', 'number', true, 12, { zh: '该场景下的性能测量值', en: 'measured value' }, { aliases: ['测试值', '数值'] }),
    col('limit', '限值', 'number', true, 10, { zh: '性能判据限值', en: 'limit' }, { aliases: ['判据', '规格限'] }),
    col('direction', '方向', 'enum', true, 8, { zh: '上限 / 下限', en: 'max / min' }, { enumValues: DIRECTION_OPTIONS, aliases: ['限值方向'] }),
    col(
      'resolution',
      '分辨率',
      'number',
      false,
      10,
      { zh: '仪器分辨率（可选）', en: 'instrument resolution' },
      { aliases: ['仪器分辨率'], min: 0, minExclusive: true },
    ),
  ],
};

export const W_TABLE: TableSpec = {
  name: 'KekaoW',
  sheet: SHEET.w,
  sheetAliases: ['W', 'W 数据', '售后故障'],
  headerRow: HEADER_ROW,
  blankRows: 2,
  description: {
    zh: '售后责任故障数（率）（W）：改进前、改进后各一行，故障数与暴露量（销量或台·小时）。',
    en: 'W: one row before and one after improvement, with failures and exposure (units sold or unit-hours).',
  },
  columns: [
    col('period', '时期', 'enum', true, 10, { zh: '改进前 / 改进后', en: 'before / after' }, { enumValues: W_PERIOD_OPTIONS, aliases: ['阶段'] }),
    col('label', '说明', 'text', false, 20, { zh: '统计口径，如 2022年全年', en: 'label' }, { aliases: ['统计口径', '标签'] }),
    col('start', '起始日期', 'date', false, 12, { zh: '统计起始日期（可选）', en: 'start date' }, { aliases: ['开始日期'] }),
    col('end', '截止日期', 'date', false, 12, { zh: '统计截止日期（可选）', en: 'end date' }, { aliases: ['结束日期'] }),
    col(
      'failures',
      '责任故障数',
      'integer',
      true,
      10,
      { zh: '售后责任故障数（整数）', en: 'liability failures' },
      { aliases: ['故障数', '售后责任故障数'], min: 0 },
    ),
    col(
      'exposure',
      '暴露量',
      'number',
      true,
      12,
      { zh: '销量（台）或累计运行（台·小时）', en: 'exposure' },
      { aliases: ['销量', '保有量', '投放量'], min: 0, minExclusive: true },
    ),
    col(
      'exposureUnit',
      '暴露量单位',
      'enum',
      true,
      10,
      { zh: '台 / 台·小时 / 台·年', en: 'units / unit-hours / unit-years' },
      { enumValues: EXPOSURE_UNIT_OPTIONS, aliases: ['单位'] },
    ),
  ],
};

export const BASIC_TABLE: TableSpec = {
  name: 'KekaoBasic',
  sheet: SHEET.basic,
  sheetAliases: ['基本要求(a)', '基本要求（a）'],
  headerRow: HEADER_ROW,
  blankRows: 0,
  description: {
    zh: '评分说明（a）：专业指标评价的“基本要求”。任何一项不满足时，Ic、Id、Ir 只能评 0～40 分。',
    en: 'Note (a): basic requirements of the professional indicators; if any is unmet, Ic, Id and Ir are limited to 0–40.',
  },
  columns: [
    col('key', '代码', 'text', true, 16, { zh: '要求代码（勿改）', en: 'requirement key (do not edit)' }, { aliases: ['编码'] }),
    col('requirement', '基本要求', 'text', false, 30, { zh: '要求内容', en: 'requirement' }, { aliases: ['要求'] }),
    col('met', '是否满足', 'boolean', false, 10, { zh: '是 / 否', en: 'yes / no' }, { enumValues: YES_NO_OPTIONS, aliases: ['满足', '结论'] }),
    col('evidence', '说明或证据', 'text', false, 40, { zh: '支撑材料、报告编号等', en: 'evidence' }, { aliases: ['证据', '说明'] }),
  ],
};

const moneyCol = (key: string, header: string, aliases: string[]) =>
  col(key, header, 'number', false, 12, { zh: `${header}（万元）`, en: `${key} (10k CNY)` }, { aliases: [`${header}(万元)`, ...aliases] });

export const FINANCE_TABLE: TableSpec = {
  name: 'KekaoFinance',
  sheet: SHEET.finance,
  sheetAliases: ['财务数据', '经济效益数据'],
  headerRow: HEADER_ROW,
  blankRows: 0,
  description: {
    zh: '表A.1 质量攻关成效（万元）：攻关前12月、攻关后12月的销售额、利润、节能降耗、创汇节汇（折合人民币）、其他。',
    en: 'Table A.1 results (10k CNY): sales, profit, cost reduction, forex earned/saved, other — 12 months before and after.',
  },
  columns: [
    col('period', '时期', 'enum', true, 14, { zh: '攻关前12月 / 攻关后12月', en: 'before / after' }, { enumValues: FINANCE_PERIOD_OPTIONS, aliases: ['期间'] }),
    moneyCol('sales', '销售额', ['销售收入']),
    moneyCol('profit', '利润', ['利润额']),
    moneyCol('costReduction', '节能降耗', ['降低成本', '降本']),
    moneyCol('forexSaving', '创汇节汇', ['节汇创汇']),
    moneyCol('other', '其他', ['其它']),
  ],
};

export const ECOLOGY_TABLE: TableSpec = {
  name: 'KekaoEcology',
  sheet: SHEET.ecology,
  sheetAliases: ['绿色指标'],
  headerRow: HEADER_ROW,
  blankRows: 1,
  description: {
    zh: '表B.1 生态效益：与攻关成果相关的资源利用、污染物排放或碳排放指标，攻关前与攻关后（同一单位）。',
    en: 'Table B.1 ecological benefit: resource use, pollutant or carbon figure before and after (same unit).',
  },
  columns: [
    col('indicator', '指标', 'text', true, 24, { zh: '如 单位产品能耗', en: 'indicator' }, { aliases: ['绿色指标', '指标名称'] }),
    col('unit', '单位', 'text', false, 12, { zh: '如 kWh/台', en: 'unit' }, { aliases: [] }),
    col('before', '攻关前', 'number', true, 12, { zh: '攻关前12月', en: 'before' }, { aliases: ['攻关前12月'] }),
    col('after', '攻关后', 'number', true, 12, { zh: '攻关后12月', en: 'after' }, { aliases: ['攻关后12月'] }),
  ],
};

export const TEAM_TABLE: TableSpec = {
  name: 'KekaoTeam',
  sheet: SHEET.team,
  sheetAliases: ['主要攻关人员'],
  headerRow: HEADER_ROW,
  blankRows: 1,
  description: {
    zh: '表A.1 主要攻关人员：按贡献大小次序填写，最多不超过8名。',
    en: 'Table A.1 main project members, in order of contribution, at most 8.',
  },
  columns: [
    col('name', '姓名', 'text', true, 10, { zh: '姓名', en: 'name' }, { aliases: [] }),
    col('gender', '性别', 'text', false, 6, { zh: '性别', en: 'gender' }, { aliases: [] }),
    col('title', '职务/职称', 'text', false, 14, { zh: '职务/职称', en: 'title' }, { aliases: ['职务', '职称'] }),
    col('education', '学历', 'text', false, 8, { zh: '学历', en: 'education' }, { aliases: [] }),
    col('department', '工作单位(部门)', 'text', false, 24, { zh: '工作单位（部门）', en: 'organisation (department)' }, { aliases: ['工作单位', '部门'] }),
  ],
};

/** DB31/T 1368 表A.1 填表说明 5: at most 8 members. */
export const TEAM_MAX_MEMBERS = 8;
