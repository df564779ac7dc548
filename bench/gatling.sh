#!/bin/bash
# Issue 13, goal 1, with Gatling (the port of bench/Load.java; simulations in bench/gatling, a project of its own):
#   ./mvnw -B -q -o package -DskipTests -Djazzer.skip=true && bench/gatling.sh [seconds=20] [editors=1000]
# Runs on the packaged jar, one after the other: the plan page with 50 users (every page rendered; then with the
# browser cache: If-None-Match), the API at 200 clients (paced: one read a second each, target p99 < 50 ms; then back
# to back: the saturation throughput), and the deadline minute (EDITORS editors), then checks the database for every
# write. Each simulation's assertions are the issue's targets; Gatling's HTML reports land in bench/gatling/target.
# ONLY=plan|api|deadline runs one; JAR, JAVA_OPTS, APP_ARGS, PORT as for bench/load.sh. Loopback only.
set -euo pipefail
SECONDS_EACH=${1:-20}; EDITORS=${2:-1000}; PORT=${PORT:-8091}
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/app.sh"
(cd "$HERE/gatling" && ../../mvnw -B -q test-compile) # fetches Gatling the first time
LOGS="$HERE/gatling/target/logs"; mkdir -p "$LOGS" # each simulation's console output, kept
ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
status=0
G() { # simulation, label, -Dname=value …
  local sim=$1 label=$2; shift 2
  local t0; t0=$(ticks)
  (cd "$HERE/gatling" && ../../mvnw -B -o gatling:test -Dgatling.simulationClass="dxgov.bench.$sim" \
      -Dbase="$BASE" "$@") > "$LOGS/$sim.log" 2>&1 || status=1
  local t1; t1=$(ticks)
  local n; n=$( (grep -a '> request count' "$LOGS/$sim.log" || true) | tail -1 | awk -F'|' '{print $2}' | tr -d ', ')
  echo "== $label (app CPU $(( (t1 - t0) * 10 )) ms for ${n:-?} requests)"
  python3 "$HERE/gatling-stats.py" || true  # per group and request: count, failures, p50 p75 p95 p99 max, rate
  grep -a -E ': (true|false) \(actual' "$LOGS/$sim.log" | sort -u || true  # the targets, met or not
}
if [ -z "${ONLY:-}" ] || [ "$ONLY" = plan ]; then
  # alone first (also the app's warm-up, as in load.sh): target median < 100 ms
  G PlanPageSimulation "plan page, 1 user alone" -Dplan="$PLAN" -Dseconds=10 -Dusers=1 -Dcache=false
  G PlanPageSimulation "plan page, 50 users, every page rendered" -Dplan="$PLAN" -Dseconds="$SECONDS_EACH" -Dcache=false
  G PlanPageSimulation "plan page, 50 users, browser cache" -Dplan="$PLAN" -Dseconds="$SECONDS_EACH" -Dcache=true
fi
if [ -z "${ONLY:-}" ] || [ "$ONLY" = api ]; then
  API=(-Dplan="$PLAN" -Dtarget="$TARGET" -Dindicator="$INDICATOR" -Dtoken="$TOKEN" -Dseconds="$SECONDS_EACH")
  G ApiSimulation "API, 200 clients, one read a second each" "${API[@]}" -DpaceMs=1000
  G ApiSimulation "API, 200 clients back to back (saturation)" "${API[@]}" -DpaceMs=0
fi
if [ -z "${ONLY:-}" ] || [ "$ONLY" = deadline ]; then
  make_editors
  G DeadlineSimulation "deadline minute, $EDITORS editors" -Dperiod="$PERIOD" -Deditors="$EDITORS"
  SUBMITTED=$(SQL "select count(*) from submission s join agency a on a.id = s.agency_id
    where a.name like 'Đơn vị thử tải %' and s.reporting_period_id = $PERIOD and s.status = 'SUBMITTED'")
  WRITTEN=$(SQL "select count(*) from task_progress p join agency a on a.id = p.agency_id
    where a.name like 'Đơn vị thử tải %' and p.task_id = $TASK
      and p.percent_complete = (substr(a.name, 16)::int - 1) % 99 + 1 and p.narrative = 'Tải thử ' || substr(a.name, 16)::int")
  echo "deadline minute check: $SUBMITTED of $EDITORS reports SUBMITTED, $WRITTEN of $EDITORS task lines as sent"
  [ "$SUBMITTED" = "$EDITORS" ] && [ "$WRITTEN" = "$EDITORS" ] || status=1
fi
grep -a ' ERROR ' "$DATA/app.log" | head -5 || true
echo "load at end: $(uptime)"
exit $status
