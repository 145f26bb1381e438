"""Independent reference values for addin/test/functions.test.ts (the KEKAO.* custom functions).

Computed with numpy and scipy only (never with kekao), straight from the textbook formulas:
  CV = s / mean (ddof = 1); Vangel (1996) modified McKay interval with scipy.stats.chi2;
  degradation paths by numpy.polyfit on the linearised form, R^2 on the original scale,
  pseudo-failure time = where the fitted path meets the limit (Meeker & Escobar 1998 13.7);
  relative margin (U - x)/|U| or (x - L)/|L|; Cp/Cpk with sigma_within = MRbar / 1.128,
  Pp/Ppk with the sample SD; rate ratio after/before by the exact conditional (binomial)
  method with Clopper-Pearson bounds and the doubled-smaller-tail p-value; weighted total
  with the reliability-2024 weights 20/25/25/15/5/10 %.

Run from the repo root:
  python3 addin/test/reference/functions_reference.py > addin/test/reference/functions_reference.json
"""
import json
import math

import numpy as np
from scipy import stats

out = {}

# ---------------------------------------------------------------- CV and its interval
cv_values = [12.01, 11.98, 12.03, 11.99, 12.00, 12.02, 11.97, 12.04]
x = np.array(cv_values)
cv = float(x.std(ddof=1) / x.mean())
out["cv"] = {"values": cv_values, "cv": cv}


def vangel(k, n, conf):
    nu = n - 1
    a = 1 - conf
    u1 = stats.chi2.ppf(1 - a / 2, nu)
    u2 = stats.chi2.ppf(a / 2, nu)
    lo = k / math.sqrt(((u1 + 2) / n - 1) * k * k + u1 / nu)
    hi = k / math.sqrt(((u2 + 2) / n - 1) * k * k + u2 / nu)
    return lo, hi


lo95, hi95 = vangel(cv, len(cv_values), 0.95)
lo90, hi90 = vangel(cv, len(cv_values), 0.90)
out["cvInterval"] = {"n": len(cv_values), "c95": [cv, lo95, hi95], "c90": [cv, lo90, hi90]}

# ---------------------------------------------------------------- degradation (linear and exponential)
deg_units = {
    "U1": ([0, 250, 500, 1000, 2000], [0.00, 0.06, 0.11, 0.23, 0.44]),
    "U2": ([0, 250, 500, 1000, 2000], [0.00, 0.05, 0.12, 0.21, 0.47]),
    "U3": ([0, 250, 500, 1000, 2000], [0.01, 0.08, 0.14, 0.27, 0.52]),
}
LIMIT, RATED = 1.0, 5000.0


def r2_original(y, yhat):
    y = np.asarray(y, float)
    return float(1 - np.sum((y - yhat) ** 2) / np.sum((y - y.mean()) ** 2))


lin = {}
for uid, (t, y) in deg_units.items():
    b, a = np.polyfit(t, y, 1)
    yhat = a + b * np.asarray(t, float)
    lin[uid] = {"a": float(a), "b": float(b), "r2": r2_original(y, yhat), "pft": float((LIMIT - a) / b)}
out["degradationLinear"] = {"units": {k: {"times": v[0], "values": v[1]} for k, v in deg_units.items()}, "limit": LIMIT, "ratedLife": RATED, "fits": lin}

exp_units = {
    "E1": ([0, 500, 1000, 1500, 2000], [100.0, 97.1, 94.0, 91.4, 88.6]),
    "E2": ([0, 500, 1000, 1500, 2000], [100.5, 97.0, 94.4, 91.0, 88.0]),
}
EXP_LIMIT = 80.0
expf = {}
for uid, (t, y) in exp_units.items():
    b, c = np.polyfit(t, np.log(y), 1)
    a = math.exp(c)
    yhat = a * np.exp(b * np.asarray(t, float))
    expf[uid] = {"a": a, "b": float(b), "r2": r2_original(y, yhat), "pft": float((math.log(EXP_LIMIT) - math.log(a)) / b)}
out["degradationExponential"] = {"units": {k: {"times": v[0], "values": v[1]} for k, v in exp_units.items()}, "limit": EXP_LIMIT, "ratedLife": 4000.0, "fits": expf}

# ---------------------------------------------------------------- margin
m_max = [85.2, 86.1, 84.7]
m_min = [10.6, 10.9, 10.4, 10.8]
out["margin"] = {
    "max": {"values": m_max, "limit": 90.0, "worst": min((90.0 - v) / 90.0 for v in m_max)},
    "min": {"values": m_min, "limit": 10.0, "worst": min((v - 10.0) / 10.0 for v in m_min)},
}

# ---------------------------------------------------------------- capability (individuals)
cap = [10.02, 9.98, 10.05, 9.97, 10.01, 10.03, 9.99, 10.00, 10.04, 9.96, 10.02, 10.01, 9.98, 10.03, 10.00, 9.99, 10.02, 10.01, 9.97, 10.04]
LSL, USL = 9.85, 10.15
c = np.array(cap)
mu = c.mean()
mr = np.abs(np.diff(c)).mean()
sw = mr / 1.128
so = c.std(ddof=1)
out["capability"] = {
    "values": cap,
    "lsl": LSL,
    "usl": USL,
    "cp": float((USL - LSL) / (6 * sw)),
    "cpk": float(min(USL - mu, mu - LSL) / (3 * sw)),
    "pp": float((USL - LSL) / (6 * so)),
    "ppk": float(min(USL - mu, mu - LSL) / (3 * so)),
    "cpkUpperOnly": float((USL - mu) / (3 * sw)),
}

# ---------------------------------------------------------------- failure-rate ratio (after / before)
xb, eb, xa, ea = 126, 180000.0, 31, 210000.0
n = xa + xb
ratio = (xa / ea) / (xb / eb)


def to_ratio(p):
    return p / (1 - p) * eb / ea


pl = stats.beta.ppf(0.025, xa, n - xa + 1)
pu = stats.beta.ppf(0.975, xa + 1, n - xa)
p0 = ea / (ea + eb)
pval = min(1.0, 2 * min(stats.binom.cdf(xa, n, p0), stats.binom.sf(xa - 1, n, p0)))
out["rateRatio"] = {"before": [xb, eb], "after": [xa, ea], "ratio": ratio, "lower": float(to_ratio(pl)), "upper": float(to_ratio(pu)), "p": float(pval)}

# ---------------------------------------------------------------- weighted total
weights = [0.20, 0.25, 0.25, 0.15, 0.05, 0.10]
raw = [93, 92, 88, 92, 65, 72]
out["total"] = {"raw": raw, "total": float(sum(w * r for w, r in zip(weights, raw)))}

print(json.dumps(out, indent=2, ensure_ascii=False))
