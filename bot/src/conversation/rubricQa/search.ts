import { reliability2024 } from '../../../../core/src/rubrics/reliability2024.js';
import { fmeaCase2025 } from '../../../../core/src/rubrics/fmeaCase2025.js';
import { db31_1368_2022 } from '../../../../core/src/rubrics/db31_1368_2022.js';
import type { SourceRef } from '../../../../core/src/rubrics/rubricSchema.js';
import { SEED_PASSAGES } from './seedPassages.js';

/**
 * A small search index over the rubric data of core (which is transcribed verbatim from the
 * documents) and the bundled seed passages. Passages are quoted as they are; the index only
 * decides which one answers the question. Ranking: character-bigram TF-IDF (Chinese has no word
 * boundaries; bigrams are the usual unit for short-text retrieval), plus a boost for the
 * indicator a question names (Ic/Id/Ir/W/C/G or its Chinese name) and for the kind of answer the
 * question asks for (a definition for 什么是…, the band criteria for …怎么评分).
 */

export type PassageKind = 'definition' | 'criteria' | 'note' | 'principle' | 'group' | 'formula' | 'basic' | 'item' | 'document';

export interface Passage {
  id: string;
  kind: PassageKind;
  title: string;
  /** The quoted text, verbatim from the document (band lines prefixed with their score range). */
  quote: string;
  citation: string;
  /** Indicator code (reliability rubric) the passage is about. */
  indicator?: string;
  /** Search-only words (names, aliases). */
  keywords: string[];
}

function cite(s: SourceRef): string {
  return `${s.document} ${s.clause}`;
}

function buildPassages(): Passage[] {
  const out: Passage[] = [];
  const r = reliability2024;
  for (const p of r.principles) {
    out.push({ id: `rel-principle-${p.id}`, kind: 'principle', title: `评价原则：${p.name.zh}`, quote: `${p.name.zh}：${p.text.zh}`, citation: cite(p.source), keywords: [p.name.zh, '评价原则'] });
  }
  for (const g of r.groups) {
    out.push({ id: `rel-group-${g.id}`, kind: 'group', title: g.name.zh, quote: g.description.zh, citation: cite(g.source), keywords: [g.name.zh] });
  }
  for (const ind of r.indicators) {
    const names = [ind.name.zh, ind.code, `${ind.name.zh}（${ind.code}）`];
    out.push({
      id: `rel-${ind.code}-definition`, kind: 'definition', title: `${ind.name.zh}（${ind.code}）的定义`, quote: ind.definition.zh,
      citation: cite(ind.definitionSource), indicator: ind.code, keywords: [...names, '定义', '是什么'],
    });
    const lines = ind.bands.map((b) => `${b.min}～${b.max}：${b.criterion.zh}`);
    out.push({
      id: `rel-${ind.code}-criteria`, kind: 'criteria', title: `${ind.name.zh}（${ind.code}）的评价准则（权重${Math.round(ind.weight * 100)}%）`,
      quote: lines.join('\n'), citation: `${cite(ind.source)} 产品质量可靠性评分表`, indicator: ind.code, keywords: [...names, '评分', '评价准则', '参考分值', '打分'],
    });
  }
  for (const n of r.notes) {
    out.push({ id: `rel-note-${n.id}`, kind: 'note', title: `评分说明（${n.id}）`, quote: n.text.zh, citation: cite(n.source), keywords: ['评分说明', n.id === 'a' ? '基本要求' : '', n.id === 'd' ? '造假' : ''].filter(Boolean) });
  }
  out.push({ id: 'rel-total', kind: 'formula', title: '评价总分', quote: r.totalFormula.zh, citation: `${r.source.document} 三、评价总分`, keywords: ['总分', '加权', '计算'] });

  const f = fmeaCase2025;
  for (const g of f.groups) {
    for (const it of g.items) {
      out.push({
        id: `fmea-${it.id}`, kind: 'item', title: `FMEA典型案例 ${g.name.zh}：${it.name.zh}（标准分${it.standardScore}）`, quote: it.criterion.zh,
        citation: cite(it.source), keywords: ['FMEA', g.name.zh, it.name.zh],
      });
    }
  }
  out.push({
    id: 'fmea-bands', kind: 'criteria', title: 'FMEA应用典型案例评分说明', quote: f.bands.map((b) => `${b.criterion.zh}，评分为该项标准分的${b.min}%—${b.max}%`).join('\n'),
    citation: cite(f.bandsSource), keywords: ['FMEA', '评分说明', '标准分', '百分比'],
  });
  for (const g of db31_1368_2022.groups) {
    for (const it of g.items) {
      out.push({
        id: `db31-${it.id}`, kind: 'item', title: `DB31/T 1368 ${g.name.zh}：${it.name.zh}（${it.points}分）`,
        quote: it.bands.map((b) => `${b.min === b.max ? b.min : `${b.min}～${b.max}`}分：${b.criterion.zh}`).join('\n'),
        citation: cite(it.source), keywords: ['DB31', '攻关', g.name.zh, it.name.zh],
      });
    }
  }
  for (const s of SEED_PASSAGES) {
    out.push({ id: `seed-${s.id}`, kind: 'document', title: s.title, quote: s.text, citation: `${s.document} ${s.clause}`, keywords: s.keywords ?? [] });
  }
  return out;
}

export const PASSAGES: readonly Passage[] = buildPassages();

function bigrams(s: string): string[] {
  const clean = s.toLowerCase().replace(/[\s，。、；：“”‘’（）()《》？?！!,.;:"'\-—～~]+/g, ' ');
  const grams: string[] = [];
  for (const chunk of clean.split(' ')) {
    if (!chunk) continue;
    if (/^[a-z0-9]+$/.test(chunk)) { grams.push(chunk); continue; }
    if (chunk.length === 1) grams.push(chunk);
    for (let i = 0; i + 1 < chunk.length; i++) grams.push(chunk.slice(i, i + 2));
  }
  return grams;
}

interface Indexed { passage: Passage; tf: Map<string, number>; norm: number }

const docFreq = new Map<string, number>();
const indexed: Indexed[] = PASSAGES.map((p) => {
  const tf = new Map<string, number>();
  for (const g of bigrams(`${p.title} ${p.keywords.join(' ')} ${p.quote}`)) tf.set(g, (tf.get(g) ?? 0) + 1);
  for (const g of tf.keys()) docFreq.set(g, (docFreq.get(g) ?? 0) + 1);
  return { passage: p, tf, norm: 0 };
});
const N = indexed.length;
const idf = (g: string) => Math.log((N + 1) / ((docFreq.get(g) ?? 0) + 1)) + 1;
for (const d of indexed) {
  let s = 0;
  for (const [g, c] of d.tf) s += (c * idf(g)) ** 2;
  d.norm = Math.sqrt(s);
}

/** Indicator named by the question: a code (Ic, Id, Ir; W, C, G only as capital letters) or a Chinese name. */
export function indicatorOf(q: string): string | undefined {
  const code = /(?:^|[^A-Za-z])(I[cdr])(?![A-Za-z])/i.exec(q);
  if (code) return `I${code[1]![1]!.toLowerCase()}`;
  const letter = /(?:^|[^A-Za-z])([WCG])(?![A-Za-z])/.exec(q);
  if (letter) return letter[1];
  for (const ind of reliability2024.indicators) if (q.includes(ind.name.zh)) return ind.code;
  if (q.includes('售后责任故障')) return 'W';
  return undefined;
}

export type QuestionKind = 'definition' | 'criteria' | 'other';

export function questionKind(q: string): QuestionKind {
  if (/怎么评|如何评|怎样评|评分标准|评价准则|怎么打分|如何打分|打几分|得分|分档|how .*scor|criteria|score/i.test(q)) return 'criteria';
  if (/什么是|是什么|什么叫|含义|定义|指什么|what is|what are|defin|mean/i.test(q)) return 'definition';
  return 'other';
}

export interface SearchHit { passage: Passage; score: number }

/** The passages that answer a question, best first. */
export function searchPassages(question: string, limit = 3): SearchHit[] {
  const q = question.replace(/什么是|是什么|怎么评分|如何评分|怎么评|如何评|请问|一下/g, ' ');
  const qtf = new Map<string, number>();
  for (const g of bigrams(q)) qtf.set(g, (qtf.get(g) ?? 0) + 1);
  let qnorm = 0;
  for (const [g, c] of qtf) qnorm += (c * idf(g)) ** 2;
  qnorm = Math.sqrt(qnorm) || 1;
  const indicator = indicatorOf(question);
  const kind = questionKind(question);
  const hits = indexed.map((d) => {
    let dot = 0;
    for (const [g, c] of qtf) {
      const dc = d.tf.get(g);
      if (dc) dot += c * dc * idf(g) ** 2;
    }
    let score = dot / (qnorm * (d.norm || 1));
    if (indicator && d.passage.indicator === indicator) score += 0.5;
    if (indicator && d.passage.indicator && d.passage.indicator !== indicator) score -= 0.3;
    if (kind !== 'other' && d.passage.kind === kind) score += 0.2;
    return { passage: d.passage, score };
  });
  return hits.filter((h) => h.score > 0).sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Minimum score for a passage to count as an answer (below it kekao says it found nothing). */
export const ANSWER_THRESHOLD = 0.15;
