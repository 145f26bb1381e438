"""Reference values for core/test/failureRate.test.ts.

Computed without the chi-square/beta identities the TypeScript code uses, by root-finding on the
Poisson and binomial CDFs directly (scipy.optimize.brentq), so the check is independent:
  - Garwood rate bounds: lower L with P(X >= x; L*E) = a/2, upper U with P(X <= x; U*E) = a/2;
  - conditional (Clopper-Pearson) bounds on pi: P(Xa >= xa; pi_L) = a/2, P(Xa <= xa; pi_U) = a/2,
    mapped to R = pi/(1-pi) * Eb/Ea;
  - p = min(1, 2 min(P(X <= xa), P(X >= xa))), X ~ Bin(xa + xb, Ea/(Ea+Eb)).
The first case is R's documented poisson.test example (after 2 in 17877, before 9 in 16660):
ratio 0.20709, CI 0.021774 - 1.000549 (R's p-value differs: it uses binom.test's
minimum-likelihood p; the central p is 0.0501).
Run: python3 core/test/reference/failureRate.py
"""
from scipy.optimize import brentq
from scipy.stats import binom, poisson

TOL = dict(xtol=1e-300, rtol=1e-15, maxiter=1000)


def garwood(x, e, conf=0.95):
    a = 1 - conf
    lower = 0.0 if x == 0 else brentq(lambda m: poisson.sf(x - 1, m) - a / 2, 1e-12, 10 * x + 100, **TOL) / e
    upper = brentq(lambda m: poisson.cdf(x, m) - a / 2, 1e-12, 10 * x + 100, **TOL) / e
    return x / e, lower, upper


def compare(xa, ea, xb, eb, conf=0.95):
    a = 1 - conf
    x = xa + xb
    pi_l = 0.0 if xa == 0 else brentq(lambda p: binom.sf(xa - 1, x, p) - a / 2, 1e-15, 1 - 1e-15, **TOL)
    pi_u = 1.0 if xa == x else brentq(lambda p: binom.cdf(xa, x, p) - a / 2, 1e-15, 1 - 1e-15, **TOL)
    to_r = lambda p: p / (1 - p) * eb / ea
    p0 = ea / (ea + eb)
    pval = min(1.0, 2 * min(binom.cdf(xa, x, p0), binom.sf(xa - 1, x, p0)))
    ratio = (xa / ea) / (xb / eb) if xb > 0 else None
    return dict(
        ratio=ratio,
        reduction=None if ratio is None else 1 - ratio,
        ratioLower=to_r(pi_l),
        ratioUpper=None if pi_u >= 1 else to_r(pi_u),
        p=float(pval),
    )


for (xa, ea, xb, eb, conf) in [
    (2, 17877, 9, 16660, 0.95),   # R poisson.test example
    (0, 5000, 7, 4000, 0.95),     # no failures after improvement
    (3, 1000, 0, 1200, 0.95),     # no failures before
    (15, 20000, 40, 21000, 0.90),
]:
    print(f"after {xa}/{ea}, before {xb}/{eb}, conf {conf}")
    print("  after  rate/lower/upper:", garwood(xa, ea, conf))
    print("  before rate/lower/upper:", garwood(xb, eb, conf))
    print("  ", compare(xa, ea, xb, eb, conf))
