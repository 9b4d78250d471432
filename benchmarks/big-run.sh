#!/usr/bin/env bash
# Memory flat, writing never the bottleneck (issue 5, point 3): an xy sweep of SIDE × SIDE trajectories,
# 200 steps, under /usr/bin/time -v. Prints the engine's own summary (peak RSS, rows/s written, share of wall
# time compute waited on I/O) and time's maximum resident set size; exits non-zero when peak RSS >= 1 GiB.
#
#   benchmarks/big-run.sh            # 10^4 × 10^4 = 10^8 trajectories (minutes; ~4 GB of Parquet, removed after)
#   benchmarks/big-run.sh 1000       # 10^6 trajectories (seconds)
#   OUT=/big/disk/dir KEEP=1 benchmarks/big-run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
side=${1:-10000}
steps=${STEPS:-200}
tmp=""
if [[ -z ${OUT:-} ]]; then tmp=$(mktemp -d -t eos-big-run.XXXXXX); fi
out=${OUT:-$tmp/data}
cli=src/EosSweep.Cli/bin/Release/net10.0/eos-sweep.dll
[[ -x /usr/bin/time ]] || { echo "big-run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[[ -f $cli ]] || dotnet build src/EosSweep.Cli/EosSweep.Cli.csproj -c Release -v q
log=$(mktemp -t eos-big-run-time.XXXXXX)
echo "big-run: xy/logistic, $side × $side = $((side * side)) trajectories × $steps steps → $out" >&2
# η spans the xy phase boundary y0² = 8/η (logistic, ℓ''(0) = 1/4): gf below, eos above.
/usr/bin/time -v -o "$log" dotnet "$cli" run --model xy --eta "log:0.01:1:$side" --y0 "log:0.5:40:$side" --x0 0.1 \
  --steps "$steps" --out "$out" --overwrite
grep -E "Maximum resident set size|Elapsed \(wall clock\)|Percent of CPU" "$log" >&2
kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
du -sh "$out" >&2
[[ -n ${KEEP:-} ]] || rm -rf "$out" ${tmp:+"$tmp"}
rm -f "$log"
if (( kb >= 1048576 )); then
  echo "big-run: FAIL: peak RSS $((kb / 1024)) MiB >= 1 GiB" >&2
  exit 1
fi
echo "big-run: OK: peak RSS $((kb / 1024)) MiB < 1 GiB" >&2
