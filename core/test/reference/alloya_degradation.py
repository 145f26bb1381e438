"""Independent reference values for the Alloy-A crack-growth data (test/data/alloya.csv) in
core/test/alloyA.test.ts: 21 specimens, crack length (inches) every 0.01 million cycles, limit
1.6 in (direction 'max'), rated life 0.12 million cycles (the end of the test).

Per specimen and path form, least squares by numpy.polyfit on the transformed data (as
path_models.py): linear y on t; exponential ln y on t; power ln y on ln t (t > 0); logarithmic
y on ln t (t > 0). R² on the original scale = 1 - SSE/SST of the back-transformed fit.
Measured facts straight from the data: the first inspection with y >= 1.6 and the one before it.
Life data under a declared form (kekao's rule, core/src/metrics/degradation/lifeObservations.ts):
pseudo-failure time t* where the fitted path reaches 1.6 (exact) unless the specimen was measured
at/beyond 1.6 earlier than t* (then interval-censored between the inspections), or the path never
reaches 1.6 (then right-censored at the last inspection). Weibull / lognormal MLE with censoring by
scipy (censored_life.py).

Run from the repository root:  /usr/bin/python3 core/test/reference/alloya_degradation.py
"""
import csv
import json
import math
import os
import sys
from collections import OrderedDict

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from censored_life import fit_lognormal, fit_weibull  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
LIMIT, RATED = 1.6, 0.12


def read():
    units = OrderedDict()
    with open(os.path.join(ROOT, "test", "data", "alloya.csv")) as f:
        for row in csv.DictReader(f):
            units.setdefault(row["specimen"], ([], []))
            units[row["specimen"]][0].append(float(row["megacycles"]))
            units[row["specimen"]][1].append(float(row["inches"]))
    return OrderedDict((k, (np.array(t), np.array(y))) for k, (t, y) in units.items())


def r2(y, yhat):
    return 1.0 - np.sum((y - yhat) ** 2) / np.sum((y - y.mean()) ** 2)


def fit(model, t, y):
    """(a, b, r2, predict, solve) for one form."""
    if model == "linear":
        b, a = np.polyfit(t, y, 1)
        return a, b, r2(y, a + b * t), (lambda s: a + b * s), (lambda v: (v - a) / b)
    if model == "exponential":
        b, c = np.polyfit(t, np.log(y), 1)
        a = math.exp(c)
        return a, b, r2(y, a * np.exp(b * t)), (lambda s: a * math.exp(b * s)), (lambda v: math.log(v / a) / b)
    m = t > 0
    if model == "power":
        b, c = np.polyfit(np.log(t[m]), np.log(y[m]), 1)
        a = math.exp(c)
        return a, b, r2(y[m], a * t[m] ** b), (lambda s: a * s ** b), (lambda v: (v / a) ** (1 / b))
    b, a = np.polyfit(np.log(t[m]), y[m], 1)
    return a, b, r2(y[m], a + b * np.log(t[m])), (lambda s: a + b * math.log(s)), (lambda v: math.exp((v - a) / b))


def first_exceedance(t, y):
    for i in range(len(t)):
        if y[i] >= LIMIT:
            return t[i], y[i], (t[i - 1] if i > 0 else None)
    return None


def observation(t, y, model):
    _, b, _, _, solve = fit(model, t, y)
    t_star = solve(LIMIT) if b > 0 else None
    if t_star is not None and t_star < 0:
        t_star = 0.0
    e = first_exceedance(t, y)
    if e is None:
        return ("exact", t_star) if t_star and t_star > 0 else ("right", float(t.max()))
    if t_star and 0 < t_star <= e[0]:
        return ("exact", t_star)
    return ("interval", e[2], e[0]) if e[2] and e[2] > 0 else ("left", e[0])


def summary(units, model):
    fits = {k: fit(model, t, y) for k, (t, y) in units.items()}
    r2s = [f[2] for f in fits.values()]
    baseline = {k: float(y[t == t.min()].mean()) for k, (t, y) in units.items()}
    shares = {k: (fits[k][3](RATED) - baseline[k]) / (LIMIT - baseline[k]) for k in units}
    exceeded = {k: first_exceedance(t, y) for k, (t, y) in units.items()}
    measured_out = [k for k, e in exceeded.items() if e is not None and e[0] <= RATED]
    projected_out = [k for k in units if fits[k][3](RATED) > LIMIT]
    return {
        "meanR2": float(np.mean(r2s)),
        "minR2": float(np.min(r2s)),
        "worstDriftShare": max(shares.values()),
        "outOfSpecAtRatedLife": len(set(measured_out) | set(projected_out)),
        "projectedOutOfSpec": len(projected_out),
        "units": {k: {"a": fits[k][0], "b": fits[k][1], "r2": fits[k][2]} for k in units},
    }


if __name__ == "__main__":
    units = read()
    out = {"specimens": len(units), "points": int(sum(len(t) for t, _ in units.values()))}
    exceeded = OrderedDict()
    for k, (t, y) in units.items():
        e = first_exceedance(t, y)
        if e is not None and e[0] <= RATED:
            exceeded[k] = {"time": e[0], "value": e[1], "previous": e[2]}
    out["measuredExceedances"] = exceeded
    out["models"] = {m: summary(units, m) for m in ("linear", "exponential", "power", "logarithmic")}
    for declared in ("power", "logarithmic"):
        obs = [observation(t, y, declared) for t, y in units.values()]
        w, ln = fit_weibull(obs), fit_lognormal(obs)
        out["life_" + declared] = {
            "observations": {k: o for k, o in zip(units, obs)},
            "weibull": w,
            "lognormal": ln,
            "b10Weibull": float(stats.weibull_min(w["shape"], scale=w["scale"]).ppf(0.1)),
            "b10Lognormal": float(math.exp(ln["mu"] + ln["sigma"] * stats.norm.ppf(0.1))),
        }
    print(json.dumps(out, indent=1, default=float))
