#!/bin/sh
# The dashboard's part of make bench: the overview page's req/s (a deputy,
# logged in, the default period) against nginx serving a static file of the
# same size, with wrk on loopback.  Called by tests/bench/run.sh on its
# running stack:
#   BENCH_PORT=18183 BENCH_VAR=var/bench sh tests/bench/dashboard.sh
# Prints "bench: dashboard_rps N req/s", "bench: dashboard_static_rps N req/s"
# and "bench: dashboard_ratio R x" (goal: at least 0.2).  The goal is measured,
# never asserted; the exit status is non-zero only when the bench breaks.
#   BENCH_SECONDS=10 (each wrk run)  BENCH_CONNS=8 (connections)
# If the stack has no computed figures at all (no aggregation job ran), the
# dashboard tests' fixture fills Q1..Q4/2070 so the page is a real one.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:?set BENCH_PORT to the port of the running stack}
VAR=${BENCH_VAR:?set BENCH_VAR to the var directory of the running stack}
case $VAR in /*) ;; *) VAR=$ROOT/$VAR ;; esac
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNS:-8}
BASE=http://127.0.0.1:$PORT
PAGE=/dashboard/
WWW=$VAR/www
STATIC=$WWW/bench-static.html
export BENCH_DIR="$ROOT/tests/bench"
export TEST_PORT="$PORT" TEST_VAR="$VAR" TEST_ROOT="$ROOT"

broken() { echo "bench: BROKEN: dashboard: $*" >&2; exit 1; }
note() { printf '  %s\n' "$*"; }
calc() { awk "BEGIN { printf \"%.6g\", $1 }"; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f", d, v }'; }
field() { sed -n "s/^[a-z]*-result .*\<$1=\([^ ]*\).*/\1/p" "$2" | tail -n1; }
for t in wrk curl python3 mariadb; do
	command -v "$t" >/dev/null 2>&1 || broken "missing $t"
done
[ -f "$VAR/egov.conf" ] || broken "no stack in $VAR"

# ---- a deputy's session, and figures to show ----------------------------------
COOKIE=$(python3 - <<'PY'
import os, sys
sys.path.insert(0, os.path.join(os.environ["TEST_ROOT"], "tests", "integration"))
import egov
done = int(egov.sql("SELECT COUNT(*) FROM agg_run WHERE status = 'done'")[0][0])
if done == 0:
    import dash_fixture
    f = dash_fixture.setup()
    dash_fixture.write_charts(f["pid"], f["ind"], f["unit"])
    print("no computed figures in the stack: the dashboard fixture filled Q1..Q4/2070", file=sys.stderr)
egov.ensure_user("bench.deputy", "-", roles="deputy", password="Bench@2026-dash", name="Bench deputy")
c = egov.Client(egov.BASE_PORT)
r = c.login("bench.deputy", "Bench@2026-dash")
if r.status != 303 or "egov_sid" not in c.cookies:
    sys.exit("login of bench.deputy: HTTP %d" % r.status)
print("egov_sid=" + c.cookies["egov_sid"])
PY
) || broken "set-up failed"
export BENCH_COOKIE="$COOKIE" BENCH_PATH="$PAGE"

# ---- the static file of the page's size (run.sh's own file is put back) -------
mkdir -p "$WWW"
PAGE_FILE=$VAR/dashboard-page.html
code=$(curl -s -o "$PAGE_FILE" -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$PAGE") || broken "curl failed"
[ "$code" = 200 ] || broken "GET $PAGE answered $code"
grep -q 'id="headline"' "$PAGE_FILE" || note "warning: the overview shows no headline table (no figures?)"
BYTES=$(wc -c <"$PAGE_FILE")
SAVED=""
if [ -f "$STATIC" ]; then
	SAVED=$VAR/bench-static.saved
	cp -p "$STATIC" "$SAVED"
fi
restore() {
	if [ -n "$SAVED" ]; then mv -f "$SAVED" "$STATIC"; else rm -f "$STATIC"; fi
}
trap restore EXIT
trap 'exit 130' INT TERM
cp "$PAGE_FILE" "$STATIC"
chmod 0644 "$STATIC"
code=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$BASE/bench-static.html")
[ "$code" = "200 $BYTES" ] || broken "the static copy answered $code (want 200 $BYTES)"

# ---- wrk --------------------------------------------------------------------------
LOG=$VAR/log/nginx-access.log
# run LABEL SCRIPT: wrk's output into $VAR/wrk-LABEL.txt, what nginx answered
# into $VAR/wrk-LABEL.statuses; prints the 200 answers per second (a lost
# session would answer 303s, which must not count)
run() {
	out=$VAR/wrk-$1.txt
	from=$(( $(wc -l <"$LOG") + 1 ))
	wrk -t2 -c"$CONNS" -d"$SECS"s --timeout 5s --latency -s "tests/bench/$2" "$BASE/" >"$out" 2>&1 ||
		{ cat "$out" >&2; broken "wrk failed ($1)"; }
	grep -q '^wrk-result ' "$out" || { cat "$out" >&2; broken "no result from wrk ($1)"; }
	python3 tests/bench/setup.py statuses "$from" >"$VAR/wrk-$1.statuses"
	ok=$(tr ' ' '\n' <"$VAR/wrk-$1.statuses" | sed -n 's/^200://p')
	[ -n "$ok" ] && [ "$ok" -gt 0 ] || broken "no 200 answer ($1): $(cat "$VAR/wrk-$1.statuses")"
	calc "$ok / ($(field duration_us "$out") / 1e6)"
}
echo "== dashboard overview $PAGE ($BYTES bytes, a deputy, default period) vs a static file of its size"
note "wrk -t2 -c$CONNS, ${SECS}s each, after a 2s warm-up of each"
wrk -t2 -c"$CONNS" -d2s -s tests/bench/dashboard.lua "$BASE/" >/dev/null 2>&1 || true
wrk -t2 -c"$CONNS" -d2s -s tests/bench/static.lua "$BASE/" >/dev/null 2>&1 || true
static_rps=$(run dashboard-static static.lua)
dash_rps=$(run dashboard dashboard.lua)
ratio=$(calc "$dash_rps / $static_rps")
note "p99: dashboard $(fmt "$(calc "$(field p99_us "$VAR/wrk-dashboard.txt") / 1000")" 2) ms," \
	"static $(fmt "$(calc "$(field p99_us "$VAR/wrk-dashboard-static.txt") / 1000")" 2) ms;" \
	"nginx answered: dashboard $(cat "$VAR/wrk-dashboard.statuses"), static $(cat "$VAR/wrk-dashboard-static.statuses")" \
	"(499: cut off when wrk stopped)"
if awk "BEGIN { exit !($ratio >= 0.2) }"; then m=met; else m="not met"; fi
note "goal dashboard_ratio >= 0.2: $m"
echo "bench: dashboard_rps $(fmt "$dash_rps" 0) req/s"
echo "bench: dashboard_static_rps $(fmt "$static_rps" 0) req/s"
echo "bench: dashboard_ratio $(fmt "$ratio" 3) x"
