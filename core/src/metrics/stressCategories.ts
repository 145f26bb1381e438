import type { StressCategory } from '../submission/reliabilitySubmission.js';

/**
 * Display labels for the Ir stress categories (docs/architecture.md §3), Chinese first. Terms follow the
 * GB/T 2423 (环境试验) series and GB/T 17626 (电磁兼容 试验和测量技术) where one exists.
 */
export const STRESS_CATEGORY_LABELS: Record<StressCategory, { zh: string; en: string }> = {
  'high-temperature': { zh: '高温', en: 'high temperature' },
  'low-temperature': { zh: '低温', en: 'low temperature' },
  'thermal-cycling': { zh: '温度循环', en: 'thermal cycling' },
  'thermal-shock': { zh: '温度冲击', en: 'thermal shock' },
  humidity: { zh: '湿热', en: 'humidity / damp heat' },
  vibration: { zh: '振动', en: 'vibration' },
  'mechanical-shock': { zh: '机械冲击', en: 'mechanical shock' },
  drop: { zh: '跌落', en: 'drop' },
  'salt-spray': { zh: '盐雾', en: 'salt spray' },
  'low-pressure': { zh: '低气压', en: 'low pressure' },
  'supply-voltage': { zh: '电源电压拉偏', en: 'supply voltage variation' },
  overload: { zh: '过载', en: 'overload' },
  emc: { zh: '电磁兼容', en: 'electromagnetic compatibility (EMC)' },
  esd: { zh: '静电放电', en: 'electrostatic discharge (ESD)' },
  'dust-water': { zh: '防尘防水', en: 'dust and water ingress' },
  uv: { zh: '紫外辐射', en: 'ultraviolet radiation' },
  chemical: { zh: '化学腐蚀', en: 'chemical exposure' },
  other: { zh: '其他', en: 'other' },
};
