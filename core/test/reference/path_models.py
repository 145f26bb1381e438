"""Independent reference values for core/test/degradationPath.test.ts and lifeDistribution.test.ts.

Least squares by numpy.polyfit on the transformed data; R² on the original scale is
1 - SSE/SST of the back-transformed predictions; life fits by scipy.stats (MLE, loc fixed at 0).

Run from the repo root:  python3 core/test/reference/path_models.py
"""
import json

import numpy as np
from scipy import stats
from scipy.optimize import brentq

T = np.array([0, 100, 200, 300, 400, 500, 600, 700, 800], dtype=float)
Y_EXP = np.array([2.02, 2.31, 2.68, 3.17, 3.61, 4.27, 4.88, 5.79, 6.62])
T_POW = np.array([0, 50, 100, 200, 400, 800, 1600], dtype=float)
Y_POW = np.array([0.0, 0.71, 1.05, 1.38, 2.02, 2.81, 4.05])
T_LOG = np.array([1, 2, 5, 10, 20, 50, 100, 200], dtype=float)
Y_LOG = np.array([10.1, 10.8, 11.9, 12.6, 13.4, 14.3, 15.1, 15.7])
Y_LIN = np.array([0.1, 0.9, 2.2, 2.8, 4.1, 5.0, 5.8, 7.2, 7.9])


def r2(y, yhat):
    return 1.0 - np.sum((y - yhat) ** 2) / np.sum((y - y.mean()) ** 2)


out = {}

b, a = np.polyfit(T, Y_LIN, 1)
out["linear"] = {"a": a, "b": b, "r2": r2(Y_LIN, a + b * T), "tAt6": (6 - a) / b}

b, c = np.polyfit(T, np.log(Y_EXP), 1)
a = np.exp(c)
out["exponential"] = {
    "a": a, "b": b,
    "r2": r2(Y_EXP, a * np.exp(b * T)),
    "r2Linearised": r2(np.log(Y_EXP), c + b * T),
    "tAt10": np.log(10 / a) / b,
}

m = T_POW > 0
b, c = np.polyfit(np.log(T_POW[m]), np.log(Y_POW[m]), 1)
a = np.exp(c)
out["power"] = {
    "a": a, "b": b, "n": int(m.sum()),
    "r2": r2(Y_POW[m], a * T_POW[m] ** b),
    "r2Linearised": r2(np.log(Y_POW[m]), c + b * np.log(T_POW[m])),
    "tAt5": (5 / a) ** (1 / b),
}

b, a = np.polyfit(np.log(T_LOG), Y_LOG, 1)
out["logarithmic"] = {
    "a": a, "b": b,
    "r2": r2(Y_LOG, a + b * np.log(T_LOG)),
    "tAt17": np.exp((17 - a) / b),
}

# A 'min'-direction unit: value falls toward a lower limit of 80; baseline = value at t = 0.
T_MIN = np.array([0, 1, 2, 3, 4, 5], dtype=float)
Y_MIN = np.array([100.0, 97.9, 96.2, 93.8, 92.1, 90.0])
b, a = np.polyfit(T_MIN, Y_MIN, 1)
pred8 = a + b * 8
out["minDirection"] = {"a": a, "b": b, "r2": r2(Y_MIN, a + b * T_MIN), "pseudoFailureTime": (80 - a) / b,
                       "predAt8": pred8, "driftAt8": 100 - pred8, "driftShare": (pred8 - 100) / (80 - 100)}

LIFE = np.array([12.5, 30.1, 45.7, 61.2, 88.0, 102.3, 150.9])
k_opt, _, s_opt = stats.weibull_min.fit(LIFE, floc=0)
x = np.log(LIFE)
def score(k):
    w = (LIFE / LIFE.max()) ** k
    return np.sum(w * x) / np.sum(w) - 1 / k - x.mean()
k = brentq(score, 0.05, 50, xtol=1e-14, rtol=1e-15)
s = np.mean(LIFE ** k) ** (1 / k)
assert abs(k / k_opt - 1) < 1e-4 and abs(s / s_opt - 1) < 1e-4
out["weibull"] = {"shape": k, "scale": s, "logLik": np.sum(stats.weibull_min.logpdf(LIFE, k, 0, s)),
                  "q50": stats.weibull_min.ppf(0.5, k, 0, s), "b10": stats.weibull_min.ppf(0.1, k, 0, s)}
sig, _, sc = stats.lognorm.fit(LIFE, floc=0)
out["lognormal"] = {"mu": np.log(sc), "sigma": sig, "median": sc,
                    "logLik": np.sum(stats.lognorm.logpdf(LIFE, sig, 0, sc))}
# Two-point sample (smallest allowed)
k2 = brentq(lambda k: np.sum((np.array([1.0, 2.0]) / 2) ** k * np.log([1.0, 2.0])) / np.sum((np.array([1.0, 2.0]) / 2) ** k) - 1 / k - np.mean(np.log([1.0, 2.0])), 0.1, 100, xtol=1e-14)
out["weibullTwoPoint"] = {"shape": k2, "scale": np.mean(np.array([1.0, 2.0]) ** k2) ** (1 / k2)}

print(json.dumps(out, indent=1, default=float))

# Lognormal 10 % quantiles (lifeDistribution.test.ts), scipy.stats.lognorm.ppf
print("lognormal q10 GaAs", repr(stats.lognorm.ppf(0.1, 0.20756003159544958, 0, np.exp(8.518441704558143))))
print("lognormal q10 LIFE", repr(stats.lognorm.ppf(0.1, out["lognormal"]["sigma"], 0, out["lognormal"]["median"])))
