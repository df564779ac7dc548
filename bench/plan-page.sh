#!/bin/bash
# The plan page of seed 001 (issue 13, goal 1): alone (best of 10) and under N concurrent clients, with and without
# Spring's ResourceUrlEncodingFilter (see WebConfig.resourceUrlEncodingOff), in one run on the packaged jar.
#   ./mvnw -B -q package -DskipTests && bench/plan-page.sh [requests=200] [clients=50]
# Needs curl and python3; uses an embedded PostgreSQL in a temporary directory and port 8097.
set -euo pipefail
N=${1:-200}; P=${2:-50}; PORT=8097
DATA=$(mktemp -d)
JAR=$(ls target/dxgov-*.jar | head -1)
trap 'kill $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
run() { # $1: label, $2: extra argument
  DXGOV_DB_DATA_DIR="$DATA/postgres" PORT=$PORT java -jar "$JAR" $2 > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    grep -q 'Demo assessment rounds' "$DATA/app.log" 2>/dev/null && break; sleep 1
  done
  local cj="$DATA/cookies"; rm -f "$cj"
  csrf=$(curl -s -c "$cj" -b "$cj" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$cj" -b "$cj" -d "username=steering&password=dxgov-demo&_csrf=$csrf" "http://localhost:$PORT/login"
  plan=$(curl -s -u steering:dxgov-demo "http://localhost:$PORT/api/v1/plans" | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if "Triển khai thực hiện Nghị quyết số 06-NQ/TU" in p["title"]))')
  url="http://localhost:$PORT/plans/$plan"
  for _ in $(seq 1 5); do curl -s -o /dev/null -b "$cj" "$url"; done # warm up
  alone=$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' -b "$cj" "$url"; done | sort -n | head -1)
  start=$(date +%s.%N)
  seq 1 "$N" | xargs -P "$P" -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$cj" "$url" > "$DATA/load.out"
  end=$(date +%s.%N)
  python3 - "$1" "$alone" "$start" "$end" "$DATA/load.out" "$P" <<'PY'
import sys
label, alone, s, e, out, p = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
rows = [l.split() for l in open(out)]
t = sorted(float(r[1]) for r in rows); bad = sum(1 for r in rows if r[0] != "200")
print(f"{label}: alone {alone*1000:.0f} ms (best of 10); {p} clients: {len(t)/(e-s):.1f} pages/s, "
      f"median {t[len(t)//2]*1000:.0f} ms, p95 {t[int(len(t)*.95)]*1000:.0f} ms, {bad} errors")
PY
  kill $APP; wait $APP 2>/dev/null || true
}
run "with ResourceUrlEncodingFilter (before)" "--dxgov.web.resource-url-encoding=true"
run "without it (now)" ""
