#!/bin/bash
# Starts (or stops) the two baselines next to NetChat: the bare Undertow broadcaster on :9001 and socket.io on :3000.
# usage: scripts/baselines.sh start|stop     (pids in /tmp/loadtest-baselines.pids)
set -euo pipefail
cd "$(dirname "$0")/.."
PIDS=/tmp/loadtest-baselines.pids
case "${1:-start}" in
  start)
    [ -d baselines/socketio/node_modules ] || (cd baselines/socketio && npm install --no-audit --no-fund)
    # Each server prints its own pid ("... pid N"): that is the pid to pass as --server-pid and to stop.
    setsid nohup java -Xmx1g -cp target/netchat-loadtest.jar dev.netchat.loadtest.UndertowBroadcastServer 9001 2 \
      > /tmp/loadtest-undertow.out 2>&1 &
    (cd baselines/socketio && PORT=3000 setsid nohup node server.js > /tmp/loadtest-socketio.out 2>&1 &)
    sleep 3
    echo "undertow $(grep -o 'pid [0-9]*' /tmp/loadtest-undertow.out | cut -d' ' -f2)" > "$PIDS"
    echo "socketio $(grep -o 'pid [0-9]*' /tmp/loadtest-socketio.out | cut -d' ' -f2)" >> "$PIDS"
    cat "$PIDS"
    ;;
  stop)
    while read -r name pid; do kill "$pid" 2>/dev/null && echo "stopped $name $pid"; done < "$PIDS"
    ;;
esac
