"""Reference table for core/test/distributions.test.ts, computed with mpmath at 60 significant
digits (an arbitrary-precision tool independent of kekao's code and of the @stdlib packages).

Tables (every row's arguments are exact doubles, printed with repr so they round-trip):
  gamma       regularised incomplete gamma P(a, x) and Q(a, x) = 1 - P(a, x),
              a from 0.5 to 5e6 (chi-square df 1 ... 1e7), x where P runs from 1e-10 to 1 - 1e-10
  chisq       chi-square quantile x with P(df/2, x/2) = p, df 1 ... 1e7, p 1e-10 ... 1 - 1e-10
  normal      standard normal quantile, p 1e-300 ... 1 - 1e-16
  t           Student t quantile, df 1 ... 1e6 (kekao ships it; no metric uses it yet)
  beta        beta quantile x with I_x(a, b) = p: the Clopper-Pearson bounds of the failure-rate
              ratio (a, b = failure counts, 1 ... 1e7), p 1e-10 ... 1 - 1e-10
  binom       binomial CDF P(X <= k), X ~ Bin(n, p), and the upper tail P(Y <= n - k - 1),
              Y ~ Bin(n, 1 - p), n up to 50,000 (the exact rate-ratio test;
              larger n take hours at 60 digits)
  cases       the two worked cases: Garwood upper limit for 938 failures in 1e6 units (95 %),
              Vangel lower CV bound for n = 2175

Formulas (mpmath):
  P(a, x) = x^a e^-x / Gamma(a + 1) * 1F1(1; a + 1; x)        (DLMF 8.5.1 with 13.2.2; all terms > 0)
  Q(a, x) = 1 - P(a, x) at 60 digits (rows keep Q >= 1e-25, so Q keeps 35 correct digits),
            checked against mpmath.gammainc(a, x, inf) wherever that converges (a < 2e4)
  quantiles: Newton's method on the CDF at 60 digits from scipy's value as the start, stopped when
            the step is below 1e-25 relative (nine orders below a double's resolution)
  I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * 2F1(a + b, 1; a + 1; x)   (DLMF 8.17.8; all terms > 0),
            used for x <= 1/2 and as 1 - I_{1-x}(b, a) above (faster convergence); it equals
            mpmath.betainc wherever that converges (checked for shapes below 1e4)
  binomial CDF P(X <= k) = I_{1-p}(n - k, k + 1)                  (DLMF 8.17.5)

Run from the repository root (Debian's python3-mpmath, python3-scipy, python3-numpy):
  /usr/bin/python3 core/test/reference/distributions.py
It rewrites core/test/reference/distributions.json (some ten CPU minutes; the sections can run
in parallel: --part NAME OUT.json for each of SECTIONS, then --merge OUT1.json OUT2.json ...).
"""
import json
import math
import os
import random
import sys

import mpmath as mp
from scipy import stats

mp.mp.dps = 60
rng = random.Random(20240613)
HERE = os.path.dirname(os.path.abspath(__file__))

P_GRID = [1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999,
          1 - 1e-4, 1 - 1e-6, 1 - 1e-8, 1 - 1e-10]


def short(x, digits=9):
    """x rounded to `digits` significant digits, as a double (so the argument is exact)."""
    return float(f"{x:.{digits - 1}e}")


def lower_p(a, x):
    a, x = mp.mpf(a), mp.mpf(x)
    if x == 0:
        return mp.mpf(0)
    log_pre = a * mp.log(x) - x - mp.loggamma(a + 1)
    return mp.exp(log_pre) * mp.hyp1f1(1, a + 1, x, maxterms=10**8)


def pdf_gamma(a, x):
    a, x = mp.mpf(a), mp.mpf(x)
    return mp.exp((a - 1) * mp.log(x) - x - mp.loggamma(a))


def gamma_row(a, x):
    p = lower_p(a, x)
    q = 1 - p
    if a < 2e4:  # second opinion from mpmath's own incomplete gamma where it converges
        q2 = mp.gammainc(mp.mpf(a), mp.mpf(x), mp.inf, regularized=True)
        assert abs(q - q2) <= mp.mpf(10) ** -45 * max(q, mp.mpf(10) ** -40), (a, x, q, q2)
    return p, q


def chisq_quantile(p, df):
    """x with P(df/2, x/2) = p: Newton on whichever of P and Q is the smaller."""
    a = mp.mpf(df) / 2
    pm = mp.mpf(p)
    upper = p > 0.5
    target = 1 - pm if upper else pm
    x = mp.mpf(stats.chi2.ppf(p, df)) / 2
    for _ in range(200):
        P = lower_p(a, x)
        f = (1 - P) - target if upper else P - target
        step = f / pdf_gamma(a, x) * (-1 if upper else 1)
        x_new = x - step
        if x_new <= 0:
            x_new = x / 2
        if abs(x_new - x) <= mp.mpf(10) ** -25 * x:
            x = x_new
            break
        x = x_new
    else:
        raise RuntimeError(("no convergence", p, df))
    return 2 * x


def normal_quantile(p):
    pm = mp.mpf(p)
    x = mp.mpf(stats.norm.ppf(p))
    for _ in range(200):
        f = (mp.ncdf(x) - pm) if p < 0.5 else ((1 - mp.ncdf(x)) - (1 - pm))
        step = f / mp.npdf(x) if p < 0.5 else -f / mp.npdf(x)
        x_new = x - step
        if abs(x_new - x) <= mp.mpf(10) ** -25 * max(abs(x), 1):
            return x_new
        x = x_new
    raise RuntimeError(("normal", p))


def beta_series(a, b, x):
    log_pre = a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    return mp.exp(log_pre) * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10**8)


def beta_cdf(a, b, x):
    """I_x(a, b) at 60 digits (see the module comment)."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if x <= 0:
        return mp.mpf(0)
    if x >= 1:
        return mp.mpf(1)
    # The series' terms fall like x^n in the end: take the side with the smaller argument.
    value = beta_series(a, b, x) if x <= 0.5 else 1 - beta_series(b, a, 1 - x)
    if value < mp.mpf("1e-30"):  # the complement would have lost the digits: sum directly
        value = beta_series(a, b, x)
    if a < 1e4 and b < 1e4:  # second opinion
        other = mp.betainc(a, b, 0, x, regularized=True)
        assert abs(value - other) <= mp.mpf(10) ** -30 * value, (a, b, x)
    return value


def t_cdf(t, df):
    nu = mp.mpf(df)
    tail = beta_cdf(nu / 2, mp.mpf(1) / 2, nu / (nu + t * t)) / 2
    return tail if t < 0 else 1 - tail


def t_pdf(t, df):
    nu = mp.mpf(df)
    return mp.exp(mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2)) / mp.sqrt(nu * mp.pi) * (1 + t * t / nu) ** (-(nu + 1) / 2)


def t_quantile(p, df):
    # Solve in the lower tail and reflect: the t distribution is symmetric.
    lower = p < 0.5
    target = mp.mpf(p) if lower else 1 - mp.mpf(p)
    x = mp.mpf(stats.t.ppf(p if lower else 1 - p, df))
    for _ in range(300):
        f = t_cdf(x, df) - target
        x_new = x - f / t_pdf(x, df)
        if x_new >= 0:
            x_new = x * 2 if x < 0 else -1
        if abs(x_new - x) <= mp.mpf(10) ** -25 * abs(x):
            x = x_new
            break
        x = x_new
    else:
        raise RuntimeError(("t", p, df))
    return x if lower else -x


def beta_pdf(x, a, b):
    a, b = mp.mpf(a), mp.mpf(b)
    return mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)))


def beta_quantile(p, a, b):
    lower = p < 0.5
    target = mp.mpf(p) if lower else 1 - mp.mpf(p)
    x = mp.mpf(stats.beta.ppf(p, a, b))
    for _ in range(300):
        I = beta_cdf(a, b, x)
        f = (I - target) if lower else ((1 - I) - target)
        step = f / beta_pdf(x, a, b) * (1 if lower else -1)
        x_new = x - step
        if x_new <= 0 or x_new >= 1:
            x_new = x / 2 if x_new <= 0 else (1 + x) / 2
        if abs(x_new - x) <= mp.mpf(10) ** -25 * x:
            x = x_new
            break
        x = x_new
    else:
        raise RuntimeError(("beta", p, a, b))
    return x


def binom_cdf(k, n, p):
    if k >= n:
        return mp.mpf(1)
    return beta_cdf(n - k, k + 1, 1 - mp.mpf(p))


def s(x):
    return mp.nstr(x, 25, strip_zeros=False) if isinstance(x, mp.mpf) else repr(x)


SECTIONS = ("gamma", "chisq_low", "chisq_high", "normal_t", "beta", "binom_cases")


def build(only=None):
    """The whole table, or one section of it (to run the sections in parallel processes)."""
    out = {"generator": "core/test/reference/distributions.py (mpmath %s, 60 digits)" % mp.__version__}
    want = (lambda name: only is None or only == name)

    # --- incomplete gamma: fixed and random shapes, x at quantiles of the distribution -----------
    shapes = [0.5, 1, 1.5, 2, 2.5, 3, 5, 7.5, 10, 15, 20, 25, 50, 100, 250, 500, 939, 1000, 1087.5,
              2000, 5000, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 5e6]
    shapes += [short(math.exp(rng.uniform(math.log(0.5), math.log(5e6))), 6) for _ in range(60)]
    if want("gamma"):
        gamma = []
        for a in shapes:
            for p in P_GRID:
                x = short(stats.gamma.ppf(p, a))
                if x <= 0:
                    continue
                P, Q = gamma_row(a, x)
                if P < mp.mpf("1e-11") or Q < mp.mpf("1e-11"):
                    continue
                gamma.append([a, x, s(P), s(Q)])
        out["gamma"] = gamma

    # --- chi-square quantiles ------------------------------------------------------------------
    dfs = [1, 2, 3, 4, 5, 7, 9, 10, 20, 30, 50, 100, 200, 500, 1000, 1800, 1878, 1880, 2000, 2100,
           2174, 2200, 5000, 10000, 100000, 1000000, 10000000]
    dfs += sorted({int(round(math.exp(rng.uniform(0, math.log(1e7))))) for _ in range(60)})
    for part, chosen in (("chisq_low", [d for d in dfs if d < 3000]), ("chisq_high", [d for d in dfs if d >= 3000])):
        if want(part):
            out[part] = [[p, df, s(chisq_quantile(p, df))] for df in chosen for p in P_GRID]

    if want("normal_t"):
        ps = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20] + P_GRID + [1 - 2 ** -40, 1 - 2 ** -50]
        ps += [short(rng.uniform(0, 1)) for _ in range(60)] + [short(10 ** rng.uniform(-300, -1)) for _ in range(60)]
        out["normal"] = [[p, s(normal_quantile(p))] for p in ps]
        t_rows = []
        for df in [1, 2, 3, 5, 10, 30, 100, 1000, 1e4, 1e6]:
            for p in [1e-10, 1e-6, 1e-3, 0.025, 0.1, 0.3, 0.5 - 1e-3, 0.7, 0.9, 0.975, 0.999, 1 - 1e-6, 1 - 1e-10]:
                t_rows.append([p, df, s(t_quantile(p, df))])
        out["t"] = t_rows
    else:
        [short(rng.uniform(0, 1)) for _ in range(60)], [short(10 ** rng.uniform(-300, -1)) for _ in range(60)]

    # --- beta quantiles (Clopper-Pearson shapes: a = x_a or x_a + 1, b = x - x_a + 1 or x - x_a) --
    shape_pairs = [(1, 1), (1, 10), (10, 1), (1, 1000), (3, 7), (50, 60), (938, 1), (1000, 2000),
                   (1e4, 1e4 + 1), (123456, 654321), (1e6, 1), (1, 1e6), (5e6, 4e6), (1e7, 1e7)]
    shape_pairs += [(float(rng.randint(1, 10 ** rng.randint(1, 5))), float(rng.randint(1, 10 ** rng.randint(1, 5)))) for _ in range(12)]
    if want("beta"):
        beta_rows = []
        for a, b in shape_pairs:
            for p in [1e-10, 1e-6, 5e-4, 0.005, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 0.9995, 1 - 1e-6, 1 - 1e-10]:
                q = beta_quantile(p, a, b)
                if q < mp.mpf("1e-300"):
                    continue
                beta_rows.append([p, a, b, s(q)])
        out["beta"] = beta_rows

    if want("binom_cases"):
        # --- binomial CDF (the exact conditional test: n = x_a + x_b, p = E_a / (E_a + E_b)) ------
        binom = []
        for n, p in [(1, 0.5), (10, 0.3), (100, 0.01), (1000, 0.5), (2000, 0.7), (12345, 0.123),
                     (50000, 0.02)]:
            mean, sd = n * p, math.sqrt(n * p * (1 - p))
            ks = {0, n - 1, int(mean)} | {int(mean + z * sd) for z in (-6, -4, -2, -1, -0.5, 0.5, 1, 2, 4, 6)}
            for k in sorted(k for k in ks if 0 <= k < n):
                c = binom_cdf(k, n, p)
                if c < mp.mpf("1e-300"):
                    continue
                # Upper tail P(X > k) as kekao computes it: P(Y <= n - k - 1), Y ~ Bin(n, 1 - p), with
                # 1 - p rounded to a double exactly as in JavaScript.
                upper = binom_cdf(n - k - 1, n, 1 - p)
                if min(c, upper) < mp.mpf("1e-290"):  # beyond a double's normal range
                    continue
                binom.append([k, n, p, s(c), s(upper)])
        out["binom"] = binom

        # --- the two worked cases -------------------------------------------------------------------
        upper_938 = chisq_quantile(0.975, 2 * 938 + 2) / (2 * 10 ** 6)
        # Vangel lower bound, n = 2175, cv chosen so that the exact lower bound is 0.250145.
        n = 2175
        u1 = chisq_quantile(0.975, n - 1)
        cv = mp.mpf("0.258069")
        lower_cv = cv / mp.sqrt(((u1 + 2) / n - 1) * cv ** 2 + u1 / (n - 1))
        out["cases"] = {
            "garwoodUpper938": {"failures": 938, "exposure": 1e6, "confidence": 0.95,
                                "chisq": s(chisq_quantile(0.975, 1878)), "upper": s(upper_938)},
            "vangelLower2175": {"cv": 0.258069, "n": n, "confidence": 0.95, "u1": s(u1), "lower": s(lower_cv)},
        }
    return out


def merge(tables):
    out = {}
    for t in tables:
        out.update(t)
    out["chisq"] = out.pop("chisq_low", []) + out.pop("chisq_high", [])
    return out


if __name__ == "__main__":
    # No argument: the whole table. "--part NAME OUT.json": one section (see SECTIONS);
    # "--merge A.json B.json ...": the table from the sections, as the whole run would write it.
    if len(sys.argv) > 2 and sys.argv[1] == "--part":
        with open(sys.argv[3], "w") as f:
            json.dump(build(sys.argv[2]), f)
        sys.exit(0)
    if len(sys.argv) > 2 and sys.argv[1] == "--merge":
        table = merge(json.load(open(p)) for p in sys.argv[2:])
    else:
        table = merge([build()])
    with open(os.path.join(HERE, "distributions.json"), "w") as f:
        json.dump(table, f, indent=0)
        f.write("\n")
    print({k: len(v) for k, v in table.items() if isinstance(v, list)})
    print(table["cases"])
