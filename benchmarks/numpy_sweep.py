#!/usr/bin/env python3
"""The sweep a CPU user writes instead of EosSweep: numpy, vectorised over trajectories, with masking.

Runs the `xy` or `mean` model with the logistic loss in float64 or float32 under the very rules of
src/EosSweep.Core/RegimeRules.cs and kernels/EosSweep.Kernels/Execution/Trajectory.cs:

- at step t: loss L_t, exact sharpness (largest Hessian eigenvalue, closed form), ratio r_t = eta*lambda_t/2,
  then theta_{t+1} = theta_t - eta*grad; parameters with |theta| below 1e-100 (f64) / 1e-15 (f32) flushed to 0;
- diverged at t+1: L_t not finite or ||theta_{t+1}||_1 > bound (or not finite);
- converged at t+1: ||theta_{t+1} - theta_t||_1 <= tol*(1 + ||theta_{t+1}||_1) and r_t < 1;
- gf / eos by the running maximum of r (final point included) against 1 - eos_margin; else unconverged;
- bookkeeping (min loss, max sharpness and ratio, the tests) in float64, like the driver.

Finished trajectories are written out and dropped from the working arrays (compaction), so a diverged
trajectory stops costing work, as in the engine. The special functions are numpy's (exp, log1p, tanh) and, for
Phi in `mean`, fdlibm's erfc rationals evaluated with numpy, so results agree with the engine to rounding,
not bit for bit.

Usage: numpy_sweep.py SPEC.json [--dump FILE]
SPEC.json: {"model": "xy"|"mean", "precision": "f64"|"f32", "steps": N, "tol": t, "bound": B,
            "eos_margin": m, "repeats": r, "axes": [{"name": "eta", "values": [...]}, ...]}
(axes slowest first, every model axis present, as in the engine's resolved spec).
Prints one JSON object: trajectories, steps (GD steps taken, summed), median_seconds, steps_per_second,
regimes, numpy version. --dump FILE also writes every trajectory's results as JSON (small grids only).
"""

import json
import statistics
import sys
import time

import numpy as np

REGIMES = ("gf", "eos", "diverged", "unconverged")
GF, EOS, DIVERGED, UNCONVERGED = range(4)
SQRT2 = 1.4142135623730950488

# fdlibm s_erf.c coefficients (the same as kernels/EosSweep.Kernels/Numerics/PMath.Erf.cs).
ERX = 8.45062911510467529297e-01
PP = (1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
      -5.77027029648944159157e-03, -2.37630166566501626084e-05)
QQ = (1.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
      1.32494738004321644526e-04, -3.96022827877536812320e-06)
PA = (-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
      3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
      -2.16637559486879084300e-03)
QA = (1.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
      1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02)
RA = (-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
      -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
      -8.12874355063065934246e+01, -9.81432934416914548592e+00)
SA = (1.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
      6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
      6.57024977031928170135e+00, -6.04244152148580987438e-02)
RB = (-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
      -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
      -4.83519191608651397019e+02)
SB = (1.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
      3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
      -2.24409524465858183362e+01)


def horner(coeffs, t, dt):
    """c0 + c1*t + c2*t^2 + ... in the working type."""
    acc = np.full_like(t, dt(coeffs[-1]))
    for c in reversed(coeffs[:-1]):
        acc = acc * t + dt(c)
    return acc


def erfc(x, dt):
    """fdlibm's erfc, vectorised: every interval's formula on every element, then a select."""
    a = np.abs(x)
    one = dt(1.0)
    # [0, 0.84375): erfc = 1 - (x + x*P(x^2)/Q(x^2))
    s = a * a
    y0 = horner(PP, s, dt) / horner(QQ, s, dt)
    near = np.where(x < dt(0.25), one - (x + x * y0), dt(0.5) - (x * y0 + (x - dt(0.5))))
    # [0.84375, 1.25): 1 - erx - P(s)/Q(s), s = |x| - 1
    s1 = a - one
    y1 = horner(PA, s1, dt) / horner(QA, s1, dt)
    mid = np.where(x < 0, dt(1.0 + ERX) + y1, dt(1.0 - ERX) - y1)
    # [1.25, 28): exp(-z^2 - 0.5625) * exp((z - a)(z + a) + R/S) / a, z = a with its low bits cleared
    ac = np.minimum(a, dt(28.0))
    t = one / (ac * ac)
    tail_r = np.where(ac < dt(1.0 / 0.35), horner(RA, t, dt) / horner(SA, t, dt), horner(RB, t, dt) / horner(SB, t, dt))
    if dt is np.float64:
        z = (ac.view(np.int64) & np.int64(-4294967296)).view(np.float64)
    else:
        z = (ac.view(np.int32) & np.int32(-4096)).view(np.float32)
    q = np.exp(-z * z - dt(0.5625)) * np.exp((z - ac) * (z + ac) + tail_r) / ac
    far = np.where(x < 0, dt(2.0) - q, q)
    return np.where(a < dt(0.84375), near, np.where(a < dt(1.25), mid, far))


def logistic(s, dt):
    """l(s) = |s|/2 + log1p(e^-|s|), l' = tanh(s/2)/2, l'' = e^-|s|/(1 + e^-|s|)^2."""
    a = np.abs(s)
    e = np.exp(-a)
    one_plus = dt(1.0) + e
    d1 = dt(0.5) * np.tanh(dt(0.5) * s)
    d2 = e / (one_plus * one_plus)
    return dt(0.5) * a + np.log1p(e), d1, d2


def max_eig2(a, b, c, dt):
    """Larger eigenvalue of [[a, b], [b, c]]."""
    mean = dt(0.5) * (a + c)
    half = dt(0.5) * (a - c)
    return mean + np.sqrt(half * half + b * b)


def flush(v, threshold):
    v[np.abs(v) < threshold] = 0
    return v


class Xy:
    names = ("x", "y")
    axes = ("eta", "x0", "y0")

    @staticmethod
    def step(state, eta, dt, threshold):
        x, y = state
        s = x * y
        loss, d1, d2 = logistic(s, dt)
        sharp = max_eig2((d2 * y) * y, d2 * s + d1, (d2 * x) * x, dt)
        g = eta * d1
        xn = flush(x - g * y, threshold)
        yn = flush(y - g * x, threshold)
        move = np.abs(xn - x) + np.abs(yn - y)
        size = np.abs(xn) + np.abs(yn)
        return (xn, yn), loss, sharp, move, size


class Mean:
    names = ("a_plus", "a_minus", "b")
    axes = ("eta", "a_plus0", "a_minus0", "b0", "d")

    @staticmethod
    def step(state, eta, d, dt, threshold):
        ap, am, b = state
        phi = np.exp(dt(-0.5) * (b * b)) * dt(0.39894228040143267794)
        cdf = erfc(b * dt(-0.70710678118654752440), dt) * dt(0.5)
        g = b * cdf + phi
        big = d * g
        dbig = d * cdf
        ddbig = d * phi
        sum_a = ap + am
        f = big * sum_a
        loss, d1, d2 = logistic(f, dt)
        fb = dbig * sum_a
        huu = dt(2.0) * ((d2 * big) * big)
        hub = dt(SQRT2) * ((d2 * big) * fb + d1 * dbig)
        hbb = (d2 * fb) * fb + (d1 * ddbig) * sum_a
        lam = max_eig2(huu, hub, hbb, dt)
        sharp = np.where(lam < 0, dt(0.0), lam)
        ga = eta * (d1 * big)
        gb = eta * (d1 * fb)
        apn = flush(ap - ga, threshold)
        amn = flush(am - ga, threshold)
        bn = flush(b - gb, threshold)
        move = (np.abs(apn - ap) + np.abs(amn - am)) + np.abs(bn - b)
        size = (np.abs(apn) + np.abs(amn)) + np.abs(bn)
        return (apn, amn, bn), loss, sharp, move, size


def grid(spec):
    """Every axis's value per trajectory, first axis slowest (the engine's traj_id order)."""
    axes = spec["axes"]
    mesh = np.meshgrid(*[np.asarray(a["values"], dtype=np.float64) for a in axes], indexing="ij")
    return {a["name"]: m.ravel() for a, m in zip(axes, mesh)}


def run(spec, points):
    model = spec["model"]
    dt = np.float64 if spec["precision"] == "f64" else np.float32
    threshold = dt(1e-100) if dt is np.float64 else dt(1e-15)
    steps, tol, bound = int(spec["steps"]), float(spec["tol"]), float(spec["bound"])
    eos_threshold = 1.0 - float(spec["eos_margin"])
    if model == "xy":
        m = Xy
        state = (points["x0"].astype(dt), points["y0"].astype(dt))
        step = lambda st, eta, extra: m.step(st, eta, dt, threshold)  # noqa: E731
        extra = ()
    elif model == "mean":
        m = Mean
        state = (points["a_plus0"].astype(dt), points["a_minus0"].astype(dt), points["b0"].astype(dt))
        step = lambda st, eta, extra: m.step(st, eta, extra[0], dt, threshold)  # noqa: E731
        extra = (points["d"].astype(dt),)
    else:
        raise SystemExit(f"numpy_sweep.py: error: model '{model}' has no numpy twin (xy, mean)")

    n = points["eta"].shape[0]
    eta = points["eta"].astype(dt)
    half_eta = 0.5 * eta.astype(np.float64)
    final = [np.empty(n, dtype=dt) for _ in m.names]
    out_steps = np.full(n, steps, dtype=np.int32)
    out_regime = np.full(n, UNCONVERGED, dtype=np.int8)
    min_loss = np.full(n, np.inf)
    max_sharp = np.zeros(n)
    max_ratio = np.zeros(n)

    # The working set: trajectories still running, compacted whenever some finish.
    idx = np.arange(n)
    w_eta, w_half, w_extra = eta, half_eta, extra
    w_min, w_sharp, w_ratio = min_loss.copy(), max_sharp.copy(), max_ratio.copy()
    t = 0
    while t < steps and idx.size > 0:
        state, loss, sharp, move, size = step(state, w_eta, w_extra)
        t += 1
        loss64, sharp64 = np.asarray(loss, dtype=np.float64), np.asarray(sharp, dtype=np.float64)
        size64 = np.asarray(size, dtype=np.float64)
        ratio = w_half * sharp64
        # fmin/fmax: NaN never replaces a value (the running values start finite).
        np.fmin(w_min, loss64, out=w_min)
        np.fmax(w_sharp, sharp64, out=w_sharp)
        np.fmax(w_ratio, ratio, out=w_ratio)
        diverged = ~np.isfinite(loss64) | ~(size64 <= bound)
        converged = ~diverged & (np.asarray(move, dtype=np.float64) <= tol * (1.0 + size64)) & (ratio < 1.0)
        done = diverged | converged
        if done.any():
            out = idx[done]
            for k, v in enumerate(state):
                final[k][out] = v[done]
            out_steps[out] = t
            out_regime[out] = np.where(diverged[done], DIVERGED, GF)
            min_loss[out], max_sharp[out], max_ratio[out] = w_min[done], w_sharp[done], w_ratio[done]
            keep = ~done
            idx = idx[keep]
            state = tuple(v[keep] for v in state)
            w_eta, w_half = w_eta[keep], w_half[keep]
            w_extra = tuple(v[keep] for v in w_extra)
            w_min, w_sharp, w_ratio = w_min[keep], w_sharp[keep], w_ratio[keep]

    for k, v in enumerate(state):
        final[k][idx] = v
    min_loss[idx], max_sharp[idx], max_ratio[idx] = w_min, w_sharp, w_ratio

    # The final point, evaluated without moving (its step's new state is discarded).
    _, final_loss, final_sharp, _, _ = step(tuple(final), eta, extra)
    final_loss, final_sharp = final_loss.astype(np.float64), final_sharp.astype(np.float64)
    final_ratio = half_eta * final_sharp
    min_loss = np.where(final_loss < min_loss, final_loss, min_loss)
    max_sharp = np.where(final_sharp > max_sharp, final_sharp, max_sharp)
    max_ratio = np.where(final_ratio > max_ratio, final_ratio, max_ratio)
    out_regime = np.where((out_regime == GF) & (max_ratio >= eos_threshold), EOS, out_regime)
    return {
        "names": m.names, "final": final, "steps": out_steps, "regime": out_regime, "final_loss": final_loss,
        "min_loss": min_loss, "sharpness_final": final_sharp, "sharpness_max": max_sharp, "stability_ratio": final_ratio,
    }


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--dump"):
        raise SystemExit("usage: numpy_sweep.py SPEC.json [--dump FILE]")
    with open(argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    points = grid(spec)
    repeats = max(1, int(spec.get("repeats", 1)))
    seconds = []
    result = None
    with np.errstate(all="ignore"):
        for _ in range(repeats):
            start = time.perf_counter()
            result = run(spec, points)
            seconds.append(time.perf_counter() - start)
    total_steps = int(result["steps"].astype(np.int64).sum())
    median = statistics.median(seconds)
    counts = np.bincount(result["regime"].astype(np.int64), minlength=4)
    print(json.dumps({
        "runner": "numpy",
        "numpy": np.__version__,
        "model": spec["model"],
        "precision": spec["precision"],
        "trajectories": int(points["eta"].shape[0]),
        "steps": total_steps,
        "repeats": repeats,
        "median_seconds": median,
        "steps_per_second": total_steps / median if median > 0 else 0.0,
        "regimes": {name: int(c) for name, c in zip(REGIMES, counts)},
    }))
    if len(argv) == 4:
        finite = lambda v: [float(x) if np.isfinite(x) else None for x in v]  # noqa: E731
        dump = {name: finite(v.astype(np.float64)) for name, v in zip(result["names"], result["final"])}
        for key in ("final_loss", "min_loss", "sharpness_final", "sharpness_max", "stability_ratio"):
            dump[key] = finite(result[key])
        dump["steps"] = [int(v) for v in result["steps"]]
        dump["regime"] = [REGIMES[int(v)] for v in result["regime"]]
        with open(argv[3], "w", encoding="utf-8") as f:
            json.dump(dump, f)


if __name__ == "__main__":
    main(sys.argv)
