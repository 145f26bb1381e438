import { understand } from './bot/src/conversation/understanding/understand.js';
const inQ = process.env.INQ === '1';
for (const t of process.argv.slice(2)) {
  const u = understand(t, { inQuestionnaire: inQ });
  console.log(JSON.stringify(t), '→', u.kind, (u as any).intent ?? (u as any).candidates, u.confidence.toFixed(2), '| norm:', u.normalised);
  console.log('   ranked:', u.classification.ranked.slice(0, 4).map((r) => `${r.intent} ${r.confidence.toFixed(2)}`).join(', '));
  console.log('   because:', u.classification.because.slice(0, 8).map((b: any) => `${b.term}:${b.weight.toFixed(1)}`).join(' '));
}
