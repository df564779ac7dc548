#!/bin/bash
# Two nodes on one PostgreSQL server (issue 13, goal 3): how long after a write through node A returns does node B's
# in-memory total show it (the cluster link: NOTIFY/LISTEN), p50/p99 over N writes; and how long a token revoked on A
# still works on B. Two processes of the packaged jar on the machine's PostgreSQL (127.0.0.1:5432, user postgres,
# trust; started with pg_ctlcluster when down), in a database of their own (dxgov_twonodes, made afresh, dropped after).
#   ./mvnw -B -q package -DskipTests && bench/two-nodes.sh [writes=200]
# Needs curl, psql and python3; ports 8191 and 8192.
set -euo pipefail
N=${1:-200}; PA=8191; PB=8192; DB=dxgov_twonodes
JAR=$(ls target/dxgov-*.jar | head -1)
LOGS=$(mktemp -d)
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB"
A=""; B=""
cleanup() {
  [ -n "$A" ] && kill "$A" 2>/dev/null; [ -n "$B" ] && kill "$B" 2>/dev/null
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" || true
  rm -rf "$LOGS"
}
trap cleanup EXIT
node() { # $1 port, $2 name; the demo data only on A (B finds it in the database)
  DXGOV_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DXGOV_DB_USERNAME=postgres PORT=$1 DXGOV_BATCH_NODE=$2 \
    java -Xmx1g -jar "$JAR" "${@:3}" > "$LOGS/$2.log" 2>&1 &
  echo $!
}
ready() { # $1 port, $2 log
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://localhost:$1/open" && return 0; sleep 1
  done
  echo "node on $1 did not start"; tail -30 "$2"; exit 1
}
A=$(node $PA node-a); ready $PA "$LOGS/node-a.log"
for _ in $(seq 1 120); do grep -q 'Demo assessment rounds' "$LOGS/node-a.log" && break; sleep 1; done
B=$(node $PB node-b --dxgov.demo.enabled=false); ready $PB "$LOGS/node-b.log"
grep -h "Cluster link" "$LOGS"/node-*.log

python3 - "$PA" "$PB" "$N" <<'PY'
import base64, http.client, json, statistics, sys, time
pa, pb, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
basic = lambda u: {"Authorization": "Basic " + base64.b64encode(f"{u}:dxgov-demo".encode()).decode()}
def call(conn, method, path, headers, body=None):
    h = dict(headers)
    if body is not None:
        body = json.dumps(body).encode(); h["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse(); data = r.read()
    return r.status, (json.loads(data) if data and r.getheader("Content-Type", "").startswith("application/json") else None)
a, b = http.client.HTTPConnection("localhost", pa), http.client.HTTPConnection("localhost", pb)
# a WRITE token of Thanh Hóa (38) made by the administrator: it writes the province's figures as its steering
# department and reads analytics; a token costs an HMAC per call where HTTP Basic costs a bcrypt
st, made = call(a, "POST", "/api/v1/tokens", basic("admin"), {"name": "two-nodes", "provinceCode": "38", "access": "WRITE"})
assert st == 201, (st, made)
tok = {"Authorization": "Bearer " + made["secret"]}
code = "TWO" + str(int(time.time()))
st, ind = call(a, "POST", "/api/v1/indicators", basic("admin"), {"code": code, "name": "Hai nút " + code, "unit": "đơn vị",
    "valueType": "NUMBER", "direction": "HIGHER", "unitAggregation": "SUM", "periodAggregation": "SUM", "decimals": 0})
assert st == 201, (st, ind)
q = f"/api/v1/analytics/value?indicatorCode={code}&unitCode=38&period=2024"
lat, polls = [], []
for i in range(1, n + 1):
    st, res = call(a, "POST", "/api/v1/data-values", tok, [{"indicatorCode": code, "unitCode": "38", "period": "2024", "value": i}])
    assert st == 200, (st, res)
    t0 = time.perf_counter(); k = 0
    while True:
        k += 1
        st, v = call(b, "GET", q, tok)
        if st == 200 and v["value"] is not None and float(v["value"]) == i:
            break
        if time.perf_counter() - t0 > 5:
            sys.exit(f"write {i} not on node B after 5 s")
    lat.append((time.perf_counter() - t0) * 1000); polls.append(k)
lat.sort()
p = lambda x: lat[min(len(lat) - 1, int(len(lat) * x))]
# one poll alone, for what the figures include: B's answer to a read that already shows the value
t0 = time.perf_counter()
for _ in range(50): call(b, "GET", q, tok)
poll = (time.perf_counter() - t0) * 1000 / 50
print(f"write through A -> in B's total: {n} writes, p50 {p(.5):.1f} ms, p99 {p(.99):.1f} ms, max {lat[-1]:.1f} ms "
      f"(mean {statistics.mean(lat):.1f} ms; one read of B alone {poll:.1f} ms; polls per write median {sorted(polls)[len(polls)//2]})")
# a token revoked on A, refused by B (whose row cache keeps a token 10 s without the link)
st, made2 = call(a, "POST", "/api/v1/tokens", basic("admin"), {"name": "two-nodes-revoke", "provinceCode": "38", "access": "READ"})
t2 = {"Authorization": "Bearer " + made2["secret"]}
assert call(b, "GET", q, t2)[0] == 200
call(a, "DELETE", f"/api/v1/tokens/{made2['token']['id']}", basic("admin"))
t0 = time.perf_counter()
while call(b, "GET", q, t2)[0] != 401:
    if time.perf_counter() - t0 > 15: sys.exit("revoked token still works on B after 15 s")
print(f"token revoked on A -> refused by B after {(time.perf_counter() - t0) * 1000:.1f} ms (the revoke call itself not counted)")
PY
echo "load: $(uptime)"
