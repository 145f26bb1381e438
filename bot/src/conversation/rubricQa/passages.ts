import { reliability2024 } from '@kekao/core/rubrics';
import { fmeaCase2025 } from '@kekao/core/rubrics';
import { db31_1368_2022 } from '@kekao/core/rubrics';
import type { SourceRef } from '@kekao/core/rubrics';
import { FORM_PASSAGES } from './formPassages.js';
import { SEED_PASSAGES } from './seedPassages.js';

/**
 * The passages kekao quotes: the rubric data of core (transcribed verbatim from the documents) and
 * the bundled seed passages. Every line of a quote is the documents' text (a prefix before "："
 * of band lines and item lines names the band or item and is kekao's, see QUOTE_PREFIX); the test
 * rubricQuotes.test.ts checks each against docs/sources/. Entities tag what a passage is about
 * (an indicator, a scoring note, FMEA, the weights) so that retrieval can favour them.
 */

export type PassageKind = 'definition' | 'criteria' | 'weight' | 'note' | 'principle' | 'group' | 'formula' | 'item' | 'fmeaGroup' | 'document' | 'form';

export interface Passage {
  id: string;
  kind: PassageKind;
  title: string;
  /** The quoted text, verbatim (lines may start with a QUOTE_PREFIX). */
  quote: string;
  citation: string;
  /** Reliability indicator code the passage is about. */
  indicator?: string;
  /** Entity tags: ind:Ic, note:a, fmea, weight, tier … */
  entities: string[];
  /** Search-only words (names, aliases); never shown as a quote. */
  keywords: string[];
}

/** "91～100：", "案例背景（5分）：", "Ic 权重：" — kekao's label in front of a quoted line. */
export const QUOTE_PREFIX = /^(\d+(～\d+)?分?|[^：]{1,12}（\d+分）)：/;

function cite(s: SourceRef): string {
  return `${s.document} ${s.clause}`;
}

/** English words for what each indicator is about, so that English questions find its passages. */
const EN_TERMS: Record<string, string[]> = {
  Ic: ['consistency', 'coefficient', 'variation', 'dispersion'],
  Id: ['degradation', 'drift', 'model'],
  Ir: ['extreme', 'scenario', 'scenarios', 'margin', 'samples'],
  W: ['failure', 'failures', 'after-sales', 'warranty'],
  C: ['innovation', 'innovative', 'disruptive'],
  G: ['promotion', 'replicable', 'transferable'],
};

const NOTICE_TABLE = '2025年推荐通知 附件1 产品质量可靠性评分表';

function reliabilityPassages(): Passage[] {
  const out: Passage[] = [];
  const r = reliability2024;
  for (const p of r.principles) {
    out.push({
      id: `rel-principle-${p.id}`,
      kind: 'principle',
      title: `评价原则：${p.name.zh}`,
      quote: p.text.zh,
      citation: cite(p.source),
      entities: ['principle'],
      keywords: [p.name.zh, '评价原则'],
    });
  }
  for (const g of r.groups) {
    out.push({
      id: `rel-group-${g.id}`,
      kind: 'group',
      title: g.name.zh,
      quote: g.description.zh,
      citation: cite(g.source),
      entities: ['group'],
      keywords: [g.name.zh],
    });
  }
  for (const ind of r.indicators) {
    const names = [ind.name.zh, ind.code, `${ind.name.zh}（${ind.code}）`, ...(EN_TERMS[ind.code] ?? [])];
    const tag = `ind:${ind.code}`;
    out.push({
      id: `rel-${ind.code}-definition`,
      kind: 'definition',
      title: `${ind.name.zh}（${ind.code}）的定义`,
      quote: ind.definition.zh,
      citation: cite(ind.definitionSource),
      indicator: ind.code,
      entities: [tag, 'definition'],
      keywords: [...names, '定义', '是什么'],
    });
    out.push({
      id: `rel-${ind.code}-criteria`,
      kind: 'criteria',
      title: `${ind.name.zh}（${ind.code}）的评价准则（权重${Math.round(ind.weight * 100)}%）`,
      quote: ind.bands.map((b) => `${b.min}～${b.max}：${b.criterion.zh}`).join('\n'),
      citation: `${cite(ind.source)} 产品质量可靠性评分表`,
      indicator: ind.code,
      entities: [tag, 'bands'],
      keywords: [...names, '评分', '评价准则', '参考分值', '打分', '分档'],
    });
    // The score sheet's row: the indicator's name, code and weight, as printed (cells joined).
    out.push({
      id: `rel-${ind.code}-weight`,
      kind: 'weight',
      title: `${ind.name.zh}（${ind.code}）的权重`,
      quote: `${ind.name.zh}（${ind.code}）${Math.round(ind.weight * 100)}%`,
      citation: NOTICE_TABLE,
      indicator: ind.code,
      entities: [tag, 'weight'],
      keywords: [...names, '权重', 'weight'],
    });
  }
  for (const n of r.notes) {
    out.push({
      id: `rel-note-${n.id}`,
      kind: 'note',
      title: `评分说明（${n.id}）`,
      quote: n.text.zh,
      citation: cite(n.source),
      entities: [`note:${n.id}`, 'note'],
      keywords: ['评分说明', ...({ a: ['基本要求'], b: ['满分', '原始得分'], c: ['总分', '加权得分'], d: ['造假', '0分'] }[n.id] ?? [])],
    });
  }
  // The formula itself is typeset (LaTeX in one source, an image in the other): quote the sentence
  // that introduces it; the formula is the lead, from core's data.
  out.push({
    id: 'rel-total',
    kind: 'formula',
    title: '评价总分',
    quote: '产品质量可靠性评价按照产品质量可靠性评分表（见产品质量可靠性评分表）进行评分',
    citation: '2025年推荐通知 附件1 三、评价总分',
    entities: ['total'],
    keywords: ['总分', '加权', '计算', r.totalFormula.zh],
  });
  return out;
}

function fmeaPassages(): Passage[] {
  const out: Passage[] = [];
  const f = fmeaCase2025;
  for (const g of f.groups) {
    out.push({
      id: `fmea-group-${g.id}`,
      kind: 'fmeaGroup',
      title: `FMEA应用典型案例：${g.name.zh}（${g.total}分）`,
      quote: g.items.map((it) => `${it.name.zh}（${it.standardScore}分）：${it.criterion.zh.replace(/\n/g, '')}`).join('\n'),
      citation: cite(g.source),
      entities: ['fmea', `fmea:${g.id}`],
      keywords: ['FMEA', g.name.zh, ...g.items.map((i) => i.name.zh)],
    });
  }
  out.push({
    id: 'fmea-bands',
    kind: 'criteria',
    title: 'FMEA应用典型案例评分说明',
    quote: f.bands.map((b) => b.criterion.zh).join('\n'),
    citation: cite(f.bandsSource),
    entities: ['fmea', 'bands'],
    keywords: ['FMEA', '评分说明', '标准分', '百分比'],
  });
  return out;
}

function otherPassages(): Passage[] {
  const out: Passage[] = [];
  for (const g of db31_1368_2022.groups) {
    for (const it of g.items) {
      out.push({
        id: `db31-${it.id}`,
        kind: 'item',
        title: `DB31/T 1368 ${g.name.zh}：${it.name.zh}（${it.points}分）`,
        quote: it.bands.map((b) => `${b.min === b.max ? b.min : `${b.min}～${b.max}`}分：${b.criterion.zh}`).join('\n'),
        citation: cite(it.source),
        entities: ['db31'],
        keywords: ['DB31', '攻关', g.name.zh, it.name.zh],
      });
    }
  }
  for (const s of SEED_PASSAGES) {
    const entities = [...(s.id.includes('fmea') ? ['fmea'] : []), ...(s.id.includes('tiers') ? ['tier'] : []), 'document'];
    out.push({
      id: `seed-${s.id}`,
      kind: 'document',
      title: s.title,
      quote: s.text,
      citation: `${s.document} ${s.clause}`,
      entities,
      keywords: s.keywords ?? [],
    });
  }
  for (const s of FORM_PASSAGES) {
    out.push({
      id: s.id,
      kind: 'form',
      title: s.title,
      quote: s.text,
      citation: `${s.document} ${s.clause}`,
      entities: [...(s.id.includes('fmea') ? ['fmea'] : []), 'form'],
      keywords: s.keywords ?? [],
    });
  }
  return out;
}

export const PASSAGES: readonly Passage[] = [...reliabilityPassages(), ...fmeaPassages(), ...otherPassages()];

export function passage(id: string): Passage {
  const p = PASSAGES.find((x) => x.id === id);
  if (!p) throw new Error(`no passage ${id}`);
  return p;
}
