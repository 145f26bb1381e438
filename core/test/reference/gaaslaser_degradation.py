"""Independent reference values for core/test/degradation.test.ts and lifeDistribution.test.ts.

GaAs laser degradation data (Meeker & Escobar 1998, test/data/gaaslaser.csv).
Computed with numpy (least squares) and scipy.stats (maximum likelihood), not with kekao.

Run from the repo root:  python3 core/test/reference/gaaslaser_degradation.py
"""
import csv
import json
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "test", "data", "gaaslaser.csv")

units = {}
with open(CSV, newline="") as f:
    for row in csv.DictReader(f):
        u = str(int(float(row["unit"])))
        units.setdefault(u, ([], []))
        units[u][0].append(float(row["hours"]))
        units[u][1].append(float(row["increase"]))

LIMIT = 10.0
RATED = 4000.0
BASELINE = 0.0


def r2(y, yhat):
    y = np.asarray(y)
    sst = np.sum((y - y.mean()) ** 2)
    return 1.0 - np.sum((y - yhat) ** 2) / sst


out = {"units": {}}
pft = []
shares = []
r2_by_model = {"linear": [], "power": [], "logarithmic": []}
for u, (t, y) in units.items():
    t = np.array(t)
    y = np.array(y)
    b, a = np.polyfit(t, y, 1)  # y = a + b t
    rl = r2(y, a + b * t)
    tf = (LIMIT - a) / b
    pred = a + b * RATED
    share = (pred - BASELINE) / (LIMIT - BASELINE)
    pft.append(tf)
    shares.append(share)
    r2_by_model["linear"].append(rl)
    # power and logarithmic on t > 0 only (t = 0 excluded)
    m = t > 0
    bp, lnap = np.polyfit(np.log(t[m]), np.log(y[m]), 1)
    r2_by_model["power"].append(r2(y[m], np.exp(lnap) * t[m] ** bp))
    bl, al = np.polyfit(np.log(t[m]), y[m], 1)
    r2_by_model["logarithmic"].append(r2(y[m], al + bl * np.log(t[m])))
    out["units"][u] = {"a": a, "b": b, "r2": rl, "pseudoFailureTime": tf, "predAtRated": pred, "driftShare": share}

pft = np.array(pft)
shape_opt, loc, scale_opt = stats.weibull_min.fit(pft, floc=0)
# scipy's optimiser stops at ~1e-6 relative; refine by solving the profile score equation
# (Lawless 2003 eq. 5.2.7) with brentq, and check both agree.
from scipy.optimize import brentq
x = np.log(pft)
def score(k):
    w = (pft / pft.max()) ** k  # scale-invariant; avoids overflow
    return np.sum(w * x) / np.sum(w) - 1.0 / k - x.mean()
shape = brentq(score, 0.1, 100.0, xtol=1e-13, rtol=1e-15)
scale = np.mean(pft ** shape) ** (1.0 / shape)
assert abs(shape / shape_opt - 1) < 1e-4 and abs(scale / scale_opt - 1) < 1e-4
ll_w = np.sum(stats.weibull_min.logpdf(pft, shape, 0, scale))
s, loc, sc = stats.lognorm.fit(pft, floc=0)
ll_ln = np.sum(stats.lognorm.logpdf(pft, s, 0, sc))
out["weibull"] = {"shape": shape, "scale": scale, "logLik": ll_w,
                  "b10": stats.weibull_min.ppf(0.1, shape, 0, scale)}
out["lognormal"] = {"mu": np.log(sc), "sigma": s, "logLik": ll_ln, "median": sc}
out["meanR2"] = {k: float(np.mean(v)) for k, v in r2_by_model.items()}
out["minR2"] = float(min(r2_by_model["linear"]))
out["worstDriftShare"] = float(max(shares))
out["outOfSpecAtRated"] = [u for u, v in out["units"].items() if v["predAtRated"] > LIMIT]
out["outOfSpecAt3000"] = [u for u, v in out["units"].items() if v["a"] + v["b"] * 3000 > LIMIT]
out["pftRange"] = [float(pft.min()), float(pft.max())]

print(json.dumps(out, indent=1, default=float))
