"""Reference values for core/test/consistency.test.ts.

numpy mean and sample SD (ddof=1), CV = SD/mean, and Vangel's (1996) interval with scipy's
chi-square quantiles, for the stage data used in the test.
Run: python3 core/test/reference/consistency.py
"""
import math
import numpy as np
from scipy.stats import chi2


def vangel(cv, n, conf=0.95):
    a = 1 - conf
    nu = n - 1
    u1 = chi2.ppf(1 - a / 2, nu)
    u2 = chi2.ppf(a / 2, nu)
    r2 = ((u2 + 2) / n - 1) * cv**2 + u2 / nu
    lower = cv / math.sqrt(((u1 + 2) / n - 1) * cv**2 + u1 / nu)
    return lower, (cv / math.sqrt(r2) if r2 > 0 else None)


stages = {
    # output voltage (V) of 12 power supplies at delivery and after 1000 h
    't0': [12.02, 11.98, 12.05, 12.01, 11.97, 12.03, 12.00, 11.99, 12.04, 12.02, 11.96, 12.01],
    't1': [11.95, 12.08, 11.90, 12.06, 11.99, 12.10, 11.93, 12.02, 11.97, 12.05, 11.91, 12.04],
    # a resistance drift sample (ohm) with a large spread
    'spread': [100.0, 140.0, 75.0, 180.0, 60.0],
}
for name, v in stages.items():
    x = np.array(v)
    n = len(x)
    mean = x.mean()
    sd = x.std(ddof=1)
    cv = sd / mean
    for conf in (0.95, 0.90):
        lo, up = vangel(cv, n, conf)
        print(f"{name} conf={conf}: n={n} mean={float(mean)!r} sd={float(sd)!r} cv={float(cv)!r} lower={float(lo)!r} upper={None if up is None else float(up)!r}")

# [1, 1, 4]: CV = sqrt(3)/2, n = 3 -> Vangel's upper radicand is negative (upper bound unbounded)
cv = math.sqrt(3) / 2
u2 = chi2.ppf(0.025, 2)
print("[1,1,4] cv", cv, "upper radicand", ((u2 + 2) / 3 - 1) * cv**2 + u2 / 2)
