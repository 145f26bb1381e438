"""Reference values for core/test/capability.test.ts.

Process capability computed with numpy (and scipy.special.gammaln for c4), following the
definitions in the docstring of core/src/metrics/capability.ts (AIAG SPC manual / Minitab):
  sigma_within (individuals) = mean |x_i - x_(i-1)| / 1.128
  sigma_within (subgroups)   = sqrt(sum (n_i-1) s_i^2 / sum (n_i-1)) / c4(sum (n_i-1) + 1)
  sigma_overall              = sample SD (ddof=1)
  Cp = (USL-LSL)/6s, CPU = (USL-mu)/3s, CPL = (mu-LSL)/3s, Cpk = min(CPU, CPL); Pp... with overall.
Also prints c4(n), to be compared with the published AIAG table (0.7979, 0.8862, 0.9213, 0.9400,
0.9727, 0.9896 for n = 2, 3, 4, 5, 10, 25).
Run: python3 core/test/reference/capability.py
"""
import numpy as np
from scipy.special import gammaln


def c4(d):
    return np.sqrt(2 / (d - 1)) * np.exp(gammaln(d / 2) - gammaln((d - 1) / 2))


def indices(mu, s, lsl, usl):
    cpu = None if usl is None else (usl - mu) / (3 * s)
    cpl = None if lsl is None else (mu - lsl) / (3 * s)
    cp = None if lsl is None or usl is None else (usl - lsl) / (6 * s)
    sides = [v for v in (cpu, cpl) if v is not None]
    return dict(p=cp, k=min(sides), u=cpu, l=cpl)


def capability(values, lsl, usl, k=1):
    x = np.array(values, dtype=float)
    mu = x.mean()
    overall = x.std(ddof=1)
    if k == 1:
        within = np.abs(np.diff(x)).mean() / 1.128
    else:
        groups = [x[i:i + k] for i in range(0, len(x), k)]
        groups = [g for g in groups if len(g) >= 2]
        ss = sum(((g - g.mean()) ** 2).sum() for g in groups)
        dof = sum(len(g) - 1 for g in groups)
        within = np.sqrt(ss / dof) / c4(dof + 1)
    w = indices(mu, within, lsl, usl)
    o = indices(mu, overall, lsl, usl)
    f = lambda v: None if v is None else float(v)
    print(f"  mean={float(mu)!r} sigmaWithin={float(within)!r} sigmaOverall={float(overall)!r}")
    print(f"  cp={f(w['p'])!r} cpk={f(w['k'])!r} cpu={f(w['u'])!r} cpl={f(w['l'])!r}")
    print(f"  pp={f(o['p'])!r} ppk={f(o['k'])!r} ppu={f(o['u'])!r} ppl={f(o['l'])!r}")


shaft = [10.02, 9.98, 10.05, 10.01, 9.97, 10.03, 10.00, 9.99, 10.04, 10.02,
         9.96, 10.01, 10.03, 9.98, 10.00, 10.02, 9.99, 10.01, 10.04, 9.97]
print("individuals, LSL 9.9, USL 10.1")
capability(shaft, 9.9, 10.1)
print("individuals, USL 10.1 only")
capability(shaft, None, 10.1)
print("individuals, LSL 9.9 only")
capability(shaft, 9.9, None)
print("subgroups of 5, LSL 9.9, USL 10.1")
capability(shaft, 9.9, 10.1, 5)
print("subgroups of 3 (last group of 2), LSL 9.85, USL 10.1")
capability(shaft, 9.85, 10.1, 3)
for d in (2, 3, 4, 5, 10, 25):
    print(f"c4({d}) = {float(c4(d))!r}")

# pooled SD of subgroups of 5 without the c4 correction
x = np.array(shaft)
groups = [x[i:i + 5] for i in range(0, len(x), 5)]
print("pooled SD (k=5, no c4) =", float(np.sqrt(sum(((g - g.mean()) ** 2).sum() for g in groups) / sum(len(g) - 1 for g in groups))))
