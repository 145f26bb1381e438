"""Independent reference values for Weibull and lognormal maximum-likelihood fits with censored
observations (core/src/metrics/life/censoredLifeFit.ts).

Each observation is ("exact", t), ("right", t) still working at t, ("left", t) failed by t, or
("interval", l, u) failed in (l, u]. The log-likelihood is written with scipy.stats on the time
scale (weibull_min with shape c and scale alpha; lognorm with s = sigma, scale = e^mu):
    exact: logpdf(t)   right: logsf(t)   left: logcdf(t)   interval: log(sf(l) - sf(u))
and maximised with scipy.optimize.minimize (Nelder-Mead on (log alpha, log c) resp. (mu, log sigma),
polished by a second Nelder-Mead run from the first optimum, tolerances 1e-13). This is a
different parametrisation, different code and a different optimiser from kekao's
(Newton on (mu, ln sigma) of the log-life location-scale form).

Run from the repository root:  /usr/bin/python3 core/test/reference/censored_life.py
"""
import csv
import math
import os
from collections import OrderedDict

import numpy as np
from scipy import optimize, stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def loglik(dist, obs):
    total = 0.0
    for o in obs:
        kind = o[0]
        if kind == "exact":
            total += dist.logpdf(o[1])
        elif kind == "right":
            total += dist.logsf(o[1])
        elif kind == "left":
            total += dist.logcdf(o[1])
        else:
            total += math.log(dist.sf(o[1]) - dist.sf(o[2]))
    return total


def _minimise(f, x0):
    opts = {"xatol": 1e-13, "fatol": 1e-13, "maxiter": 40000, "maxfev": 80000}
    r = optimize.minimize(f, x0, method="Nelder-Mead", options=opts)
    r = optimize.minimize(f, r.x, method="Nelder-Mead", options=opts)
    return r


def start(obs):
    y = [math.log(o[1]) if o[0] != "interval" else (math.log(o[1]) + math.log(o[2])) / 2 for o in obs]
    return float(np.mean(y)), float(np.std(y)) or 1.0


def fit_weibull(obs):
    m, s = start(obs)

    def nll(p):
        v = loglik(stats.weibull_min(math.exp(p[1]), scale=math.exp(p[0])), obs)
        return -v if np.isfinite(v) else 1e300

    r = _minimise(nll, [m, math.log(1.2 / s)])
    return {"shape": math.exp(r.x[1]), "scale": math.exp(r.x[0]), "logLik": -r.fun}


def fit_lognormal(obs):
    m, s = start(obs)

    def nll(p):
        v = loglik(stats.lognorm(math.exp(p[1]), scale=math.exp(p[0])), obs)
        return -v if np.isfinite(v) else 1e300

    r = _minimise(nll, [m, math.log(s)])
    return {"mu": r.x[0], "sigma": math.exp(r.x[1]), "logLik": -r.fun}


def gaas_pseudo_failure_times():
    units = OrderedDict()
    with open(os.path.join(ROOT, "test", "data", "gaaslaser.csv")) as f:
        for row in csv.DictReader(f):
            units.setdefault(row["unit"], ([], []))
            units[row["unit"]][0].append(float(row["hours"]))
            units[row["unit"]][1].append(float(row["increase"]))
    out = []
    for t, y in units.values():
        b, a = np.polyfit(np.array(t), np.array(y), 1)
        out.append((10 - a) / b)
    return out


if __name__ == "__main__":
    # GaAs lasers (15 pseudo-failure times, linear paths to 10 %) plus one unit whose path moves
    # away from the limit, measured at 0, 1000, 2000, 3000 h: right-censored at 3000 h.
    obs = [("exact", t) for t in gaas_pseudo_failure_times()] + [("right", 3000.0)]
    w = fit_weibull(obs)
    ln = fit_lognormal(obs)
    print("gaas + right-censored 3000 h:")
    print("  weibull", {k: repr(v) for k, v in w.items()}, "B10", repr(stats.weibull_min(w["shape"], scale=w["scale"]).ppf(0.1)))
    print("  lognormal", {k: repr(v) for k, v in ln.items()})
