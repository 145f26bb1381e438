import { loadCorpus } from './bot/src/conversation/understanding/corpus.js';
import { features } from './bot/src/conversation/understanding/features.js';
import { normalise } from './bot/src/conversation/understanding/normalise.js';
import { QUESTIONNAIRE_ONLY, OUTSIDE_ONLY, INTENTS } from './bot/src/conversation/understanding/intents.js';
const ex = loadCorpus();
const feats = ex.map((e) => [...new Set(features(normalise(e.text)))]);
function train(idx: number[], epochs = 60, lr = 0.5, l2 = 1e-4) {
  const vocab = new Map<string, number>();
  const df = new Map<string, number>();
  for (const i of idx) for (const f of feats[i]!) df.set(f, (df.get(f) ?? 0) + 1);
  for (const [f] of df) vocab.set(f, vocab.size);
  const C = INTENTS.length, V = vocab.size;
  const W = new Float64Array(V * C), b = new Float64Array(C);
  const G = new Float64Array(V * C).fill(1e-8), Gb = new Float64Array(C).fill(1e-8);
  const X = idx.map((i) => feats[i]!.map((f) => vocab.get(f)!));
  const Y = idx.map((i) => INTENTS.indexOf(ex[i]!.intent));
  // weight features 1/sqrt(n) (L2-normalised binary vector)
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const order = X.map((_, i) => i);
  const p = new Float64Array(C);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const n of order) {
      const x = X[n]!; const s = 1 / Math.sqrt(x.length || 1);
      let max = -Infinity;
      for (let c = 0; c < C; c++) { let z = b[c]!; for (const f of x) z += W[f * C + c]! * s; p[c] = z; if (z > max) max = z; }
      let sum = 0; for (let c = 0; c < C; c++) { p[c] = Math.exp(p[c]! - max); sum += p[c]!; }
      for (let c = 0; c < C; c++) {
        const g = p[c]! / sum - (c === Y[n] ? 1 : 0);
        Gb[c]! += g * g; b[c]! -= lr * g / Math.sqrt(Gb[c]!);
        for (const f of x) { const k = f * C + c; const gg = g * s + l2 * W[k]!; G[k]! += gg * gg; W[k]! -= lr * gg / Math.sqrt(G[k]!); }
      }
    }
  }
  return (fs: string[], allowed: Set<string>) => {
    const x = fs.map((f) => vocab.get(f)).filter((v): v is number => v !== undefined);
    const s = 1 / Math.sqrt(fs.length || 1);
    const z = INTENTS.map((it, c) => { let v = b[c]!; for (const f of x) v += W[f * C + c]! * s; return allowed.has(it) ? v : -Infinity; });
    const m = Math.max(...z); const e = z.map((v) => Math.exp(v - m)); const S = e.reduce((a, c) => a + c, 0);
    return e.map((v) => v / S);
  };
}
for (const [ep, lr, l2] of [[30, 0.5, 1e-4], [60, 0.5, 1e-4], [60, 0.3, 0], [100, 0.5, 1e-5]] as const) {
  const K = 10; let ok = 0; const t = performance.now(); const wrong: string[] = [];
  for (let k = 0; k < K; k++) {
    const tr = ex.map((_, i) => i).filter((i) => i % K !== k);
    const model = train(tr, ep, lr, l2);
    for (let i = k; i < ex.length; i += K) {
      const e = ex[i]!; const inside = QUESTIONNAIRE_ONLY.has(e.intent) || e.intent === 'continue';
      const allowed = new Set<string>(INTENTS.filter((x) => inside ? !OUTSIDE_ONLY.has(x) : !QUESTIONNAIRE_ONLY.has(x)));
      const p = model(feats[i]!, allowed); const top = INTENTS[p.indexOf(Math.max(...p))];
      if (top === e.intent) ok++; else wrong.push(`${e.intent} <- ${top} ${e.text}`);
    }
  }
  console.log(ep, lr, l2, 'acc', (ok / ex.length).toFixed(4), 'ms', (performance.now() - t).toFixed(0));
  if (ep === 60 && lr === 0.5) console.log(wrong.join('\n'));
}
