#!/usr/bin/env bash
# CI: scripts/slurm-array.sh against a real one-node Slurm on localhost.
# Installs Debian's slurm-wlm and munge, starts a private munged (its own key, socket and files in the scratch
# directory), slurmctld and slurmd by hand (no systemd) on free ports with SLURM_CONF in the scratch directory,
# submits a 4-task array sweep with `sbatch --wait`, checks that the merged data set equals an unsharded local run
# row for row (eos-sweep query ... --csv, compared byte for byte), and stops the daemons it started by PID.
# Nothing outside the scratch directory is touched but the installed packages: a munged, slurmctld or slurmd
# already running on the machine is left alone and does not get in the way.
#
# Exit 0: passed, or skipped with a line "ci-slurm: skipped: <why>" where the machine cannot install Slurm: not
# root, or slurm-wlm/munge missing with no apt-get or a failed apt-get install. Those are the only skips.
# Exit 1: anything else, e.g. this eos-sweep has no `run --shard`, a daemon would not start, the sweep failed or
# the merged data set differs from the unsharded run.
# Usage: scripts/ci-slurm.sh   (P=/scratch/dir for the scratch directory, emptied first; default a new one under
# TMPDIR; EOS_SWEEP to choose the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
P=${P:-$(mktemp -d "${TMPDIR:-/tmp}/eos-ci-slurm.XXXXXX")}   # a fresh scratch directory per run unless P is given
export SLURM_CONF=$P/etc/slurm.conf
T0=$(date +%s)
say() { echo "ci-slurm: $*"; }
skip() { say "skipped: $*"; exit 0; }
fail() { say "FAILED: $*"; exit 1; }

# 0. Can this machine install and run it at all? (the only reasons to skip)
[[ $(id -u) == 0 ]] || skip "not root (the daemons run as root and as user munge; apt-get needs root)"
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || skip "slurm-wlm is not installed and there is no apt-get to install it"
  say "installing slurm-wlm and munge with apt-get"
  T=$(date +%s)
  apt_log=${TMPDIR:-/tmp}/eos-ci-slurm-apt.log
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >"$apt_log" 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >"$apt_log" 2>&1 \
      || skip "apt-get install slurm-wlm munge failed: $(tail -n 1 "$apt_log")"
  fi
  say "installed in $(($(date +%s) - T)) s"
fi

# The sweep binary: what .ci/run's dotnet test built, or EOS_SWEEP. Without `run --shard` there is nothing to test:
# that is a failure (sharding removed or broken), not a skip.
if [[ -n ${EOS_SWEEP:-} ]]; then
  eos=$EOS_SWEEP
else
  dll=$repo/src/EosSweep.Cli/bin/Release/net10.0/eos-sweep.dll
  [[ -f $dll ]] || dotnet build src/EosSweep.Cli -c Release -v q -nologo >/dev/null || fail "dotnet build src/EosSweep.Cli failed"
  eos="$(command -v dotnet) $dll"
fi
read -r -a eos_words <<<"$eos"
# Captured first: `... | grep -q` under pipefail can fail by SIGPIPE when grep stops reading early.
run_help=$("${eos_words[@]}" run --help 2>&1) || fail "'$eos run --help' failed: $(tail -n 1 <<<"$run_help")"
grep -q -- '--shard' <<<"$run_help" || fail "this eos-sweep's 'run --help' has no --shard K/N: sharding is missing from this build"

# 1. A private munged: own key, socket, pid, log and seed files under $P/munge, so a munged already running here
#    (on /run/munge) is neither used nor disturbed.
rm -rf "$P"
mkdir -p "$P"/{etc,state,spool,log}
chmod 0755 "$P"   # munged, as user munge, reaches its files below it
M=$P/munge
install -d -o munge -g munge -m 0755 "$M"   # munged wants its socket directory searchable by all
mungekey --create --keyfile="$M/munge.key" 2>/dev/null || dd if=/dev/urandom of="$M/munge.key" bs=1024 count=1 2>/dev/null
chown munge:munge "$M/munge.key"
chmod 0400 "$M/munge.key"
socket=$M/munge.socket
PIDS=()
stop_all() {   # only what we started, by PID, newest first: slurmd, slurmctld, munged
  local i
  if ((${#PIDS[@]} > 1)); then timeout 10 scancel --user=root >/dev/null 2>&1 || true; fi   # our Slurm (SLURM_CONF) only
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  ((${#PIDS[@]} == 0)) || say "stopped daemons (PIDs ${PIDS[*]})"
}
trap stop_all EXIT
setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F --socket="$socket" --key-file="$M/munge.key" \
  --pid-file="$M/munged.pid" --log-file="$M/munged.log" --seed-file="$M/munged.seed" >"$P/log/munged.out" 2>&1 &
PIDS+=("$!")
for _ in $(seq 50); do munge -S "$socket" -n 2>/dev/null | unmunge -S "$socket" >/dev/null 2>&1 && break; sleep 0.1; done
munge -S "$socket" -n 2>/dev/null | unmunge -S "$socket" 2>/dev/null | grep -q 'STATUS: *Success' \
  || fail "the private munged would not authenticate: $(tail -n 3 "$P/log/munged.out" "$M/munged.log" 2>/dev/null | tr '\n' ' ')"

# 2. One-node slurm.conf for localhost on two free ports, slurmctld + slurmd.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {   # the first port from $1 on that nothing listens on and that is not $2
  local port
  for ((port = $1; port < $1 + 500; port++)); do
    if [[ $port != "${2:-}" ]] && port_free "$port"; then echo "$port"; return 0; fi
  done
  return 1
}
ctld_port=$(free_port 6817) || fail "no free TCP port in 6817..7316 for slurmctld"
slurmd_port=$(free_port 6818 "$ctld_port") || fail "no free TCP port in 6818..7317 for slurmd"
H=$(hostname)
MEM=$(($(free -m | awk '/^Mem:/{print $2}') - 1024))
cat >"$SLURM_CONF" <<CONF
ClusterName=ci
SlurmctldHost=$H(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
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
  || fail "the Slurm node did not come up idle: $(tail -n 3 "$P"/log/slurmctld.log "$P"/log/slurmd.log "$P"/log/*.out 2>/dev/null | tr '\n' ' ')"
say "munged, slurmctld (port $ctld_port) and slurmd (port $slurmd_port) up after $(($(date +%s) - T0)) s"

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
