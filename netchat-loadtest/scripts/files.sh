#!/usr/bin/env bash
# Files figures for docs/PERFORMANCE.md ("Files"): throughput of one 50 MB upload and download, and team-chat
# delivery latency (p50/p99 from the load generator) alone and while ten 50 MB uploads run in parallel, again
# and again, for the whole measured step.
#
# usage (from netchat-loadtest/, after ./mvnw -pl netchat-loadtest package):
#   scripts/files.sh <netchat-url> <server-java-pid> <tag> [rate msg/s, default 50]
# The server must accept 50 MB files and many sign-ups from this machine, e.g. started with
#   NETCHAT_FILES_MAX_FILE_BYTES=60000000 NETCHAT_AUTH_SIGNUP_UNLIMITED_ADDRESSES=127.0.0.1
#   NETCHAT_AUTH_BCRYPT_COST=10 NETCHAT_FILES_UNATTACHED_TTL_SECONDS=120 NETCHAT_FILES_CLEANUP_INTERVAL_SECONDS=30
# Prints one line per figure with the machine's load average beside it; the generator's JSON reports go to
# results/ as usual (labels files-<tag>-alone and files-<tag>-uploads).
set -euo pipefail
URL=${1:?url}
PID=${2:?server pid}
TAG=${3:?tag}
RATE=${4:-50}
WORK=/tmp/netchat-files-$TAG
mkdir -p "$WORK"
BIG=/tmp/netchat-50mb.bin
[ -f "$BIG" ] || head -c 52428800 /dev/urandom > "$BIG"
SIZE=$(stat -c %s "$BIG")
PASSWORD='files-Perf-2026!x'
load() { cut -d' ' -f1-3 /proc/loadavg; }

signup() { # name -> token
    curl -sf -X POST "$URL/api/auth/signup" -H 'Content-Type: application/json' \
        -d "{\"fullName\":\"Files $1\",\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -r .token
}
STAMP=$(date +%s)
OWNER=$(signup "f$TAG$STAMP-owner")
CHANNEL=$(curl -sf -X POST "$URL/api/channels" -H "Authorization: Bearer $OWNER" -H 'Content-Type: application/json' \
    -d "{\"type\":\"team\",\"name\":\"files-$TAG-$STAMP\",\"private\":false,\"memberIds\":[]}" | jq -r .id)

upload() { # token -> "seconds file-id http-status"
    local answer="$WORK/up.$BASHPID.json" timing
    timing=$(curl -s -o "$answer" -w '%{time_total} %{http_code}' -X POST "$URL/api/files?channelId=$CHANNEL&name=big.bin" \
        -H "Authorization: Bearer $1" -H 'Content-Type: application/octet-stream' --data-binary @"$BIG")
    echo "${timing% *} $(jq -r .id "$answer") ${timing#* }"
}

# 1. One upload and one download of 50 MB, three times each.
for i in 1 2 3; do
    read -r secs id status < <(upload "$OWNER")
    echo "upload   50 MB: HTTP $status, ${secs} s = $(echo "$SIZE / $secs / 1048576" | bc -l | cut -c1-5) MiB/s (load $(load))"
    read -r dsecs dstatus dsize < <(curl -s -o /dev/null -w '%{time_total} %{http_code} %{size_download}\n' \
        -H "Authorization: Bearer $OWNER" "$URL/api/files/$id?download=1")
    echo "download 50 MB: HTTP $dstatus, $dsize bytes, ${dsecs} s = $(echo "$dsize / $dsecs / 1048576" | bc -l | cut -c1-5) MiB/s (load $(load))"
done

# 2. Team chat alone, then with ten uploaders (each a user of its own, quota 1 GiB a day) uploading throughout.
GEN=(java -jar target/netchat-loadtest.jar --scenario=teamchat --target=netchat --url="$URL" --server-pid="$PID"
    --users=200 --room-sizes=10,50 --direct=20 --rates="$RATE" --duration=40 --warmup=5 --p99-limit-ms=100000
    --ping-seconds=30 --concurrency=2 --user-prefix="f$TAG" --cache="$WORK/cache")
# (--concurrency=2: sign-ups two at a time, within the server's bound on concurrent bcrypt hashing)
echo "chat alone, load before $(load)"
"${GEN[@]}" --label="files-$TAG-alone" | tee "$WORK/alone.log" | grep -E '^\[.*\]   |summary' || true
echo "chat alone done, load $(load)"

TOKENS=()
for u in $(seq 1 10); do
    t=$(signup "f$TAG$STAMP-u$u")
    curl -sf -X POST "$URL/api/channels/$CHANNEL/join" -H "Authorization: Bearer $t" > /dev/null
    TOKENS+=("$t")
done
"${GEN[@]}" --label="files-$TAG-uploads" > "$WORK/uploads.log" 2>&1 &
GENPID=$!
until grep -q '] step: ' "$WORK/uploads.log" 2>/dev/null || ! kill -0 $GENPID 2>/dev/null; do sleep 0.5; done
echo "measured step started, load $(load); ten uploaders start"
: > "$WORK/uploads.txt"
for t in "${TOKENS[@]}"; do
    # until the measured step's row is printed (the warm-up's row comes first)
    ( while kill -0 $GENPID 2>/dev/null && [ "$(grep -c '^\[.*\]   ' "$WORK/uploads.log")" -lt 2 ]; do
          upload "$t" >> "$WORK/uploads.txt"
      done ) &
done
wait $GENPID || true
wait
grep -E '^\[.*\]   |summary' "$WORK/uploads.log" || true
echo "chat with uploads done, load $(load); uploads finished: $(wc -l < "$WORK/uploads.txt") (HTTP status: $(awk '{print $3}' "$WORK/uploads.txt" | sort | uniq -c | tr '\n' ' ')), seconds each:"
awk '{print $1}' "$WORK/uploads.txt" | sort -n | tr '\n' ' '
echo
