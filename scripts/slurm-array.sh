#!/usr/bin/env bash
# Submit an eos-sweep run as a Slurm job array: one shard of the grid per array task.
#
#   scripts/slurm-array.sh [options] --out DIR -- <eos-sweep run arguments>
#
# Array task K of N runs
#   eos-sweep run <arguments> --out DIR --shard K/N        (K = SLURM_ARRAY_TASK_ID, 0-based; N = SLURM_ARRAY_TASK_COUNT)
# so the N tasks together write the whole grid into DIR, each shard into its own part files. The job is
# submitted with --requeue: a pre-empted or failed-node task is put back in the queue and runs the same
# command again, which continues the shard's existing data (exact resume) instead of starting over.
#
# Options:
#   --out DIR           the data set directory, on a file system every node sees (required)
#   --shards N          number of array tasks (default 4)
#   --eos-sweep CMD     how to start eos-sweep, e.g. /opt/eos/eos-sweep or "dotnet /opt/eos/eos-sweep.dll"
#                       (default: $EOS_SWEEP, else eos-sweep on PATH, else this checkout's published app
#                       publish/eos-sweep, else its built dll src/EosSweep.Cli/bin/Release/net10.0/eos-sweep.dll via dotnet)
#   --sbatch ARG        one extra sbatch argument, repeatable (e.g. --sbatch --partition=gpu --sbatch --time=02:00:00)
#   --wait              wait for every task to end (sbatch --wait); the exit status is the array's
#   --dry-run           print the job script and the sbatch command, submit nothing
#   -h, --help          this text
#
# The job script and the task logs (slurm-<job>_<task>.out) go to DIR.slurm/ beside the data set.
# Check progress with `eos-sweep status DIR`; once every shard is done, summarize and query DIR as usual.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "slurm-array: error: $*" >&2; exit 2; }

here=$(cd "$(dirname "$0")/.." && pwd)
out="" shards=4 eos="${EOS_SWEEP:-}" wait=0 dry=0
sbatch_args=() run_args=()
while (($#)); do
  case "$1" in
    --out) (($# >= 2)) || die "--out needs a directory"; out=$2; shift 2 ;;
    --out=*) out=${1#--out=}; shift ;;
    --shards) (($# >= 2)) || die "--shards needs a number"; shards=$2; shift 2 ;;
    --shards=*) shards=${1#--shards=}; shift ;;
    --eos-sweep) (($# >= 2)) || die "--eos-sweep needs a command"; eos=$2; shift 2 ;;
    --eos-sweep=*) eos=${1#--eos-sweep=}; shift ;;
    --sbatch) (($# >= 2)) || die "--sbatch needs an argument"; sbatch_args+=("$2"); shift 2 ;;
    --sbatch=*) sbatch_args+=("${1#--sbatch=}"); shift ;;
    --wait) wait=1; shift ;;
    --dry-run) dry=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; run_args=("$@"); break ;;
    *) die "unknown option '$1' (eos-sweep's own arguments go after --; see --help)" ;;
  esac
done

[[ -n $out ]] || die "--out DIR is required (a directory every node can write)"
[[ $shards =~ ^[0-9]+$ ]] && ((shards >= 1 && shards <= 100000)) || die "--shards must be an integer from 1 to 100000, got '$shards'"
for a in "${run_args[@]}"; do
  case "$a" in
    --out|--out=*|--shard|--shard=*) die "give --out to this script, not after --; it adds --out and --shard to every task" ;;
  esac
done

# The eos-sweep command, as absolute words (tasks may start in another directory on another node).
if [[ -z $eos ]]; then
  if command -v eos-sweep >/dev/null 2>&1; then
    eos=$(command -v eos-sweep)
  elif [[ -x $here/publish/eos-sweep ]]; then
    eos=$here/publish/eos-sweep
  elif [[ -f $here/src/EosSweep.Cli/bin/Release/net10.0/eos-sweep.dll ]]; then
    command -v dotnet >/dev/null 2>&1 || die "found eos-sweep.dll but no dotnet on PATH; pass --eos-sweep"
    eos="$(command -v dotnet) $here/src/EosSweep.Cli/bin/Release/net10.0/eos-sweep.dll"
  else
    die "no eos-sweep found: build it (dotnet build src/EosSweep.Cli -c Release), publish it, or pass --eos-sweep CMD"
  fi
fi
read -r -a eos_words <<<"$eos"
[[ ${eos_words[0]} == /* ]] || eos_words[0]=$(command -v "${eos_words[0]}" 2>/dev/null || echo "${eos_words[0]}")

parent=$(dirname "$out")
if [[ -d $parent ]]; then out=$(cd "$parent" && pwd)/$(basename "$out")
elif [[ $out != /* ]]; then out=$PWD/$out
fi
jobdir=${out%/}.slurm
script=$jobdir/job.sh

job_script() {
  echo '#!/usr/bin/env bash'
  echo "#SBATCH --job-name=eos-sweep"
  echo "#SBATCH --array=0-$((shards - 1))"
  echo "#SBATCH --requeue"
  echo "#SBATCH --open-mode=append"
  echo "#SBATCH --output=$jobdir/slurm-%A_%a.out"
  echo "# Written by scripts/slurm-array.sh: task K of N runs shard K/N of the grid into the shared data set."
  echo "# A requeued task runs the same command again, which continues the shard's data set."
  echo 'set -euo pipefail'
  echo ': "${SLURM_ARRAY_TASK_ID:?not a Slurm array task}" "${SLURM_ARRAY_TASK_COUNT:?not a Slurm array task}"'
  echo 'echo "eos-sweep shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT on $(hostname), restart ${SLURM_RESTART_COUNT:-0}" >&2'
  printf 'exec'
  printf ' %q' "${eos_words[@]}" run "${run_args[@]}" --out "$out"
  printf ' --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT"\n'
}

cmd=(sbatch --requeue --parsable)
((wait)) && cmd+=(--wait)
cmd+=("${sbatch_args[@]}" "$script")
if ((dry)); then
  job_script
  printf '%q ' "${cmd[@]}"; echo
  exit 0
fi

mkdir -p "$jobdir"
job_script >"$script"
chmod +x "$script"

command -v sbatch >/dev/null 2>&1 || die "sbatch is not on PATH (is this a Slurm login node?)"
echo "slurm-array: $shards tasks of: ${eos_words[*]} run ${run_args[*]} --out $out --shard K/$shards" >&2
echo "slurm-array: job script and logs in $jobdir" >&2
set +e
"${cmd[@]}"
rc=$?
set -e
if ((wait)); then
  if ((rc == 0)); then echo "slurm-array: every task finished; eos-sweep status $out" >&2
  else echo "slurm-array: the array ended with status $rc; see $jobdir/slurm-*.out and eos-sweep status $out" >&2
  fi
fi
exit $rc
