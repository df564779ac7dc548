#!/bin/bash
# Issue 13, goal 1, all three loads in one run on the packaged jar (README of the figures: notes/load.md):
#   ./mvnw -B -q -o package -DskipTests -Djazzer.skip=true && bench/load.sh [seconds=20] [editors=1000]
# (a) seed 001's plan page with 50 users logged in (own sessions): every page rendered (no cache), then as browsers
#     ask (If-None-Match → 304 when nothing changed); (b) the API at 200 clients with a Bearer token (reads), each
#     polling once a second (latency target), then back to back (saturation throughput);
# (c) the deadline minute: EDITORS agencies' editors each saving and submitting a report within 60 s, then the
#     database is checked for every write. Loopback only; a throwaway embedded PostgreSQL; port $PORT (8091).
# Needs java 17, curl, python3, psql. Load generator: bench/Load.java (JDK only, java's source launcher).
set -euo pipefail
SECONDS_EACH=${1:-20}; EDITORS=${2:-1000}; PORT=${PORT:-8091}
BASE="http://localhost:$PORT"
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/app.sh"
# SAVE_HTML=dir: the plan page as three users see it, in Vietnamese and English (to diff two builds' pages)
if [ -n "${SAVE_HTML:-}" ]; then
  mkdir -p "$SAVE_HTML"
  for u in steering viewer bt.sttvtt; do
    cj="$DATA/cookies-$u"
    csrf=$(curl -s -c "$cj" -b "$cj" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
    curl -s -o /dev/null -c "$cj" -b "$cj" -d "username=$u&password=dxgov-demo&_csrf=$csrf" "$BASE/login"
    curl -s -b "$cj" "$BASE/plans/$PLAN" > "$SAVE_HTML/$u.html"
    curl -s -b "$cj" "$BASE/plans/$PLAN?lang=en" > "$SAVE_HTML/$u-en.html"
    curl -s -b "$cj" "$BASE/plans/$PLAN?pillar=DIGITAL_ECONOMY&q=so" > "$SAVE_HTML/$u-filtered.html"
  done
fi
RUN() { APP_PID=$APP java -Xss512k "$HERE/Load.java" "$@" | tee -a "$DATA/summary" || status=1; }
status=0
if [ "${ONLY:-}" != deadline ]; then
  RUN plan "$BASE" "$PLAN" 1 10 false steering dxgov-demo
  RUN plan "$BASE" "$PLAN" 50 "$SECONDS_EACH" false steering dxgov-demo
  RUN plan "$BASE" "$PLAN" 50 "$SECONDS_EACH" true steering dxgov-demo
  if [ "${ONLY:-}" = plan ]; then echo "load at end: $(uptime)"; exit $status; fi
  RUN api "$BASE" "$PLAN" "$TARGET" "$INDICATOR" 200 "$SECONDS_EACH" "$TOKEN" 1000
  RUN api "$BASE" "$PLAN" "$TARGET" "$INDICATOR" 200 "$SECONDS_EACH" "$TOKEN"
fi
make_editors
RUN deadline "$BASE" "$PERIOD" "$EDITORS" 60 bench. dxgov-demo
# no lost write: every bench agency's report submitted, with its task line at the percent its editor sent
SUBMITTED=$(SQL "select count(*) from submission s join agency a on a.id = s.agency_id
  where a.name like 'Đơn vị thử tải %' and s.reporting_period_id = $PERIOD and s.status = 'SUBMITTED'")
WRITTEN=$(SQL "select count(*) from task_progress p join agency a on a.id = p.agency_id
  where a.name like 'Đơn vị thử tải %' and p.task_id = $TASK
    and p.percent_complete = (substr(a.name, 16)::int - 1) % 99 + 1 and p.narrative = 'Tải thử ' || substr(a.name, 16)::int")
echo "deadline minute check: $SUBMITTED of $EDITORS reports SUBMITTED, $WRITTEN of $EDITORS task lines as sent" | tee -a "$DATA/summary"
[ "$SUBMITTED" = "$EDITORS" ] && [ "$WRITTEN" = "$EDITORS" ] || status=1
grep -a ' ERROR ' "$DATA/app.log" | head -5 || true
echo "load at end: $(uptime)"
exit $status
