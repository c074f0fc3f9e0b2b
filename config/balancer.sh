#!/usr/bin/env bash
# Runs HAProxy in front of several NetChat nodes with config/haproxy.cfg (HTTP and WebSocket on one port,
# least connections, health check on /health, no sticky sessions: README, "Running several nodes").
#
#   NETCHAT_NODES=127.0.0.1:8180,127.0.0.1:8280 NETCHAT_BALANCER_PORT=8080 config/balancer.sh [run|check]
#
# run (default): HAProxy in the foreground (logs to stdout; Ctrl+C or SIGTERM stops it; run it under systemd or
# nohup for a lasting installation). check: only validates the generated configuration.
# Environment: NETCHAT_NODES (required: host:port of every node's HTTP listener, comma-separated; the servers are
# named n1, n2, ... in that order), NETCHAT_BALANCER_PORT (default 8080), NETCHAT_BALANCER_BIND (default 0.0.0.0),
# HAPROXY (default: haproxy on the PATH, else /usr/sbin/haproxy), NETCHAT_BALANCER_WORK (where the generated
# configuration goes; default ${TMPDIR:-/tmp}/netchat-balancer-<port>), NETCHAT_BALANCER_MAXCONN (default: what
# the file-descriptor limit allows, at most 50000).
set -euo pipefail
cmd=${1:-run}
here=$(cd "$(dirname "$0")" && pwd)
: "${NETCHAT_NODES:?host:port of every node, comma-separated}"
export NETCHAT_BALANCER_PORT=${NETCHAT_BALANCER_PORT:-8080}
export NETCHAT_BALANCER_BIND=${NETCHAT_BALANCER_BIND:-0.0.0.0}
# HAProxy needs two descriptors per connection (client and node side): stay below the hard limit.
limit=$(ulimit -Hn); [ "$limit" = unlimited ] && limit=200000
export NETCHAT_BALANCER_MAXCONN=${NETCHAT_BALANCER_MAXCONN:-$(( (limit - 100) / 2 > 50000 ? 50000 : (limit - 100) / 2 ))}
haproxy=${HAPROXY:-$(command -v haproxy || echo /usr/sbin/haproxy)}
work=${NETCHAT_BALANCER_WORK:-${TMPDIR:-/tmp}/netchat-balancer-$NETCHAT_BALANCER_PORT}
mkdir -p "$work"
cfg=$work/haproxy.cfg

cp "$here/haproxy.cfg" "$cfg"
i=0
IFS=',' read -ra nodes <<<"$NETCHAT_NODES"
for node in "${nodes[@]}"; do
  node=$(echo "$node" | tr -d '[:space:]')
  [ -n "$node" ] || continue
  [[ $node =~ ^[A-Za-z0-9._-]+:[0-9]+$ ]] || { echo "balancer.sh: not host:port: '$node'" >&2; exit 2; }
  i=$((i + 1))
  echo "    server n$i $node" >>"$cfg"
done
[ "$i" -gt 0 ] || { echo "balancer.sh: NETCHAT_NODES names no node" >&2; exit 2; }

"$haproxy" -c -q -f "$cfg"
case $cmd in
  check) echo "balancer.sh: $cfg is valid ($i nodes)";;
  run)
    echo "balancer.sh: http://$NETCHAT_BALANCER_BIND:$NETCHAT_BALANCER_PORT -> $NETCHAT_NODES (configuration $cfg)"
    exec "$haproxy" -W -db -f "$cfg";;
  *) echo "balancer.sh: run or check, not '$cmd'" >&2; exit 2;;
esac
