import type { CampaignView } from './ports.js';
import { bigrams } from './rubricQa/sentenceMatch.js';

/**
 * The step of the flow a question is about ("名单由谁汇总、要不要公示" → 五、评定公布（二）“拟评定对象
 * 名单由…汇总后予以公示”), by the character pairs the question shares with each step's clause in the
 * notice, beyond the words every flow question has. At least two shared pairs, and more than any
 * other clause, or no step: "推荐流程是怎样的" asks for the whole flow. Chinese only — the English
 * flow already quotes each step's clause.
 */

const EVERY_FLOW_QUESTION = /流程|步骤|程序|环节|推荐|申报|怎么|如何|之后|以后|什么|哪些|一下|请问|是不是|要不要/g;

export interface FlowClause {
  step: number;
  quote: string;
  citation: string;
}

export function flowClause(question: string, c: CampaignView): FlowClause | undefined {
  const asked = bigrams(question.replace(EVERY_FLOW_QUESTION, ' '));
  const shared = c.flowClauses.map(({ quote }) => {
    const b = bigrams(quote);
    return [...asked].filter((x) => b.has(x)).length;
  });
  const best = Math.max(0, ...shared);
  const first = shared.indexOf(best);
  // Steps that quote the same clause tie without being different answers.
  const rivals = shared.filter((n, i) => n === best && c.flowClauses[i]!.quote !== c.flowClauses[first]!.quote).length;
  if (best < 2 || rivals > 0) return undefined;
  return { step: first, ...c.flowClauses[first]! };
}
