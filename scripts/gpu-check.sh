#!/usr/bin/env bash
# gpu-check.sh — publish eos-sweep self-contained for linux-x64, and check and measure it on an NVIDIA GPU.
#
#   scripts/gpu-check.sh publish [DIR]   build the tool here (needs the .NET SDK and NuGet) into DIR
#                                        (default publish/gpu-linux-x64); prints its size; fails above 60 MiB
#   scripts/gpu-check.sh run [RESULTS]   on the GPU machine (no SDK, no network): devices, the CUDA-vs-CPU check
#                                        with the project's math and with libdevice, bench on CUDA in f64 and f32,
#                                        the fractal-tanh preset at 256 x 256 (wall time, projected to 1024^2, 4096^2);
#                                        writes RESULTS/gpu-check.json (the summary) and RESULTS/gpu-check.log
#                                        (default RESULTS: $OUT when set, else ./gpu-results)
#
# Options of `run` (environment):
#   GPU_CHECK_TOOL=PATH          the published eos-sweep (default publish/gpu-linux-x64/eos-sweep)
#   GPU_CHECK_TRAJECTORIES=N     trajectories per model in the check (default 10000)
#   GPU_CHECK_FRACTAL_RESOLUTION=N side of the fractal-tanh run (default 256; 8 in the CPU fallback)
#   GPU_CHECK_CPU_FALLBACK=1     with no CUDA device, run the same check CPU against CPU (tests this script) instead
#                                of failing
#   CUDA_HOME                    the CUDA toolkit for --gpu-math libdevice (default /usr/local/cuda when it exists)
#
# Exit status of `run`: 0 when every check passed, 1 when a check failed, 3 when no CUDA device is visible
# (without GPU_CHECK_CPU_FALLBACK), 2 for a missing tool. See scripts/README.md for the device tool.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
limit_mib=60

publish() {
    local dir="${1:-$here/publish/gpu-linux-x64}"
    rm -rf "$dir"
    # The profile src/EosSweep.Cli/Properties/PublishProfiles/linux-x64-gpu.pubxml says what is in the build and why:
    # self-contained single file, compressed, framework trimmed where trimmable, CoreLib, ILGPU, Parquet.Net and
    # DuckDB (`query`) kept whole.
    dotnet publish "$here/src/EosSweep.Cli" -p:PublishProfile=linux-x64-gpu \
        -o "$dir" >&2
    local kib
    kib=$(du -sk "$dir" | cut -f1)
    echo "gpu-check: published $dir: $((kib / 1024)) MiB ($kib KiB)"
    if (( kib > limit_mib * 1024 )); then
        echo "gpu-check: error: the published tool is $((kib / 1024)) MiB, over the ${limit_mib} MiB budget" >&2
        exit 1
    fi
}

run() {
    local results="${1:-${OUT:-$PWD/gpu-results}}"
    local tool="${GPU_CHECK_TOOL:-$here/publish/gpu-linux-x64/eos-sweep}"
    local n="${GPU_CHECK_TRAJECTORIES:-10000}"
    if [[ ! -x "$tool" ]]; then
        echo "gpu-check: error: no published tool at $tool; run 'scripts/gpu-check.sh publish' first (and carry the folder)" >&2
        exit 2
    fi

    mkdir -p "$results"
    local work log
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    log="$results/gpu-check.log"
    : > "$log"
    # Single-file apps unpack their native libraries once; keep that inside the run.
    export DOTNET_BUNDLE_EXTRACT_BASE_DIR="$work/bundle"
    if [[ -z "${CUDA_HOME:-}" && -d /usr/local/cuda ]]; then
        export CUDA_HOME=/usr/local/cuda
    fi

    step() {   # step NAME CMD... : run, tee into the log, remember the exit code
        local name="$1"; shift
        echo "== $name: $*" | tee -a "$log"
        local start=$SECONDS rc
        set +e
        "$@" 2>&1 | tee -a "$log"
        rc=${PIPESTATUS[0]}
        set -e
        echo "== $name: exit $rc after $((SECONDS - start)) s" | tee -a "$log"
        echo "$rc" > "$work/$name.rc"
    }

    { echo "gpu-check $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname)"; nvidia-smi -L 2>/dev/null || echo "nvidia-smi: not available"; } | tee -a "$log"
    step devices "$tool" devices
    local accel=cuda
    if ! grep -qE '^[0-9]+ +cuda ' "$log"; then
        if [[ "${GPU_CHECK_CPU_FALLBACK:-0}" != 1 ]]; then
            echo "gpu-check: error: no CUDA device visible to ILGPU (eos-sweep devices lists none); nothing to check" | tee -a "$log" >&2
            exit 3
        fi
        echo "gpu-check: no CUDA device; GPU_CHECK_CPU_FALLBACK=1: checking the CPU against itself" | tee -a "$log"
        accel=cpu
        n="${GPU_CHECK_TRAJECTORIES:-64}"
    fi

    local steps=()
    [[ $accel == cpu ]] && steps=(--steps 20)
    step check-project "$tool" check --accelerator "$accel" --against cpu --trajectories "$n" "${steps[@]}" --json "$work/check-project.json"
    step check-libdevice "$tool" check --accelerator "$accel" --against cpu --trajectories "$n" "${steps[@]}" --gpu-math libdevice --json "$work/check-libdevice.json"
    if [[ $accel == cuda ]]; then
        step bench-f64 "$tool" bench --accelerator cuda --precision f64 --repeats 3 --json "$work/bench-f64.json"
        step bench-f32 "$tool" bench --accelerator cuda --precision f32 --repeats 3 --json "$work/bench-f32.json"
    else
        step bench-f64 "$tool" bench --quick --repeats 1 --json "$work/bench-f64.json"
    fi

    # Issue 7's fractal-tanh wall time: the preset at a side that fits the script's budget, projected to 1024² and 4096²
    # by the trajectory count (the summary does the arithmetic).
    local side="${GPU_CHECK_FRACTAL_RESOLUTION:-256}" fsteps=()
    [[ $accel == cpu ]] && { side="${GPU_CHECK_FRACTAL_RESOLUTION:-8}"; fsteps=(--steps 20); }
    echo "$side" > "$work/fractal.side"
    step fractal "$tool" run --preset fractal-tanh --resolution "$side" "${fsteps[@]}" --accelerator "$accel" --out "$work/fractal"
    summarize "$work" "$results/gpu-check.json" "$log" | tee -a "$log"
    local failed=0
    for f in "$work"/check-project.rc "$work"/bench-*.rc; do
        [[ "$(cat "$f")" == 0 ]] || failed=1
    done
    exit "$failed"
}

summarize() {   # summarize WORK JSON : one results file from the parts, and which math is faster and correct
    local work="$1" out="$2" log="$3"
    if ! command -v python3 >/dev/null; then
        echo "gpu-check: python3 absent; the per-step JSON summary is skipped (see the log)"
        return 0
    fi
    python3 - "$work" "$out" "$log" <<'PY'
import json, os, re, sys
work, out, log = sys.argv[1], sys.argv[2], sys.argv[3]
def load(name):
    p = os.path.join(work, name)
    return json.load(open(p)) if os.path.exists(p) else None
def rc(name):
    p = os.path.join(work, name + ".rc")
    return int(open(p).read()) if os.path.exists(p) else None
doc = {"check_project": load("check-project.json"), "check_libdevice": load("check-libdevice.json"),
       "bench_f64": load("bench-f64.json"), "bench_f32": load("bench-f32.json"),
       "exit_codes": {n: rc(n) for n in ["devices", "check-project", "check-libdevice", "bench-f64", "bench-f32", "fractal"]}}
wrote = re.findall(r"^wrote ([0-9,]+) trajectories to .*fractal in ([0-9.]+) s", open(log).read(), re.M)
if wrote and os.path.exists(os.path.join(work, "fractal.side")):
    rows, seconds = int(wrote[-1][0].replace(",", "")), float(wrote[-1][1])
    side = int(open(os.path.join(work, "fractal.side")).read())
    doc["fractal_tanh"] = {"resolution": side, "trajectories": rows, "seconds": seconds,
                           "projected_seconds_1024": seconds * (1024 / side) ** 2, "projected_seconds_4096": seconds * (4096 / side) ** 2}
proj, lib = doc["check_project"], doc["check_libdevice"]
verdict = []
if proj and lib:
    for p, l in zip(proj["results"], lib["results"]):
        ratio = l["tested_steps_per_second"] / p["tested_steps_per_second"] if p["tested_steps_per_second"] else float("nan")
        best = "libdevice" if l["passed"] and (ratio > 1 or not p["passed"]) else ("project" if p["passed"] else "neither")
        verdict.append({"workload": p["workload"], "project_passed": p["passed"], "libdevice_passed": l["passed"],
                        "project_max_rel": p["max_relative"], "libdevice_max_rel": l["max_relative"],
                        "libdevice_speed_ratio": ratio, "faster_and_correct": best})
    overall = "libdevice" if verdict and all(v["faster_and_correct"] == "libdevice" for v in verdict) else "project"
else:
    overall = "project (libdevice not measured: see check-libdevice in the log)"
doc["math_verdict"] = {"per_workload": verdict, "default_should_be": overall}
json.dump(doc, open(out, "w"), indent=2)
print("== summary")
for v in verdict:
    print(f"{v['workload']:<30} project {'pass' if v['project_passed'] else 'FAIL'} (max rel {v['project_max_rel']:.1e}), "
          f"libdevice {'pass' if v['libdevice_passed'] else 'FAIL'} (max rel {v['libdevice_max_rel']:.1e}), "
          f"libdevice/project speed {v['libdevice_speed_ratio']:.2f}x -> {v['faster_and_correct']}")
print(f"faster-and-correct f64 math: {overall}")
if "fractal_tanh" in doc:
    f = doc["fractal_tanh"]
    print(f"fractal-tanh {f['resolution']}x{f['resolution']}: {f['seconds']:.1f} s -> projected 1024x1024 {f['projected_seconds_1024']:.0f} s, 4096x4096 {f['projected_seconds_4096']:.0f} s")
print(f"wrote {out}")
PY
}

case "${1:-}" in
    publish) shift; publish "$@" ;;
    run) shift; run "$@" ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
