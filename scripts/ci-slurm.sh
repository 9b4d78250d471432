#!/usr/bin/env bash
# CI: scripts/slurm-array.sh against a real one-node Slurm on localhost (recipe: /work/shared/notes/slurm.md).
# Installs Debian's slurm-wlm and munge, starts munged, slurmctld and slurmd by hand (no systemd) with
# SLURM_CONF in a scratch directory, submits a 4-task array sweep with `sbatch --wait`, checks that the
# merged data set equals an unsharded local run row for row (eos-sweep query ... --csv, compared byte for
# byte), and stops the daemons it started by PID.
#
# Exit 0: passed, or skipped with a line "ci-slurm: skipped: <why>" where the machine cannot run Slurm
# (not root, no apt-get, install failed, a daemon would not start, ports or munge already taken).
# Exit 1: Slurm ran but the sweep failed or the merged data set differs from the unsharded run.
# Usage: scripts/ci-slurm.sh   (P=/scratch/dir to move the scratch directory; EOS_SWEEP to choose the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
P=${P:-${TMPDIR:-/tmp}/eos-ci-slurm}
export SLURM_CONF=$P/etc/slurm.conf
T0=$(date +%s)
say() { echo "ci-slurm: $*"; }
skip() { say "skipped: $*"; exit 0; }
fail() { say "FAILED: $*"; exit 1; }

# 0. Can this machine run it at all?
[[ $(id -u) == 0 ]] || skip "not root (munge's key, /run/munge and the daemons need root)"
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || skip "slurm-wlm is not installed and there is no apt-get to install it"
  say "installing slurm-wlm and munge with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >"${TMPDIR:-/tmp}/eos-ci-slurm-apt.log" 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >"${TMPDIR:-/tmp}/eos-ci-slurm-apt.log" 2>&1 \
      || skip "apt-get install slurm-wlm munge failed: $(tail -n 1 "${TMPDIR:-/tmp}/eos-ci-slurm-apt.log")"
  fi
fi
for port in 6817 6818; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then skip "port $port is in use (another slurmctld/slurmd runs here)"; fi
done
[[ -S /run/munge/munge.socket.2 ]] && munge -n >/dev/null 2>&1 && skip "a munged already runs here (/run/munge/munge.socket.2); not touching it"

# The sweep binary: what .ci/run's dotnet test built, or EOS_SWEEP.
if [[ -n ${EOS_SWEEP:-} ]]; then
  eos=$EOS_SWEEP
else
  dll=$repo/src/EosSweep.Cli/bin/Release/net10.0/eos-sweep.dll
  [[ -f $dll ]] || dotnet build src/EosSweep.Cli -c Release -v q -nologo >/dev/null
  eos="$(command -v dotnet) $dll"
fi
read -r -a eos_words <<<"$eos"
"${eos_words[@]}" run --help 2>/dev/null | grep -q -- '--shard' \
  || skip "this eos-sweep has no 'run --shard K/N' (the issue 6 sharding work is not in this build)"

# 1. munge key + munged (as user munge, foreground, backgrounded by us)
if [[ ! -s /etc/munge/munge.key ]]; then
  mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
fi
chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
rm -rf "$P"; mkdir -p "$P"/{etc,state,spool,log}
PIDS=()
stop_all() {   # only what we started, by PID, newest first: slurmd, slurmctld, munged
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  ((${#PIDS[@]} == 0)) || say "stopped daemons (PIDs ${PIDS[*]})"
}
trap stop_all EXIT
setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F >"$P/log/munged.out" 2>&1 &
PIDS+=("$!")
for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
munge -n 2>/dev/null | unmunge 2>/dev/null | grep -q 'STATUS: *Success' \
  || skip "munged would not authenticate: $(tail -n 2 "$P/log/munged.out" | tr '\n' ' ')"

# 2. one-node slurm.conf for localhost, slurmctld + slurmd
H=$(hostname)
MEM=$(($(free -m | awk '/^Mem:/{print $2}') - 1024))
cat >"$SLURM_CONF" <<CONF
ClusterName=ci
SlurmctldHost=$H(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$P/state
SlurmdSpoolDir=$P/spool
SlurmctldPidFile=$P/slurmctld.pid
SlurmdPidFile=$P/slurmd.pid
SlurmctldLogFile=$P/log/slurmctld.log
SlurmdLogFile=$P/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$H NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i >"$P/log/slurmctld.out" 2>&1 &
PIDS+=("$!")
slurmd -D -N "$H" >"$P/log/slurmd.out" 2>&1 &
PIDS+=("$!")
for _ in $(seq 150); do [[ $(sinfo -h -N -o %t 2>/dev/null) == idle ]] && break; sleep 0.2; done
[[ $(sinfo -h -N -o %t 2>/dev/null) == idle ]] \
  || skip "the Slurm node did not come up idle: $(tail -n 3 "$P"/log/slurmctld.log "$P"/log/slurmd.log 2>/dev/null | tr '\n' ' ')"
say "munged, slurmctld and slurmd up after $(($(date +%s) - T0)) s"

# 3. the same sweep as a 4-task array and unsharded; both on the CPU accelerator, one thread each
sweep=(--model xy --loss sqrt --eta log:0.05:1:12 --y0 lin:0.5:6:10 --seed 0,1 --steps 2000 --accelerator cpu --threads 1)
grid=$((12 * 10 * 2))
sharded=$P/sharded local=$P/local
set +e
timeout 150 scripts/slurm-array.sh --out "$sharded" --shards 4 --eos-sweep "$eos" --wait -- "${sweep[@]}"
rc=$?
set -e
if ((rc != 0)); then
  tail -n 5 "$sharded".slurm/slurm-*.out 2>/dev/null || true
  fail "the array sweep failed (status $rc$( ((rc == 124)) && echo ': over 150 s'))"
fi
"${eos_words[@]}" run "${sweep[@]}" --out "$local" >"$P/log/local.out" 2>&1 || { cat "$P/log/local.out"; fail "the unsharded run failed"; }
"${eos_words[@]}" status "$sharded" || true

# 4. merged shards = unsharded run, row for row
q="select * from trajectories order by traj_id"
"${eos_words[@]}" query "$sharded" "$q" --csv "$P/sharded.csv" >/dev/null || fail "query over the sharded data set failed"
"${eos_words[@]}" query "$local" "$q" --csv "$P/local.csv" >/dev/null || fail "query over the unsharded data set failed"
rows=$(($(wc -l <"$P/sharded.csv") - 1))
unique=$("${eos_words[@]}" query "$sharded" "select count(distinct traj_id) from trajectories" --csv "$P/unique.csv" >/dev/null && tail -n 1 "$P/unique.csv")
[[ $rows == "$grid" ]] || fail "the sharded data set has $rows rows, the grid $grid"
[[ $unique == "$grid" ]] || fail "the sharded data set has $unique distinct traj_id, the grid $grid"
cmp -s "$P/sharded.csv" "$P/local.csv" \
  || { diff "$P/sharded.csv" "$P/local.csv" | head -n 6; fail "the merged shards differ from the unsharded run"; }
say "passed: 4 shards via sbatch --wait = the unsharded run ($grid rows, byte-identical CSV) in $(($(date +%s) - T0)) s"
