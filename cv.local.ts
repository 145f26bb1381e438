import { loadCorpus } from './bot/src/conversation/understanding/corpus.js';
import { crossValidate } from './bot/src/conversation/understanding/crossValidation.js';
const corpus = loadCorpus();
const cv = crossValidate(corpus, 10);
const n = cv.predictions.length;
const answered = cv.predictions.filter((p) => p.decision.kind === 'answer');
const wrongs = answered.filter((p) => (p.decision as any).intent !== p.example.intent);
console.log(`n ${n} acc ${(100 * cv.accuracy).toFixed(2)} correct ${(100 * (answered.length - wrongs.length) / n).toFixed(1)} clarify ${(100 * (n - answered.length) / n).toFixed(1)} wrong ${(100 * wrongs.length / n).toFixed(2)}`);
if (process.env.SHOW) for (const p of cv.predictions) if ((p as any).predicted !== undefined ? (p as any).predicted !== p.example.intent : false) console.log(p.example.intent, '→', (p as any).predicted, p.example.text);
