#!/usr/bin/env bash
# Configures a Payara Server 6 domain for NetChat, as config/netchat.cli does for WildFly.
#
#   config/payara/configure.sh PAYARA_HOME JDBC_DIR [DOMAIN [PORTBASE]]
#
# PAYARA_HOME  the unpacked server (the folder holding bin/asadmin).
# JDBC_DIR     a folder holding netchat-jdbc.jar and postgresql.jar (the build puts them in target/server-libs).
# DOMAIN       the domain to configure, domain1 by default. A domain that does not exist yet is created.
# PORTBASE     only when the domain is created: asadmin's --portbase (HTTP = PORTBASE + 80, admin = + 48, JMX
#              = + 86, JMS = + 76); without it the domain keeps Payara's defaults (HTTP 8080, admin 4848, JMX 8686).
#
# The script copies the JDBC driver jars into the domain's lib/, starts the domain once with
# config/payara/netchat.asadmin as its post-boot command file (the commands are stored in the domain's
# domain.xml), and stops it again. Run it once per domain; the values that differ between installations come
# from the environment at every start (see netchat.asadmin and the README).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
home="${1:?PAYARA_HOME}"
jdbc_dir="${2:?JDBC_DIR}"
domain="${3:-domain1}"
portbase="${4:-}"
asadmin="$home/bin/asadmin"
domain_dir="$home/glassfish/domains/$domain"

if [ ! -d "$domain_dir" ]; then
  "$asadmin" create-domain --nopassword=true ${portbase:+--portbase "$portbase"} "$domain"
fi
cp "$jdbc_dir/netchat-jdbc.jar" "$jdbc_dir/postgresql.jar" "$domain_dir/lib/"
mkdir -p "$domain_dir/autodeploy"

"$asadmin" start-domain --postbootcommandfile "$here/netchat.asadmin" "$domain"
"$asadmin" stop-domain "$domain"

# The post-boot commands log their outcome; a failed one leaves the domain half configured.
if grep -q "Boot Command .* failed" "$domain_dir/logs/server.log"; then
  grep -A2 "Boot Command .* failed" "$domain_dir/logs/server.log" >&2
  echo "configure.sh: a command of netchat.asadmin failed (see $domain_dir/logs/server.log)" >&2
  exit 1
fi
echo "configure.sh: domain $domain configured for NetChat"
