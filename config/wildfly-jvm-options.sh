#!/usr/bin/env bash
# Adds the JVM options NetChat needs to a WildFly's bin/standalone.conf, which bin/standalone.sh reads at every
# start. Run once per server, like netchat.cli (running it again changes nothing):
#
#   bash config/wildfly-jvm-options.sh "$JBOSS_HOME"
#
# -Djdk.nio.maxCachedBufferSize=262144: the JDK keeps, for each thread, a native buffer as large as the largest
#   write that thread made to a file from heap memory, for as long as the thread lives. The embedded H2 database
#   writes its store from the thread that commits, in pieces of tens of MB while files are uploaded, so every
#   request thread came to hold one: ten parallel uploads filled the JVM's native-buffer limit (by default the
#   size of the heap), and H2, unable to write, closed the database (docs/PERFORMANCE.md, "Files"). With this
#   option the JDK keeps only buffers up to 256 KiB and frees larger ones after use.
set -euo pipefail
HOME_DIR=${1:?usage: wildfly-jvm-options.sh <wildfly home>}
CONF="$HOME_DIR/bin/standalone.conf"
[ -f "$CONF" ] || { echo "no $CONF: is $HOME_DIR a WildFly?" >&2; exit 1; }
MARK='# NetChat (config/wildfly-jvm-options.sh)'
if grep -qF "$MARK" "$CONF"; then
    echo "$CONF has NetChat's JVM options already"
    exit 0
fi
cat >> "$CONF" <<'CONF'

# NetChat (config/wildfly-jvm-options.sh)
# The JDK frees per-thread native I/O buffers over 256 KiB after use instead of keeping them (see the script).
JAVA_OPTS="$JAVA_OPTS -Djdk.nio.maxCachedBufferSize=262144"
CONF
echo "$CONF: NetChat's JVM options added"
