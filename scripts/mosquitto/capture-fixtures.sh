#!/usr/bin/env bash
# Captures real Mosquitto 2.x broker logs for the ingest parser tests.
#
# Installs Debian's mosquitto + mosquitto-clients (idempotent), builds a throw-away CA, server
# and client certificates, starts a broker on loopback with a password file (device users plus a
# factory-default admin/admin), an ACL file and a TLS listener that requires a client certificate
# and takes the certificate CN as the username, then drives real clients through normal and
# hostile scenarios. It runs the whole sequence twice, once per timestamp style, and copies each
# broker log into streams-app/src/test/resources/fixtures/mosquitto/.
#
# Usage: scripts/mosquitto/capture-fixtures.sh [output-dir]
#   PLAIN_PORT (default 18831) and TLS_PORT (default 18832) choose the loopback ports.
#   KEEP_WORKDIR=1 keeps the temporary directory (certificates, configs) for inspection.
#
# The scenario list and the expected events are mirrored in MosquittoFixtureTest; change both.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/../.." && pwd)
out_dir=${1:-"$repo_root/streams-app/src/test/resources/fixtures/mosquitto"}
plain_port=${PLAIN_PORT:-18831}
tls_port=${TLS_PORT:-18832}
export TZ=UTC # the %Y-%m-%dT%H:%M:%S run carries no offset; the parser is configured for UTC
export PATH="$PATH:/usr/sbin:/sbin" # Debian installs the broker in /usr/sbin, outside a user's PATH

log() { printf '[capture] %s\n' "$*" >&2; }

install_packages() {
  if command -v mosquitto >/dev/null && command -v mosquitto_pub >/dev/null \
      && command -v mosquitto_passwd >/dev/null && command -v openssl >/dev/null; then
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing mosquitto, mosquitto-clients and openssl with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq mosquitto mosquitto-clients openssl >/dev/null
}

work=$(mktemp -d)
broker_pid=""
cleanup() {
  if [ -n "$broker_pid" ] && kill -0 "$broker_pid" 2>/dev/null; then kill "$broker_pid"; fi
  if [ "${KEEP_WORKDIR:-0}" = 1 ]; then log "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

make_certs() {
  local d=$work/pki
  mkdir -p "$d"
  # The fleet CA signs the server and the device certificates the broker trusts.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=FleetGuard Fixture CA" \
    -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
  # A second CA the broker does not trust: its certificate stands for a forged device identity.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Rogue CA" \
    -keyout "$d/rogue-ca.key" -out "$d/rogue-ca.crt" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$d/server.ext"
  issue "$d" server localhost ca "$d/server.ext"
  issue "$d" sensor-0003 sensor-0003 ca
  issue "$d" forged-sensor-0001 sensor-0001 rogue-ca
}

issue() { # dir, file name, CN, signing CA, [extensions file]
  local d=$1 name=$2 cn=$3 ca=$4 ext=${5:-}
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$cn" -keyout "$d/$name.key" -out "$d/$name.csr" 2>/dev/null
  openssl x509 -req -in "$d/$name.csr" -CA "$d/$ca.crt" -CAkey "$d/$ca.key" -CAcreateserial -days 2 \
    ${ext:+-extfile "$ext"} -out "$d/$name.crt" 2>/dev/null
}

make_users() {
  # Device passwords are random per run and never leave the work dir; admin/admin is the
  # factory default the DEFAULT_CREDENTIAL rule is about.
  pw1=$(openssl rand -hex 12)
  pw2=$(openssl rand -hex 12)
  : > "$work/passwd"
  mosquitto_passwd -b "$work/passwd" sensor-0001 "$pw1"
  mosquitto_passwd -b "$work/passwd" sensor-0002 "$pw2"
  mosquitto_passwd -b "$work/passwd" admin admin
  cat > "$work/acl" <<'EOF'
# Devices write only under their own subtree and read their command topic.
pattern write devices/%u/#
pattern read devices/%u/cmd/#
# The factory admin account may do anything.
user admin
topic readwrite #
EOF
  chmod 0644 "$work/passwd" "$work/acl" "$work"/pki/*
}

write_config() { # timestamp format ("" = Mosquitto's default epoch seconds)
  local ts_format=$1
  {
    echo "per_listener_settings false"
    echo "allow_anonymous false"
    echo "password_file $work/passwd"
    echo "acl_file $work/acl"
    echo "persistence false"
    echo "log_dest file $work/mosquitto.log"
    echo "log_type all"
    echo "connection_messages true"
    echo "log_timestamp true"
    [ -n "$ts_format" ] && echo "log_timestamp_format $ts_format"
    echo "listener $plain_port 127.0.0.1"
    echo "listener $tls_port 127.0.0.1"
    echo "cafile $work/pki/ca.crt"
    echo "certfile $work/pki/server.crt"
    echo "keyfile $work/pki/server.key"
    echo "require_certificate true"
    echo "use_identity_as_username true"
  } > "$work/mosquitto.conf"
}

start_broker() {
  rm -f "$work/mosquitto.log"
  # As root, mosquitto drops privileges to the "mosquitto" user, which must reach the work dir.
  chmod 0755 "$work"
  [ "$(id -u)" -eq 0 ] && chown mosquitto "$work" 2>/dev/null || true
  mosquitto -c "$work/mosquitto.conf" &
  broker_pid=$!
  for _ in $(seq 1 50); do
    if grep -q "listen socket on port $tls_port" "$work/mosquitto.log" 2>/dev/null; then return; fi
    sleep 0.1
  done
  log "broker did not start; log follows"; cat "$work/mosquitto.log" >&2 || true
  exit 1
}

stop_broker() {
  kill "$broker_pid"
  wait "$broker_pid" 2>/dev/null || true
  broker_pid=""
}

pub() { # client id, user (or "-"), password, topic, [extra args...]
  local id=$1 user=$2 pass=$3 topic=$4
  shift 4
  local auth=()
  [ "$user" != "-" ] && auth=(-u "$user" -P "$pass")
  timeout 10 mosquitto_pub -h 127.0.0.1 -p "$plain_port" -i "$id" "${auth[@]}" -t "$topic" \
    -m '{"t":21.5}' "$@" 2>/dev/null || true
  sleep 0.3 # keep scenarios apart in the log so the fixture reads in order
}

tls_pub() { # client id, topic, extra TLS args...
  local id=$1 topic=$2
  shift 2
  timeout 10 mosquitto_pub -h localhost -p "$tls_port" --cafile "$work/pki/ca.crt" -i "$id" \
    -t "$topic" -m '{"t":19.0}' "$@" 2>/dev/null || true
  sleep 0.3
}

run_scenarios() {
  local pki=$work/pki
  # 1. Good password logins, MQTT 3.1.1 and 5.
  pub sensor-0001 sensor-0001 "$pw1" devices/sensor-0001/telemetry
  pub sensor-0002 sensor-0002 "$pw2" devices/sensor-0002/telemetry -V mqttv5
  # 2. Wrong password (CONNACK 5 on 3.1.1, 135 on MQTT 5) and an unknown user.
  pub sensor-0001 sensor-0001 wrong-password devices/sensor-0001/telemetry
  pub sensor-0001 sensor-0001 wrong-password devices/sensor-0001/telemetry -V mqttv5
  pub ghost-01 ghost not-a-user devices/ghost/telemetry
  # 3. The factory-default admin account.
  pub cam-setup admin admin devices/sensor-0001/cmd/reboot
  # 4. Client-id takeover: sensor-0002's session is replaced by a connection as user sensor-0001.
  timeout 15 mosquitto_sub -h 127.0.0.1 -p "$plain_port" -i sensor-0002 -u sensor-0002 -P "$pw2" \
    -t devices/sensor-0002/cmd/# >/dev/null 2>&1 &
  local sub_pid=$!
  sleep 1
  pub sensor-0002 sensor-0001 "$pw1" devices/sensor-0001/telemetry
  kill "$sub_pid" 2>/dev/null || true
  wait "$sub_pid" 2>/dev/null || true
  sleep 0.3
  # 5. Publishes outside the ACL (logged at debug as "Denied PUBLISH"), QoS 0 and 1.
  pub sensor-0001 sensor-0001 "$pw1" devices/sensor-0002/telemetry
  pub sensor-0001 sensor-0001 "$pw1" factory/firmware/update -q 1
  # 6. TLS with a valid device certificate (CN becomes the username), in and outside the ACL.
  tls_pub sensor-0003 devices/sensor-0003/telemetry --cert "$pki/sensor-0003.crt" --key "$pki/sensor-0003.key"
  tls_pub sensor-0003 devices/sensor-0001/telemetry --cert "$pki/sensor-0003.crt" --key "$pki/sensor-0003.key"
  # 7. TLS without a client certificate, then with one from an untrusted CA claiming sensor-0001.
  tls_pub sensor-0001 devices/sensor-0001/telemetry
  tls_pub sensor-0001 devices/sensor-0001/telemetry \
    --cert "$pki/forged-sensor-0001.crt" --key "$pki/forged-sensor-0001.key"
}

capture() { # timestamp format, output file name
  write_config "$1"
  start_broker
  run_scenarios
  stop_broker
  mkdir -p "$out_dir"
  # The config path names the temporary directory; replace it so reruns differ only in times/ports.
  sed "s#$work#/tmp/fleetguard-capture#g" "$work/mosquitto.log" > "$out_dir/$2"
  log "wrote $out_dir/$2 ($(wc -l < "$out_dir/$2") lines)"
}

install_packages
log "$(mosquitto -h 2>/dev/null | head -n 1)"
make_certs
make_users
capture "" mosquitto-2.0-epoch.log
capture "%Y-%m-%dT%H:%M:%S" mosquitto-2.0-iso8601.log
