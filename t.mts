import { loadCorpus } from './bot/src/conversation/understanding/corpus.js';
import { classifier, understand } from './bot/src/conversation/understanding/understand.js';
const ex = loadCorpus(); classifier();
for (const e of ex) understand(e.text);
const slow = new Map<string, number[]>();
const all: number[] = [];
for (let r = 0; r < 3; r++) for (const e of ex) { const t = performance.now(); understand(e.text); const d = performance.now() - t; all.push(d); if (d > 2) slow.set(e.text, [...(slow.get(e.text) ?? []), d]); }
all.sort((a,b)=>a-b); console.log('p50', all[all.length>>1], 'p99', all[Math.floor(all.length*0.99)], 'p999', all[Math.floor(all.length*0.999)]);
console.log([...slow].filter(([,v])=>v.length>1).slice(0,10), slow.size);
