#!/usr/bin/env bash
# Starts two NetChat nodes of one cluster on this machine, from one WildFly installation configured with
# netchat.cli (-Dnetchat.server.config=standalone-full-ha.xml) and netchat-full-ha.cli. Each node gets its own copy of
# standalone/ (-Djboss.server.base.dir) and its own port offset; both use the same PostgreSQL database and the same
# token signing key (NETCHAT_DATA_DIR holds the key: both nodes point at the same folder).
#
#   WILDFLY=/opt/wildfly NETCHAT_EAR=netchat-ear/target/netchat.ear NETCHAT_DB_URL=jdbc:postgresql://127.0.0.1:5432/netchat \
#   NETCHAT_CLUSTER_PASSWORD=... config/two-nodes.sh start|stop [work folder]
#
# Node a: HTTP 8080 + OFFSET_A (default 100), node b: 8080 + OFFSET_B (default 200). JGroups TCP: 7600 + offset.
set -euo pipefail
cmd=${1:?start or stop}
work=${2:-${TMPDIR:-/tmp}/netchat-two-nodes}
: "${WILDFLY:?the WildFly installation}"
OFFSET_A=${OFFSET_A:-100}
OFFSET_B=${OFFSET_B:-200}

node() { # name offset
  local name=$1 offset=$2 base=$work/$1
  case $cmd in
    start)
      : "${NETCHAT_EAR:?the EAR}" "${NETCHAT_CLUSTER_PASSWORD:?the Artemis cluster password (no default)}"
      rm -rf "$base" && mkdir -p "$work" && cp -r "$WILDFLY/standalone" "$base"
      # A server that has run before holds its Artemis journal (and with it the broker's node id) in data/: two
      # nodes with one id never form a cluster (AMQ212034). Each node starts from the configuration alone.
      rm -rf "$base/data" "$base/log" "$base/tmp" "$base"/deployments/netchat.ear*
      cp "$NETCHAT_EAR" "$base/deployments/netchat.ear"
      NETCHAT_NODE_NAME=$name \
      NETCHAT_CLUSTER_MEMBERS="127.0.0.1[$((7600 + OFFSET_A))],127.0.0.1[$((7600 + OFFSET_B))]" \
      NETCHAT_DATA_DIR=${NETCHAT_DATA_DIR:-$work/data} \
      LAUNCH_JBOSS_IN_BACKGROUND=true JBOSS_PIDFILE=$base/server.pid \
        nohup bash "$WILDFLY/bin/standalone.sh" -c standalone-full-ha.xml -Djboss.server.base.dir="$base" \
          -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="$name" \
          -b 127.0.0.1 -bprivate 127.0.0.1 >"$work/$name.out" 2>&1 &
      echo "node $name: http://127.0.0.1:$((8080 + offset)) (log $base/log/server.log)";;
    stop)
      [ -f "$base/server.pid" ] && kill "$(cat "$base/server.pid")" 2>/dev/null || true;;
  esac
}
node a "$OFFSET_A"
node b "$OFFSET_B"
