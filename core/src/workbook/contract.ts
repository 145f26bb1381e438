/**
 * The 推荐表 workbook contract (docs/architecture.md §3): sheet names, Excel tables (ListObjects) with stable
 * names, their columns (English key, Chinese header, accepted header variants), the form fields of
 * the 推荐表 sheet with their cells, and the 评分表 layout. Pure data: the file side (exceljs,
 * workbook/src) and the Excel add-in (office.js) both write and read workbooks through it.
 *
 * Sources: 2025年推荐通知 附件2 (最佳实践推荐表), 附件4 (FMEA应用典型案例推荐表), 附件1/附表
 * (产品质量可靠性评分表), 附件3 (FMEA评价要求); DB31/T 1368—2022 表A.1 (登记表), 表B.1 (评分表).
 */
import { STRESS_CATEGORIES, BASIC_REQUIREMENT_KEYS } from '../submission/reliabilitySubmission.js';
import { reliability2024 } from '../rubrics/reliability2024.js';
import { fmeaCase2025 } from '../rubrics/fmeaCase2025.js';
import { db31_1368_2022 } from '../rubrics/db31_1368_2022.js';

export const WORKBOOK_KINDS = ['best-practice', 'fmea', 'breakthrough'] as const;
export type WorkbookKind = (typeof WORKBOOK_KINDS)[number];

/** The rubric each workbook kind is assessed with. */
export const RUBRIC_OF_KIND: Record<WorkbookKind, 'reliability-2024' | 'fmea-case-2025' | 'db31-1368-2022'> = {
  'best-practice': 'reliability-2024',
  fmea: 'fmea-case-2025',
  breakthrough: 'db31-1368-2022',
};

/** Written to the workbook's document property "subject" so a reader knows the kind without guessing. */
export const KIND_MARKER_PREFIX = 'kekao-workbook:';

export interface Bilingual {
  zh: string;
  en: string;
}

export type ColumnType = 'text' | 'number' | 'integer' | 'enum' | 'boolean' | 'date';

/** One choice of a drop-down: the stored value, the label shown, and other spellings accepted when reading. */
export interface EnumOption {
  value: string;
  label: string;
  aliases: readonly string[];
}

export interface ColumnSpec {
  key: string;
  /** Header as written by the template (Chinese; unit in ASCII brackets). */
  header: string;
  type: ColumnType;
  required: boolean;
  enumValues?: readonly EnumOption[];
  /** Other headers accepted when reading (the English key is always accepted, as are bracket/space variants). */
  aliases: readonly string[];
  /** Lower bound of a numeric column; `minExclusive` makes it strict (> instead of ≥). */
  min?: number;
  minExclusive?: boolean;
  /** Column width in the template (characters). */
  width: number;
  hint: Bilingual;
}

export interface TableSpec {
  /** Stable ListObject name, e.g. KekaoIc. */
  name: string;
  sheet: string;
  /** Sheet names accepted when the table is looked up by sheet (older or renamed templates). */
  sheetAliases: readonly string[];
  /** Row of the header in the template (the sheet's rows above it carry a title and a hint). */
  headerRow: number;
  columns: readonly ColumnSpec[];
  description: Bilingual;
  /** Rows the template leaves empty under the header when not filling an example (Excel needs ≥ 1). */
  blankRows: number;
}

export type FormFieldType = 'text' | 'multiline' | 'number' | 'date' | 'enum' | 'boolean' | 'uscc';

export interface FormFieldSpec {
  key: string;
  label: string;
  labelEn: string;
  /** Cell of the value (column B of the form sheet); the label sits in column A of the same row. */
  cell: string;
  labelCell: string;
  /** Visible counter (=LEN(B7)&"/500") or check (USCC) cell, in column C. */
  counterCell?: string;
  type: FormFieldType;
  required: boolean;
  /** Length limit in characters (字) from the official form. */
  maxLength?: number;
  enumValues?: readonly EnumOption[];
  /** Where the value goes in the submission (dotted path); absent = kept as form information only. */
  target?: string;
  hint: string;
}

export interface ScoreRowSpec {
  /** Indicator code (Ic …) or rubric item id (background …, keyIndicatorImprovement …). */
  id: string;
  label: string;
  labelEn: string;
  /** Reliability: weight as a fraction; FMEA / DB31: the item's maximum points. */
  weight: number;
  /** First and last sheet row of the indicator (reliability spans its four bands). */
  firstRow: number;
  lastRow: number;
  rawCell: string;
  weightedCell: string;
  reasonCell: string;
  /** Reliability only: per-indicator 数据造假 cell (note d). */
  fraudCell?: string;
}

export interface ScoreSheetSpec {
  sheet: string;
  headerRow: number;
  headers: readonly string[];
  rows: readonly ScoreRowSpec[];
  totalCell: string;
  /** FMEA / DB31: one 造假 cell for the whole entry. */
  fraudCell?: string;
  /** Column letters. */
  columns: { raw: string; weighted: string; reason: string; fraud?: string; weight: string };
}

export interface WorkbookContract {
  kind: WorkbookKind;
  rubric: 'reliability-2024' | 'fmea-case-2025' | 'db31-1368-2022';
  title: Bilingual;
  /** Sheet order of the template. */
  sheets: readonly string[];
  formSheet: string;
  /** First row of the form fields (rows above: title and 填报说明). */
  formFirstRow: number;
  form: readonly FormFieldSpec[];
  tables: readonly TableSpec[];
  score: ScoreSheetSpec;
  instructionsSheet: string;
}

// ───────────────────────────────────────────── shared sheet names

export const SHEET = {
  form: '推荐表',
  basic: '基本要求',
  ic: 'Ic数据',
  id: 'Id数据',
  ir: 'Ir数据',
  w: 'W数据',
  score: '评分表',
  instructions: '说明',
  finance: '经济效益',
  ecology: '生态效益',
  team: '攻关人员',
} as const;

// ───────────────────────────────────────────── enum options

const opt = (value: string, label: string, ...aliases: string[]): EnumOption => ({ value, label, aliases });

export const DIRECTION_OPTIONS: readonly EnumOption[] = [
  opt('max', '上限', 'max', '≤', '<=', '不大于', '不超过', '最大', 'upper', '上限值'),
  opt('min', '下限', 'min', '≥', '>=', '不小于', '不低于', '最小', 'lower', '下限值'),
];

export const YES_NO_OPTIONS: readonly EnumOption[] = [
  opt('true', '是', '满足', 'yes', 'y', 'true', '√', '✓', '✔', '1', '有', 'TRUE'),
  opt('false', '否', '不满足', 'no', 'n', 'false', '×', '✗', '✘', '0', '无', 'FALSE'),
];

export const MODEL_OPTIONS: readonly EnumOption[] = [
  opt('auto', '自动', 'auto', '自动选择'),
  opt('linear', '线性', 'linear', '线性模型'),
  opt('exponential', '指数', 'exponential', 'exp', '指数模型'),
  opt('power', '幂律', 'power', '幂', '幂函数'),
  opt('logarithmic', '对数', 'logarithmic', 'log', '对数模型'),
];

/** Chinese names of the stress categories of Ir (docs/architecture.md §3). */
export const STRESS_LABELS: Record<(typeof STRESS_CATEGORIES)[number], { label: string; aliases: string[] }> = {
  'high-temperature': { label: '高温', aliases: ['高温工作', '高温贮存', '高温存储'] },
  'low-temperature': { label: '低温', aliases: ['低温工作', '低温贮存', '低温存储'] },
  'thermal-cycling': { label: '温度循环', aliases: ['温循', '高低温循环'] },
  'thermal-shock': { label: '温度冲击', aliases: ['冷热冲击', '热冲击'] },
  humidity: { label: '湿热', aliases: ['湿度', '恒定湿热', '交变湿热', '潮湿'] },
  vibration: { label: '振动', aliases: ['随机振动', '正弦振动'] },
  'mechanical-shock': { label: '机械冲击', aliases: ['冲击'] },
  drop: { label: '跌落', aliases: ['自由跌落'] },
  'salt-spray': { label: '盐雾', aliases: ['盐雾腐蚀'] },
  'low-pressure': { label: '低气压', aliases: ['高海拔', '低气压（高原）'] },
  'supply-voltage': { label: '电源电压', aliases: ['输入电压', '电压拉偏', '供电电压', '电压'] },
  overload: { label: '过载', aliases: ['超负荷', '负载'] },
  emc: { label: '电磁兼容', aliases: ['EMC', '电磁干扰'] },
  esd: { label: '静电放电', aliases: ['ESD', '静电'] },
  'dust-water': { label: '防尘防水', aliases: ['IP防护', '淋雨', '浸水', '沙尘'] },
  uv: { label: '紫外辐射', aliases: ['紫外', 'UV', '光照老化', '太阳辐射'] },
  chemical: { label: '化学腐蚀', aliases: ['化学', '腐蚀'] },
  other: { label: '其他', aliases: ['其它'] },
};

export const STRESS_OPTIONS: readonly EnumOption[] = STRESS_CATEGORIES.map((c) =>
  opt(c, STRESS_LABELS[c].label, c, ...STRESS_LABELS[c].aliases),
);

export const EXPOSURE_UNIT_OPTIONS: readonly EnumOption[] = [
  opt('units', '台', 'units', '件', '个', '套', '台（销量）', '销量'),
  opt('unit-hours', '台·小时', 'unit-hours', '台时', '台·h', '台*小时', '台·时'),
  opt('unit-years', '台·年', 'unit-years', '台年', '台*年'),
];

export const W_PERIOD_OPTIONS: readonly EnumOption[] = [
  opt('before', '改进前', 'before', '提升前', '实施前', '前'),
  opt('after', '改进后', 'after', '提升后', '实施后', '后'),
];

/** The eight provinces of the 京津沪渝冀闽赣鲁 cooperation (2025年推荐通知). */
export const PROVINCE_OPTIONS: readonly EnumOption[] = [
  opt('北京市', '北京市', '北京', '京'),
  opt('天津市', '天津市', '天津', '津'),
  opt('上海市', '上海市', '上海', '沪'),
  opt('重庆市', '重庆市', '重庆', '渝'),
  opt('河北省', '河北省', '河北', '冀'),
  opt('福建省', '福建省', '福建', '闽'),
  opt('江西省', '江西省', '江西', '赣'),
  opt('山东省', '山东省', '山东', '鲁'),
];

export const FMEA_TYPE_OPTIONS: readonly EnumOption[] = [
  opt('DFMEA', 'DFMEA', '设计FMEA', 'D-FMEA'),
  opt('PFMEA', 'PFMEA', '过程FMEA', 'P-FMEA'),
  opt('other', '其他', 'other', '其它', 'FMEA-MSR', 'SFMEA'),
];

/** DB31/T 1368 表A.1 项目类别. */
export const DB31_CATEGORY_OPTIONS: readonly EnumOption[] = [
  '集成电路', '生物医药', '人工智能', '电子信息', '生命健康', '汽车',
  '高端装备', '先进材料', '时尚消费品', '现代农业', '交通', '其他',
].map((c) => opt(c, c));

/** DB31/T 1368 表A.1 组织规模 (大型及以上 / 中型 / 小微); 小微 uses the small/micro thresholds of 表B.1. */
export const DB31_SIZE_OPTIONS: readonly EnumOption[] = [
  opt('large', '大型及以上', 'large', '大型'),
  opt('medium', '中型', 'medium'),
  opt('small', '小微', 'small', '小型', '小微企业'),
  opt('micro', '微型', 'micro'),
];

/** DB31/T 1368 表A.1 项目先进水平. */
export const DB31_LEVEL_OPTIONS: readonly EnumOption[] = [
  opt('international-or-domestic-leading', '国际先进或国内领先', '国际先进', '国内领先'),
  opt('above-industry', '高于行业水平', '行业领先'),
  opt('industry-average', '一般行业水平', '行业一般水平', '一般'),
];

export const FINANCE_PERIOD_OPTIONS: readonly EnumOption[] = [
  opt('before', '攻关前12月', 'before', '攻关前', '攻关前12个月'),
  opt('after', '攻关后12月', 'after', '攻关后', '攻关后12个月'),
];

// ───────────────────────────────────────────── tables

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
    col('parameter', '参数', 'text', true, 16, { zh: '关键性能参数名称，如 输出电压', en: 'key performance parameter' }, { aliases: ['参数名称', '关键性能参数', '性能参数', 'param'] }),
    col('unit', '单位', 'text', false, 8, { zh: '参数单位，如 V', en: 'unit' }, { aliases: ['参数单位'] }),
    col('stage', '阶段', 'text', true, 8, { zh: 't0 = 出厂时；t1、t2… = 使用一段时间后', en: 't0 = at delivery; t1 … = after use' }, { aliases: ['测试阶段', '时间阶段'] }),
    col('usageHours', '使用时间(h)', 'number', false, 12, { zh: '测量前累计使用时间，t0 为 0', en: 'usage before the measurement (0 at t0)' }, { aliases: ['使用时间', '使用时长(h)', '使用时间(小时)', 'usage'], min: 0 }),
    col('sample', '样品编号', 'text', false, 12, { zh: '样品编号（可选）', en: 'sample id' }, { aliases: ['样品', '样品号', '编号', 'sampleId'] }),
    col('value', '测量值', 'number', true, 12, { zh: '测量值（数值，单位见“单位”列）', en: 'measured value' }, { aliases: ['测试值', '数值', '测量结果'] }),
    col('resolution', '分辨率', 'number', false, 10, { zh: '仪器分辨率（可选，用于数据核实）', en: 'instrument resolution' }, { aliases: ['仪器分辨率', '最小分度'], min: 0, minExclusive: true }),
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
    col('direction', '方向', 'enum', true, 8, { zh: '上限 = 不得超过限值；下限 = 不得低于限值', en: 'max = must stay ≤ limit; min = must stay ≥ limit' }, { enumValues: DIRECTION_OPTIONS, aliases: ['限值方向', '限值类型'] }),
    col('ratedLife', '额定寿命(h)', 'number', true, 12, { zh: '额定（设计）寿命，与“时间”同单位', en: 'rated life, same unit as time' }, { aliases: ['额定寿命', '设计寿命', '寿命(h)'], min: 0, minExclusive: true }),
    col('model', '退化模型', 'enum', false, 10, { zh: '自动/线性/指数/幂律/对数', en: 'auto/linear/exponential/power/logarithmic' }, { enumValues: MODEL_OPTIONS, aliases: ['模型'] }),
    col('unitId', '样品编号', 'text', true, 10, { zh: '样品编号', en: 'unit id' }, { aliases: ['样品', '样品号', '编号'] }),
    col('time', '时间(h)', 'number', true, 10, { zh: '累计试验/使用时间', en: 'time' }, { aliases: ['时间', '试验时间(h)', '使用时间(h)', '时间(小时)'], min: 0 }),
    col('value', '测量值', 'number', true, 12, { zh: '测量值', en: 'measured value' }, { aliases: ['测试值', '数值'] }),
    col('baseline', '基准值', 'number', false, 10, { zh: '名义值/初始值（可选；缺省为各样品首个时间点的值）', en: 'baseline (optional)' }, { aliases: ['初始值', '名义值'] }),
    col('resolution', '分辨率', 'number', false, 10, { zh: '仪器分辨率（可选）', en: 'instrument resolution' }, { aliases: ['仪器分辨率'], min: 0, minExclusive: true }),
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
    col('category', '应力类别', 'enum', false, 10, { zh: '高温、低温、湿热、振动、电源电压…', en: 'stress category' }, { enumValues: STRESS_OPTIONS, aliases: ['应力类型', '应力'] }),
    col('level', '应力水平', 'number', false, 10, { zh: '试验应力量值', en: 'stress level' }, { aliases: ['应力量值', '试验应力'] }),
    col('rated', '额定水平', 'number', false, 10, { zh: '产品额定（规格）应力量值', en: 'rated level' }, { aliases: ['额定应力', '规格应力'] }),
    col('stressUnit', '应力单位', 'text', false, 8, { zh: '如 ℃、g、V', en: 'stress unit' }, { aliases: [] }),
    col('parameter', '性能参数', 'text', false, 14, { zh: '被判定的关键性能参数', en: 'performance parameter' }, { aliases: ['参数', '关键性能参数'] }),
    col('unit', '参数单位', 'text', false, 8, { zh: '性能参数单位', en: 'parameter unit' }, { aliases: ['单位'] }),
    col('sample', '样品编号', 'text', false, 10, { zh: '样品编号', en: 'sample id' }, { aliases: ['样品', '编号'] }),
    col('value', '测量值', 'number', true, 12, { zh: '该场景下的性能测量值', en: 'measured value' }, { aliases: ['测试值', '数值'] }),
    col('limit', '限值', 'number', true, 10, { zh: '性能判据限值', en: 'limit' }, { aliases: ['判据', '规格限'] }),
    col('direction', '方向', 'enum', true, 8, { zh: '上限 / 下限', en: 'max / min' }, { enumValues: DIRECTION_OPTIONS, aliases: ['限值方向'] }),
    col('resolution', '分辨率', 'number', false, 10, { zh: '仪器分辨率（可选）', en: 'instrument resolution' }, { aliases: ['仪器分辨率'], min: 0, minExclusive: true }),
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
    col('failures', '责任故障数', 'integer', true, 10, { zh: '售后责任故障数（整数）', en: 'liability failures' }, { aliases: ['故障数', '售后责任故障数'], min: 0 }),
    col('exposure', '暴露量', 'number', true, 12, { zh: '销量（台）或累计运行（台·小时）', en: 'exposure' }, { aliases: ['销量', '保有量', '投放量'], min: 0, minExclusive: true }),
    col('exposureUnit', '暴露量单位', 'enum', true, 10, { zh: '台 / 台·小时 / 台·年', en: 'units / unit-hours / unit-years' }, { enumValues: EXPOSURE_UNIT_OPTIONS, aliases: ['单位'] }),
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

// ───────────────────────────────────────────── forms

type FieldDef = Omit<FormFieldSpec, 'cell' | 'labelCell' | 'counterCell'>;
const FORM_FIRST_ROW = 4;

function field(
  key: string,
  label: string,
  labelEn: string,
  type: FormFieldType,
  opts: { required?: boolean; maxLength?: number; enumValues?: readonly EnumOption[]; target?: string; hint?: string } = {},
): FieldDef {
  return { key, label, labelEn, type, required: opts.required ?? false, maxLength: opts.maxLength, enumValues: opts.enumValues, target: opts.target, hint: opts.hint ?? '' };
}

/** Lays the fields out one per row from FORM_FIRST_ROW: label in A, value in B, counter/check in C. */
function layout(defs: FieldDef[]): FormFieldSpec[] {
  return defs.map((d, i) => {
    const row = FORM_FIRST_ROW + i;
    const hasCounter = d.maxLength !== undefined || d.type === 'uscc';
    return { ...d, cell: `B${row}`, labelCell: `A${row}`, counterCell: hasCounter ? `C${row}` : undefined };
  });
}

const commonContact = (): FieldDef[] => [
  field('contact', '联系人', 'Contact person', 'text'),
  field('phone', '联系电话', 'Phone', 'text'),
  field('position', '职务/职称', 'Position / title', 'text'),
  field('email', '电子邮箱', 'E-mail', 'text'),
];

const location = (): FieldDef[] => [
  field('province', '所在省（市）', 'Province', 'enum', { enumValues: PROVINCE_OPTIONS, target: 'enterprise.province' }),
  field('city', '所在市', 'City', 'text', { target: 'enterprise.city' }),
  field('district', '所在区（县）', 'District', 'text', { target: 'enterprise.district' }),
];

/** 附件2 产品质量可靠性创新“最佳实践”推荐表. */
export const BEST_PRACTICE_FORM: readonly FormFieldSpec[] = layout([
  field('productName', '推荐产品', 'Recommended product', 'text', { required: true, target: 'product.name' }),
  field('productModel', '产品型号', 'Model', 'text', { target: 'product.model' }),
  field('productFamily', '产品族（评分建议口径）', 'Product family (band policy)', 'text', { target: 'product.family', hint: '留空 = general（通用）' }),
  field('enterpriseName', '企业名称', 'Enterprise name', 'text', { required: true, target: 'enterprise.name' }),
  field('recommendingUnit', '推荐单位', 'Recommending unit', 'text', { target: 'recommendingUnit' }),
  ...location(),
  field('address', '企业地址', 'Address', 'text', { target: 'enterprise.address' }),
  field('registeredOn', '企业注册时间', 'Registered on', 'date'),
  field('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', { target: 'enterprise.uscc', hint: '18位，GB 32100—2015 校验' }),
  ...commonContact(),
  field('enterpriseIntro', '企业简介', 'Enterprise profile', 'multiline', { maxLength: 500, hint: '企业类型、发展状况、行业地位、市场占有率、获得奖项荣誉等，不超过500字' }),
  field('productIntro', '产品简介', 'Product profile', 'multiline', { maxLength: 500, hint: '名称、型号、功能、可靠性先进做法、技术先进水平、客户满意度等，不超过500字，并附产品照片' }),
  field('reliabilityTechniques', '可靠性技术', 'Reliability techniques', 'multiline', { hint: '简要列举产品应用的可靠性技术、方法或工具' }),
  field('keyPerformance', '关键性能', 'Key performance', 'multiline', { maxLength: 1000, hint: '关键性能指标情况、竞品分析结果等，不超过1000字' }),
  field('benefits', '工作效益', 'Benefits', 'multiline', { maxLength: 1000, hint: '开展产品质量可靠性工作取得的成效，不超过1000字' }),
  field('innovation', '创新性说明（C）', 'Innovation evidence (C)', 'multiline', { target: 'narrative.innovation', hint: '评分依据：可靠性技术与方法的创新' }),
  field('promotion', '可推广性说明（G）', 'Promotability evidence (G)', 'multiline', { target: 'narrative.promotion', hint: '评分依据：对行业的引领和借鉴意义' }),
  field('otherNotes', '其他说明', 'Other notes', 'multiline', { hint: '其他与本次推荐产品相关的说明' }),
]);

/** 附件4 FMEA应用典型案例推荐表. */
export const FMEA_FORM: readonly FormFieldSpec[] = layout([
  field('caseName', '案例名称', 'Case name', 'text', { required: true, target: 'case.name' }),
  field('caseType', '案例类型', 'Case type', 'enum', { enumValues: FMEA_TYPE_OPTIONS, target: 'case.type' }),
  field('enterpriseName', '推荐企业', 'Enterprise', 'text', { required: true, target: 'enterprise.name' }),
  field('recommendingUnit', '推荐单位', 'Recommending unit', 'text', { target: 'recommendingUnit' }),
  ...location(),
  field('address', '企业地址', 'Address', 'text', { target: 'enterprise.address' }),
  field('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', { target: 'enterprise.uscc', hint: '18位，GB 32100—2015 校验' }),
  ...commonContact(),
  field('summary', '案例简介', 'Case summary', 'multiline', { maxLength: 500, target: 'case.summary', hint: '总体情况介绍，500字以内' }),
  field('content', '案例内容', 'Case content', 'multiline', { maxLength: 3000, target: 'case.content', hint: '案例策划、案例实施、案例成效、案例先进性、其他说明（3000字以内）' }),
]);

/** DB31/T 1368—2022 表A.1 上海市重点产品质量攻关项目登记表. */
export const BREAKTHROUGH_FORM: readonly FormFieldSpec[] = layout([
  field('projectName', '项目名称', 'Project name', 'text', { required: true, target: 'project.name' }),
  field('category', '项目类别', 'Project category', 'enum', { enumValues: DB31_CATEGORY_OPTIONS, target: 'project.category' }),
  field('enterpriseName', '单位名称（全称）', 'Organisation (full name)', 'text', { required: true, target: 'enterprise.name' }),
  field('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', { target: 'enterprise.uscc', hint: '18位，GB 32100—2015 校验' }),
  field('legalRepresentative', '法人代表', 'Legal representative', 'text'),
  field('organisationType', '组织性质', 'Type of organisation', 'text'),
  field('size', '组织规模', 'Organisation size', 'enum', { enumValues: DB31_SIZE_OPTIONS, target: 'enterprise.size', hint: '小微企业的间接经济效益门槛不同（表B.1）' }),
  field('industry', '所属行业', 'Industry', 'text'),
  field('strategicEmerging', '是否属于战略性新兴产业', 'Strategic emerging industry', 'boolean', { enumValues: YES_NO_OPTIONS }),
  field('district', '所在区', 'District', 'text', { target: 'enterprise.district' }),
  field('address', '单位地址', 'Address', 'text', { target: 'enterprise.address' }),
  field('phone', '电话', 'Phone', 'text'),
  field('contact', '联系人', 'Contact person', 'text'),
  field('mobile', '手机', 'Mobile', 'text'),
  field('email', '邮箱', 'E-mail', 'text'),
  field('level', '项目先进水平', 'Project level', 'enum', { enumValues: DB31_LEVEL_OPTIONS, target: 'project.level' }),
  field('intro', '组织及攻关产品基本情况介绍', 'Organisation and product', 'multiline'),
  field('background', '项目背景意义', 'Background and significance', 'multiline'),
  field('objective', '质量攻关目标', 'Objectives', 'multiline'),
  field('investment', '项目投资（万元）', 'Investment (10k CNY)', 'number', { target: 'project.investment', hint: '与提高产品质量有直接关系的攻关费用' }),
  field('qualityLevel', '产品质量水平', 'Product quality level', 'multiline'),
  field('innovationText', '质量创新程度（含技术路线）', 'Quality innovation (incl. technical route)', 'multiline', { hint: '主要问题及技术路线、攻关成果及创新点' }),
  field('directBenefit', '直接经济效益', 'Direct economic benefit', 'multiline'),
  field('indirectBenefit', '间接经济效益', 'Indirect economic benefit', 'multiline'),
  field('green', '绿色指标', 'Green indicators', 'multiline'),
  field('social', '社会效益', 'Social benefit', 'multiline'),
]);

// ───────────────────────────────────────────── 评分表 layouts

const SCORE_HEADER_ROW = 4;

/** 产品质量可靠性评分表 (附表): four band rows per indicator, raw score F, weighted G, 造假 H, 理由 I. */
function reliabilityScoreSheet(): ScoreSheetSpec {
  const rows: ScoreRowSpec[] = reliability2024.indicators.map((ind, i) => {
    const firstRow = SCORE_HEADER_ROW + 1 + i * 4;
    return {
      id: ind.code,
      label: `${ind.name.zh}（${ind.code}）`,
      labelEn: `${ind.name.en} (${ind.code})`,
      weight: ind.weight,
      firstRow,
      lastRow: firstRow + 3,
      rawCell: `F${firstRow}`,
      weightedCell: `G${firstRow}`,
      fraudCell: `H${firstRow}`,
      reasonCell: `I${firstRow}`,
    };
  });
  const last = rows[rows.length - 1]!.lastRow;
  return {
    sheet: SHEET.score,
    headerRow: SCORE_HEADER_ROW,
    headers: ['一级指标', '二级指标', '权重', '评价准则', '参考分值', '单项原始得分', '单项加权得分', '数据造假(是/否)', '评分理由(分档外须填写)'],
    rows,
    totalCell: `G${last + 1}`,
    columns: { weight: 'C', raw: 'F', weighted: 'G', fraud: 'H', reason: 'I' },
  };
}

/**
 * A points rubric's score sheet (FMEA, DB31): one row per item, the points entered in `score`, the
 * reason in G, then 总分 and 造假 in the two rows below the last item.
 */
function pointsScoreSheet(
  items: readonly { id: string; name: Bilingual; points: number }[],
  headers: readonly string[],
  columns: { weight: string; score: string },
): ScoreSheetSpec {
  const { weight, score } = columns;
  const rows: ScoreRowSpec[] = items.map((it, i) => {
    const r = SCORE_HEADER_ROW + 1 + i;
    return { id: it.id, label: it.name.zh, labelEn: it.name.en, weight: it.points, firstRow: r, lastRow: r, rawCell: `${score}${r}`, weightedCell: `${score}${r}`, reasonCell: `G${r}` };
  });
  const last = rows[rows.length - 1]!.lastRow;
  return {
    sheet: SHEET.score,
    headerRow: SCORE_HEADER_ROW,
    headers,
    rows,
    totalCell: `${score}${last + 1}`,
    fraudCell: `${score}${last + 2}`,
    columns: { weight, raw: score, weighted: score, reason: 'G' },
  };
}

/** FMEA评价要求 (附件3): one row per item, 实际分 E, 得分率 F, 理由 G. */
function fmeaScoreSheet(): ScoreSheetSpec {
  return pointsScoreSheet(
    fmeaCase2025.groups.flatMap((g) => g.items).map((it) => ({ id: it.id, name: it.name, points: it.standardScore })),
    ['一级指标', '二级指标', '标准分', '评价准则', '实际分', '得分率', '评分理由(分档外须填写)'],
    { weight: 'C', score: 'E' },
  );
}

/** 重点产品质量攻关成果评分表 (表B.1): one row per 评价内容, 得分 F, 理由 G. */
function db31ScoreSheet(): ScoreSheetSpec {
  return pointsScoreSheet(
    db31_1368_2022.groups.flatMap((g) => g.items),
    ['序号', '评价要点', '评价内容', '分值', '指标与分值', '得分', '评分理由(分档外须填写)'],
    { weight: 'D', score: 'F' },
  );
}

// ───────────────────────────────────────────── the three contracts

export const CONTRACTS: Record<WorkbookKind, WorkbookContract> = {
  'best-practice': {
    kind: 'best-practice',
    rubric: 'reliability-2024',
    title: { zh: '产品质量可靠性创新“最佳实践”推荐表', en: 'Reliability innovation "best practice" recommendation form' },
    sheets: [SHEET.form, SHEET.basic, SHEET.ic, SHEET.id, SHEET.ir, SHEET.w, SHEET.score, SHEET.instructions],
    formSheet: SHEET.form,
    formFirstRow: FORM_FIRST_ROW,
    form: BEST_PRACTICE_FORM,
    tables: [BASIC_TABLE, IC_TABLE, ID_TABLE, IR_TABLE, W_TABLE],
    score: reliabilityScoreSheet(),
    instructionsSheet: SHEET.instructions,
  },
  fmea: {
    kind: 'fmea',
    rubric: 'fmea-case-2025',
    title: { zh: 'FMEA应用典型案例推荐表', en: 'FMEA application typical case recommendation form' },
    sheets: [SHEET.form, SHEET.score, SHEET.instructions],
    formSheet: SHEET.form,
    formFirstRow: FORM_FIRST_ROW,
    form: FMEA_FORM,
    tables: [],
    score: fmeaScoreSheet(),
    instructionsSheet: SHEET.instructions,
  },
  breakthrough: {
    kind: 'breakthrough',
    rubric: 'db31-1368-2022',
    title: { zh: '上海市重点产品质量攻关项目登记表', en: 'Shanghai key product quality breakthrough project registration form' },
    sheets: [SHEET.form, SHEET.finance, SHEET.ecology, SHEET.team, SHEET.score, SHEET.instructions],
    formSheet: SHEET.form,
    formFirstRow: FORM_FIRST_ROW,
    form: BREAKTHROUGH_FORM,
    tables: [FINANCE_TABLE, ECOLOGY_TABLE, TEAM_TABLE],
    score: db31ScoreSheet(),
    instructionsSheet: SHEET.instructions,
  },
};

export function contractOf(kind: WorkbookKind): WorkbookContract {
  return CONTRACTS[kind];
}

export function isWorkbookKind(s: string): s is WorkbookKind {
  return (WORKBOOK_KINDS as readonly string[]).includes(s);
}

/** The basic-requirement keys in table order (note (a)). */
export const BASIC_KEYS = BASIC_REQUIREMENT_KEYS;
