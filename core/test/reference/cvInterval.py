"""Reference values for core/test/cvInterval.test.ts.

Vangel (1996) modified McKay interval for a coefficient of variation, with chi-square quantiles
from scipy (independent of @stdlib):
  nu = n - 1, u1 = chi2.ppf(1 - a/2, nu), u2 = chi2.ppf(a/2, nu)
  lower = K / sqrt(((u1 + 2)/n - 1) K^2 + u1/nu), upper = K / sqrt(((u2 + 2)/n - 1) K^2 + u2/nu)
Run: python3 core/test/reference/cvInterval.py
"""
import math
from scipy.stats import chi2


def vangel(cv, n, conf=0.95):
    a = 1 - conf
    nu = n - 1
    u1 = chi2.ppf(1 - a / 2, nu)
    u2 = chi2.ppf(a / 2, nu)
    r1 = ((u1 + 2) / n - 1) * cv**2 + u1 / nu
    r2 = ((u2 + 2) / n - 1) * cv**2 + u2 / nu
    lower = cv / math.sqrt(r1)
    upper = cv / math.sqrt(r2) if r2 > 0 else None
    return lower, upper, r2


cases = [
    (0.1, 10, 0.95),   # Vangel (1996) published example: 0.06860 - 0.18419
    (0.05, 5, 0.95),
    (0.2, 30, 0.90),
    (0.01, 100, 0.99),
    (0.3, 2, 0.95),
    (0.0, 8, 0.95),
    (1.0, 3, 0.95),    # upper radicand <= 0 -> unbounded
    (100.0, 2, 0.95),  # n = 2, huge CV: the formula's upper bound falls below the estimate
]
for cv, n, conf in cases:
    lo, up, r2 = vangel(cv, n, conf)
    print(f"cv={cv} n={n} conf={conf}: lower={float(lo)!r} upper={None if up is None else float(up)!r} upperRadicand={float(r2)!r}")
