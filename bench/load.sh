#!/bin/bash
# Issue 13, goal 1, all three loads in one run on the packaged jar (README of the figures: notes/load.md):
#   ./mvnw -B -q -o package -DskipTests -Djazzer.skip=true && bench/load.sh [seconds=20] [editors=1000]
# (a) seed 001's plan page with 50 users logged in (own sessions): every page rendered (no cache), then as browsers
#     ask (If-None-Match → 304 when nothing changed); (b) the API at 200 clients with a Bearer token (reads);
# (c) the deadline minute: EDITORS agencies' editors each saving and submitting a report within 60 s, then the
#     database is checked for every write. Loopback only; a throwaway embedded PostgreSQL; port $PORT (8091).
# Needs java 17, curl, python3, psql. Load generator: bench/Load.java (JDK only, java's source launcher).
set -euo pipefail
SECONDS_EACH=${1:-20}; EDITORS=${2:-1000}; PORT=${PORT:-8091}
BASE="http://localhost:$PORT"
DATA=$(mktemp -d)
JAR=${JAR:-$(ls target/dxgov-*.jar | head -1)}  # JAR=… APP_ARGS=… JAVA_OPTS=… ONLY=plan|deadline: another build,
# the app's options, the JVM's options (e.g. -XX:StartFlightRecording=…), one load only
HERE=$(cd "$(dirname "$0")" && pwd)
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
echo "load at start: $(uptime)"
DXGOV_DB_DATA_DIR="$DATA/postgres" PORT=$PORT java -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" ${APP_ARGS:-} > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 240); do grep -aq 'Demo assessment rounds' "$DATA/app.log" 2>/dev/null && break; sleep 1; done
PG=$(grep -ao 'Embedded PostgreSQL listening on port [0-9]*' "$DATA/app.log" | tail -1 | awk '{print $NF}')
SQL() { psql -h localhost -p "$PG" -U postgres -At -v ON_ERROR_STOP=1 -c "$1"; }
PLAN=$(curl -sf -u steering:dxgov-demo "$BASE/api/v1/plans" | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if "Triển khai thực hiện Nghị quyết số 06-NQ/TU" in p["title"]))')
TARGET=$(SQL "select min(id) from target where plan_id = $PLAN and indicator_id is not null")
INDICATOR=$(SQL "select indicator_id from target where id = $TARGET")
TASK=$(SQL "select min(id) from task where plan_id = $PLAN")
PERIOD=$(SQL "select p.id from reporting_period p join reporting_schedule s on s.id = p.schedule_id where s.plan_id = $PLAN and p.status = 'OPEN' order by p.agency_due_on desc limit 1")
# the deadline minute's agencies, each leading the plan's first task, and their editors (bench.0001 …); their password
# hash is bcrypt of cost 4, not 10: the logins happen before the minute and are not what it measures
SQL "insert into agency (name, name_folded, kind, province_code)
     select 'Đơn vị thử tải ' || lpad(g::text, 4, '0'), 'don vi thu tai ' || lpad(g::text, 4, '0'), 'DEPARTMENT', '38'
     from generate_series(1, $EDITORS) g;
     insert into task_agency (task_id, agency_id, role, position)
     select $TASK, a.id, 'LEAD', 1000 + row_number() over (order by a.id) from agency a where a.name like 'Đơn vị thử tải %';
     insert into app_user (username, password_hash, display_name, role, agency_id, province_code)
     select 'bench.' || substr(a.name, 16), '{bcrypt}\$2a\$04\$GaxFqCEUX9nFVcIoLzmSWu72TpgmCpZIIUfN.iC3NVWJTElLp8LAq',
            'Biên tập ' || substr(a.name, 16), 'EDITOR', a.id, '38' from agency a where a.name like 'Đơn vị thử tải %';" > /dev/null
TOKEN=$(curl -sf -u admin:dxgov-demo -H 'Content-Type: application/json' \
  -d '{"name":"bench-read","provinceCode":"38","access":"READ"}' "$BASE/api/v1/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
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
  RUN api "$BASE" "$PLAN" "$TARGET" "$INDICATOR" 200 "$SECONDS_EACH" "$TOKEN"
fi
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
