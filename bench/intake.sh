#!/usr/bin/env bash
# Intake benchmark: starts the assembled distribution on 127.0.0.1 (pinned to CPU 1 when
# taskset is available), drives signed events at POST /events from a separate JVM (pinned to
# CPU 0), and prints accepted events/s and p50/p99 latency. Loopback only; bounded in time.
#
#   bench/intake.sh                      # build the distribution if needed, then run
#   CONNECTIONS=64 DURATION=30 bench/intake.sh
#
# Settings (environment): CONNECTIONS (32), DURATION seconds measured (20), WARMUP seconds (5),
# PORT (a free one), PLUGINS_DIR (the distribution's plugins/; an empty folder measures the
# intake alone), REBUILD=1 to rebuild the distribution first. Each run's figures are also
# written to bench/results/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-20}"
warmup="${WARMUP:-5}"

find_dist() {
  find "$root/distribution/target" -maxdepth 1 -type d -name 'ticketflow-*' 2>/dev/null | sort | tail -n 1
}

dist="$(find_dist)"
if [ -z "$dist" ] || [ ! -x "$dist/bin/ticketflow" ] || [ "${REBUILD:-0}" = 1 ]; then
  echo "Building the distribution..." >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl distribution -am)
  dist="$(find_dist)"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${PORT:-}"
if [ -z "$port" ]; then
  for candidate in $(seq 18080 18180); do
    if ! port_in_use "$candidate"; then port="$candidate"; break; fi
  done
fi

server_pin=()
load_pin=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  server_pin=(taskset -c 1)
  load_pin=(taskset -c 0)
fi

results="$root/bench/results"
mkdir -p "$results"
work="$(mktemp -d)"
secret="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

TICKETFLOW_HTTP_HOST=127.0.0.1 \
TICKETFLOW_HTTP_PORT="$port" \
TICKETFLOW_DATA_DIR="$work/data" \
TICKETFLOW_PLUGINS_DIR="${PLUGINS_DIR:-$dist/plugins}" \
TICKETFLOW_WEBHOOK_SECRETS="$secret" \
TICKETFLOW_LOG_LEVEL="${TICKETFLOW_LOG_LEVEL:-WARN}" \
  "${server_pin[@]}" "$dist/bin/ticketflow" start >"$work/server.log" 2>&1 &
server_pid=$!

ready() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  local status
  status="$(head -n 1 <&3)"
  exec 3>&-
  [[ "$status" == *" 200"* ]]
}
for _ in $(seq 1 120); do
  if ready 2>/dev/null; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "Ticketflow did not start:" >&2; cat "$work/server.log" >&2; exit 1
  fi
  sleep 0.5
done
ready 2>/dev/null || { echo "Ticketflow not ready after 60 s:" >&2; cat "$work/server.log" >&2; exit 1; }

echo "Ticketflow $(basename "$dist") on 127.0.0.1:$port${server_pin[*]:+ (server: ${server_pin[*]}, load: ${load_pin[*]})}"
echo "Load: $connections connections, ${warmup}s warm-up, ${duration}s measured, signed ticket.created events"
TICKETFLOW_LOG_LEVEL=WARN "${load_pin[@]}" java -Dlogback.configurationFile="$dist/conf/logback.xml" \
  -cp "$dist/lib/*" "$root/bench/LoadGen.java" \
  --url "http://127.0.0.1:$port" --secret "$secret" --event "$dist/examples/ticket-created.json" \
  --connections "$connections" --duration "$duration" --warmup "$warmup" \
  | tee "$results/intake-$(date +%Y%m%d-%H%M%S).txt"
