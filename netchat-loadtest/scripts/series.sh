#!/bin/bash
# One measurement series: every scenario against NetChat and, where they apply, against the two baselines, back
# to back on the same machine. Start NetChat first (see docs/PERFORMANCE.md, "How to reproduce") and pass it:
#
#   scripts/series.sh http://127.0.0.1:8580 <netchat-java-pid> <tag>
#
# The baselines are started and stopped here (scripts/baselines.sh). Results (JSON + HTML chart per run) go to
# target/results/ with <tag> in their names; the console log of each run to /tmp/series-<tag>/.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?netchat url}
PID=${2:?netchat java pid}
TAG=${3:?tag for the result names}
LOG=/tmp/series-$TAG
mkdir -p "$LOG"
JAR=target/netchat-loadtest.jar
# -Xmx2g and the parallel collector: the generator must not be what limits a run.
GEN=(java -Xmx2g -XX:+UseParallelGC -jar "$JAR")

scripts/baselines.sh start
read -r _ UNDERTOW_PID < <(grep undertow /tmp/loadtest-baselines.pids)
read -r _ SOCKETIO_PID < <(grep socketio /tmp/loadtest-baselines.pids)
trap 'scripts/baselines.sh stop' EXIT

target_url() { case $1 in netchat) echo "$URL" ;; undertow) echo http://127.0.0.1:9001 ;; socketio) echo http://127.0.0.1:3000 ;; esac; }
target_pid() { case $1 in netchat) echo "$PID" ;; undertow) echo "$UNDERTOW_PID" ;; socketio) echo "$SOCKETIO_PID" ;; esac; }
run() { # run <name> <target> args...
  local name=$1 target=$2
  shift 2
  echo "== $(date +%T) $name $target"
  "${GEN[@]}" --target="$target" --url="$(target_url "$target")" --server-pid="$(target_pid "$target")" \
    --label="$name-$target-$TAG" "$@" > "$LOG/$name-$target.log" 2>&1 || echo "   (exit $?)"
  tail -n 3 "$LOG/$name-$target.log"
}

# Sign-in at the server's bcrypt cost: 200 users of their own, 4 parallel clients, 20 s per call.
run signin netchat --scenario=signin --users=200 --user-prefix=si --concurrency=4 --duration=20

# Broadcast: one room of 1,000, 2 messages/s for 10 s: time until the last member has each message.
B=(--scenario=broadcast --rates=2 --duration=10 --drain-seconds=20 --p99-limit-ms=100000)
for t in netchat undertow socketio; do run broadcast1k "$t" "${B[@]}" --users=1000; done

# Team chat: rooms of 10 and 50 (+100 direct), then 10, 50 and 1,000; raise the rate until p99 passes 100 ms.
R=(--rates=25,50,100,200,400,800,1600,3200 --duration=15 --warmup=5 --p99-limit-ms=100)
for t in netchat undertow socketio; do
  run teamchat1k "$t" --scenario=teamchat --users=1000 --room-sizes=10,50 --direct=100 "${R[@]}"
done
for t in netchat undertow socketio; do
  run teamchat3k "$t" --scenario=teamchat --users=3000 --room-sizes=10,50,1000 --direct=100 "${R[@]}"
done

# Broadcast to 10,000 (NetChat signs up the 7,000 users the earlier runs did not need first).
for t in undertow socketio netchat; do run broadcast10k "$t" "${B[@]}" --users=10000; done

# Idle capacity: 1,000 users x 15 sockets, in steps of 1,000 (the fd limit of 20,000 per process caps it).
for t in netchat undertow socketio; do
  run idle15k "$t" --scenario=idle --users=1000 --sockets-per-user=15 --idle-step=1000
done
echo "== $(date +%T) done"
