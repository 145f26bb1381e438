import { loadCorpus } from './bot/src/conversation/understanding/corpus.js';
import { abstracted } from './bot/src/conversation/understanding/features.js';
import { conceptsIn } from './bot/src/conversation/understanding/concepts.js';
import { normalise } from './bot/src/conversation/understanding/normalise.js';
import { QUESTIONNAIRE_ONLY, OUTSIDE_ONLY, INTENTS } from './bot/src/conversation/understanding/intents.js';
const ex = loadCorpus();
function feat(n: string, o: { uni: boolean; tri: boolean; cw: number; short: boolean }) {
  const s = abstracted(n); const terms: string[] = [];
  for (const run of s.match(/[\u3400-\u9fffⓅⒾⓃⒸⓊ]+/g) ?? []) for (let i = 0; i < run.length; i++) {
    if (o.uni) terms.push(run[i]!);
    if (i + 1 < run.length) terms.push(run.slice(i, i + 2));
    if (o.tri && i + 2 < run.length) terms.push(run.slice(i, i + 3));
    if (run.length === 1 && !o.uni) terms.push(run);
  }
  for (const w of s.match(/[a-z][a-z']*/g) ?? []) terms.push(w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);
  for (const c of conceptsIn(n)) for (let k = 0; k < o.cw; k++) terms.push(`#${c}${k}`);
  if (/[?？]/.test(s)) terms.push('?');
  const compact = s.replace(/[\s,，。.!！~、]+/g, ''); if (o.short && compact && [...compact].length <= 6) terms.push(`=${compact}`);
  return [...new Set(terms)];
}
function run(o: any, epochs = 30, lr = 0.5, l2 = 1e-4) {
  const feats = ex.map((e) => feat(normalise(e.text), o));
  const K = 10; let ok = 0;
  for (let k = 0; k < K; k++) {
    const idx = ex.map((_, i) => i).filter((i) => i % K !== k);
    const vocab = new Map<string, number>(); for (const i of idx) for (const f of feats[i]!) if (!vocab.has(f)) vocab.set(f, vocab.size);
    const C = INTENTS.length, V = vocab.size; const W = new Float64Array(V * C), b = new Float64Array(C);
    const G = new Float64Array(V * C).fill(1e-8), Gb = new Float64Array(C).fill(1e-8);
    const X = idx.map((i) => feats[i]!.map((f) => vocab.get(f)!)); const Y = idx.map((i) => INTENTS.indexOf(ex[i]!.intent));
    let seed = 1; const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const order = X.map((_, i) => i); const p = new Float64Array(C);
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
      for (const n of order) { const x = X[n]!; const s = 1 / Math.sqrt(x.length || 1); let max = -Infinity;
        for (let c = 0; c < C; c++) { let z = b[c]!; for (const f of x) z += W[f * C + c]! * s; p[c] = z; if (z > max) max = z; }
        let sum = 0; for (let c = 0; c < C; c++) { p[c] = Math.exp(p[c]! - max); sum += p[c]!; }
        for (let c = 0; c < C; c++) { const g = p[c]! / sum - (c === Y[n] ? 1 : 0); Gb[c]! += g * g; b[c]! -= lr * g / Math.sqrt(Gb[c]!);
          for (const f of x) { const kk = f * C + c; const gg = g * s + l2 * W[kk]!; G[kk]! += gg * gg; W[kk]! -= lr * gg / Math.sqrt(G[kk]!); } } } }
    for (let i = k; i < ex.length; i += K) { const e = ex[i]!; const inside = QUESTIONNAIRE_ONLY.has(e.intent) || e.intent === 'continue';
      const x = feats[i]!.map((f) => vocab.get(f)).filter((v): v is number => v !== undefined); const s = 1 / Math.sqrt(feats[i]!.length || 1);
      let best = -Infinity, bi = -1; INTENTS.forEach((it, c) => { if (inside ? OUTSIDE_ONLY.has(it) : QUESTIONNAIRE_ONLY.has(it)) return; let v = b[c]!; for (const f of x) v += W[f * C + c]! * s; if (v > best) { best = v; bi = c; } });
      if (INTENTS[bi] === e.intent) ok++; }
  }
  return ok / ex.length;
}
for (const o of [{ uni: true, tri: true, cw: 1, short: true }, { uni: true, tri: true, cw: 2, short: true }, { uni: true, tri: true, cw: 3, short: true }, { uni: false, tri: true, cw: 2, short: true }, { uni: true, tri: false, cw: 2, short: true }, { uni: true, tri: true, cw: 2, short: false }]) console.log(JSON.stringify(o), run(o).toFixed(4));
