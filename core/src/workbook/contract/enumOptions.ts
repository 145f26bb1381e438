/** The drop-down choices of table columns and form fields: stored value, label shown, accepted spellings. */
import { STRESS_CATEGORIES } from '../../submission/reliabilitySubmission.js';
import type { EnumOption } from './specTypes.js';

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

export const STRESS_OPTIONS: readonly EnumOption[] = STRESS_CATEGORIES.map((c) => opt(c, STRESS_LABELS[c].label, c, ...STRESS_LABELS[c].aliases));

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
  '集成电路',
  '生物医药',
  '人工智能',
  '电子信息',
  '生命健康',
  '汽车',
  '高端装备',
  '先进材料',
  '时尚消费品',
  '现代农业',
  '交通',
  '其他',
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
