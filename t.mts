import { loadCorpus } from './bot/src/conversation/understanding/corpus.js';
import { crossValidate } from './bot/src/conversation/understanding/crossValidation.js';
const t = performance.now();
const cv = crossValidate(loadCorpus());
console.log('acc', cv.accuracy.toFixed(4), 'ms', (performance.now() - t).toFixed(0));
for (const p of cv.predictions) if (p.predicted !== p.example.intent) console.log(`${p.example.intent} <- ${p.predicted} (${p.classification.ranked[0]?.confidence.toFixed(2)}) ${p.example.text}`);
