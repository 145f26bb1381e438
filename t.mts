import { answerRubricQuestion } from './bot/src/conversation/rubricQa/answer.js';
import { analyse } from './bot/src/conversation/rubricQa/question.js';
import { searchPassages } from './bot/src/conversation/rubricQa/search.js';
for (const q of ['Ir的分档标准是什么','说明（a）是什么意思','评分说明d','各指标权重分别是多少','Ic和Id的权重各是多少','FMEA是啥','FMEA案例怎么打分','极限应用场景至少要几种','关键性能一致性怎么算','退化量是什么意思','w指标指的是啥','第一梯队是什么意思','数据造假会怎样','总分怎么算','what does Ir mean','how are the weights split between the indicators?','可推广性怎么评','IC是什么','每个单项满分几分','工业产品包括食品吗','FMEA的案例实施占多少分','创新性权重多少 C','今天午饭吃什么','什么是关键性能可靠域？','Id怎么评分','what is Ic?','三年内有违法记录能报吗','高风险问题怎么判定']) {
  const a = answerRubricQuestion(q, /[\u4e00-\u9fff]/.test(q) ? 'zh' : 'en');
  const hits = searchPassages(analyse(q), 2);
  console.log(q, '|', JSON.stringify(analyse(q).facet), hits.map(h=>h.passage.id+':'+h.score.toFixed(1)).join(' '), '\n   ', a.replies[0]!.text.split('\n')[0]!.slice(0,110), '|', a.passages.map(p=>p.id).join(','));
}
