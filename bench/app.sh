# Sourced by bench/load.sh and bench/gatling.sh: starts the packaged app on a throwaway embedded PostgreSQL (port
# $PORT), waits for its demo data, and sets PLAN (seed 001, "Triển khai thực hiện Nghị quyết số 06-NQ/TU"), TARGET and
# INDICATOR (its first target with an indicator), TASK, PERIOD (an open reporting period of it), TOKEN (a READ API
# token) and BASE; make_editors adds EDITORS agencies ("Đơn vị thử tải 0001" …) each leading TASK with an editor
# bench.0001 … (bcrypt cost 4: the logins are not what is measured). The caller sets EDITORS, PORT and may set JAR, JAVA_OPTS, APP_ARGS.
BASE="http://localhost:$PORT"
DATA=$(mktemp -d)
JAR=${JAR:-$(ls target/dxgov-*.jar | head -1)}  # JAR=… APP_ARGS=… JAVA_OPTS=… ONLY=plan|deadline: another build,
# the app's options, the JVM's options (e.g. -XX:StartFlightRecording=…), one load only
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
# hash is bcrypt of cost 4, not 10: the logins happen before the minute and are not what it measures. Made only when
# the deadline minute runs (make_editors), after the plan page's runs: 1.000 more lead agencies on one task would make
# seed 001's page another, larger page (2.000 more links, 1.000 more filter choices)
make_editors() {
  SQL "insert into agency (name, name_folded, kind, province_code)
       select 'Đơn vị thử tải ' || lpad(g::text, 4, '0'), 'don vi thu tai ' || lpad(g::text, 4, '0'), 'DEPARTMENT', '38'
       from generate_series(1, $EDITORS) g;
       insert into task_agency (task_id, agency_id, role, position)
       select $TASK, a.id, 'LEAD', 1000 + row_number() over (order by a.id) from agency a where a.name like 'Đơn vị thử tải %';
       insert into app_user (username, password_hash, display_name, role, agency_id, province_code)
       select 'bench.' || substr(a.name, 16), '{bcrypt}\$2a\$04\$GaxFqCEUX9nFVcIoLzmSWu72TpgmCpZIIUfN.iC3NVWJTElLp8LAq',
              'Biên tập ' || substr(a.name, 16), 'EDITOR', a.id, '38' from agency a where a.name like 'Đơn vị thử tải %';" > /dev/null
}
TOKEN=$(curl -sf -u admin:dxgov-demo -H 'Content-Type: application/json' \
  -d '{"name":"bench-read","provinceCode":"38","access":"READ"}' "$BASE/api/v1/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
