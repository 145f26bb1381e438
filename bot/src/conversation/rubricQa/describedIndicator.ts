import { reliability2024 } from '@kekao/core/rubrics';
import type { IndicatorCode } from '../understanding/indicators.js';

/**
 * The indicator a question describes in an engineer's own words without naming it — "同一批产品测出来
 * 数值差不多" is consistency (Ic), "用久了性能往下掉" is degradation (Id), "高低温都能正常工作" is the
 * reliability domain (Ir), "返修少" is after-sales failures (W). Each row paraphrases the
 * indicator's definition in 附件1 二、评价内容 (Ic: 关键性能参数的波动范围小; Id: 长时间保持合格状态;
 * Ir: 极限应用场景; W: 售后责任故障; C: 创新; G: 推广应用), in the words users write; the names
 * themselves (一致性, 退化量 …) are the indicators' own matching, not this. Strong words name the
 * property itself (离散, 衰减); weak ones only set the scene (用了两年): "用了两年后离散程度还很小" is
 * about consistency after a period of use, which Ic's definition covers (t﹥0).
 */

export type Code = Exclude<IndicatorCode, 'FMEA'>;

const DESCRIPTIONS: ReadonlyArray<{ code: Code; strong: RegExp; weak?: RegExp }> = [
  {
    code: 'Ic',
    strong:
      /同一批|同批|批次间|批与批|批间|批次之间|每台都|每个都差不多|数值差不多|数据差不多|读数差不多|差不多一样|离散|波动小|波动大|波动范围|个体差异|分散度|(?<![a-z])(?:batch[- ]to[- ]batch|unit[- ]to[- ]unit|same batch|spread|scatter|dispersion)(?![a-z])/,
  },
  {
    code: 'Id',
    strong:
      /越用越|衰减|老化|性能下降|往下掉|掉得|性能保持|漂移|磨损|损耗|(?<![a-z])(?:degrad\w*|wears?|wear(?:ing)? out|ageing|aging|drifts?|decays?)(?![a-z])/,
    weak: /用久了|用了一段时间|用了[^，。,]{0,4}(?:年|个月)|使用一段时间后|长期使用|随时间|(?<![a-z])over time(?![a-z])/,
  },
  {
    code: 'Ir',
    strong:
      /高温|低温|高低温|很冷|很热|冷热|零下|高寒|严寒|高海拔|高原|沙漠|暴晒|极端|恶劣|严苛|湿热|盐雾|过载|超负荷|边界条件|(?<![a-z])(?:extreme|harsh|temperature range|overload|corner cases?)(?![a-z])/,
  },
  { code: 'W', strong: /售后|返修|退货|客诉|投诉|三包|保修|返厂|(?<![a-z])(?:after[- ]sales|warranty|returns?|complaints?|field failures?|repairs?)(?![a-z])/ },
  { code: 'C', strong: /创新|专利|新技术|首创|原创|颠覆|(?<![a-z])(?:innovat\w*|patents?|novel)(?![a-z])/ },
  { code: 'G', strong: /推广|借鉴|复制到|别的企业|其他企业|示范|(?<![a-z])(?:promot\w*|replicat\w*|adopt\w*|other companies)(?![a-z])/ },
];

/** Asking where something counts: "能在哪项加分", "算哪一项", "看哪个指标", "which indicator covers …". */
const WHERE =
  /哪项|哪一项|哪个指标|哪一个指标|哪类指标|哪方面|哪块|加分|算分|怎么体现|如何体现|体现在|(?<![a-z])(?:which (?:indicator|one|part|item|metric)|counts? (?:towards|for)|score (?:under|for)|earn points|feeds? into|factors? into|factored into|reflected in|shows? up in|taken into account)(?![a-z])/;

/** Asking how it is scored: "离散性怎么评分", "这能到哪一档", "在评分里看什么", "how would that be scored". */
const HOW_SCORED =
  /怎么评分|如何评分|怎么打分|怎么评|如何评|怎么算|哪一档|哪档|几档|什么档|能到|能拿|评分会|评分里|打分时|看什么|算什么|(?<![a-z])(?:how (?:is|are|would|will) [a-z' ]{1,40}?(?:scored|rated|judged|assessed)|what band|which band)(?![a-z])/;

export interface DescribedIndicators {
  codes: Code[];
  /** Where it counts was asked ("算哪项"); otherwise how it is scored ("怎么评分"). */
  where: boolean;
}

/**
 * The indicators described, when the question names none and asks where its subject counts (at
 * most two) or how it is scored (exactly one); strong words outrank weak ones.
 */
export function describedIndicators(normalised: string, named: readonly string[]): DescribedIndicators | undefined {
  if (named.length) return undefined;
  const where = WHERE.test(normalised);
  if (!where && !HOW_SCORED.test(normalised)) return undefined;
  const strong = DESCRIPTIONS.filter((d) => d.strong.test(normalised)).map((d) => d.code);
  const codes = strong.length ? strong : DESCRIPTIONS.filter((d) => d.weak?.test(normalised)).map((d) => d.code);
  if (codes.length === 0 || codes.length > (where ? 2 : 1)) return undefined;
  return { codes, where };
}

/** "这属于 Ic（关键性能一致性）" — the indicator's name as the rubric prints it. */
export function indicatorName(code: Code): string {
  return reliability2024.indicators.find((i) => i.code === code)!.name.zh;
}
