#!/bin/sh
# make bench: throughput and latency of the release build on a private stack
# (var/bench, port 18183, 2 FastCGI workers), with wrk on loopback.
#   (a) nginx serving a static file of the form page's size
#   (b) the officer's form page, logged in
#   (c) saving a whole form over HTTP (every figure changes on every save)
#   (d) the same save transaction from a bare C client straight to MariaDB
#   (e) a report worker's resident memory after 10,000 more form requests
# Prints "bench: NAME VALUE UNIT" lines and the goals, met or not.  The goals
# are measured, never asserted: the exit status is non-zero only when the
# bench itself breaks.  Needs root (the stack does), wrk, cc and python3.
#   BENCH_SECONDS=10 (each wrk and bare run)  BENCH_CONNS=8 (GET connections)
#   BENCH_USERS=4 (officers saving, one connection each)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
NAME=bench
PORT=18183
VAR=$ROOT/var/$NAME
SECS=${BENCH_SECONDS:-10}
USERS=${BENCH_USERS:-4}
CONNS=${BENCH_CONNS:-8}
WORKERS=2
RSS_REQUESTS=10000
BASE=http://127.0.0.1:$PORT
export BENCH_DIR="$ROOT/tests/bench" BENCH_VAR="$VAR"
export TEST_PORT=$PORT TEST_VAR="$VAR" TEST_ROOT="$ROOT"
T0=$(date +%s)

broken() { echo "bench: BROKEN: $*" >&2; exit 1; }
note() { printf '  %s\n' "$*"; }
stop_stack() { sh scripts/stack.sh stop "$NAME" >/dev/null 2>&1 || true; }

[ "$(id -u)" = 0 ] || broken "run as root (the stack's MariaDB and nginx drop to their own users)"
for t in wrk cc pkg-config python3 mariadb; do
	command -v "$t" >/dev/null 2>&1 || broken "missing $t"
done
for b in egov-admin egov-auth egov-report; do
	[ -x "build/$b" ] || broken "missing build/$b: run make first"
done

# ---- a fresh stack --------------------------------------------------------
stop_stack
rm -rf "$VAR"
mkdir -p "$VAR"
trap stop_stack EXIT
trap 'exit 130' INT TERM
cc -std=c11 -O2 -Wall -Wextra -D_GNU_SOURCE -pthread -o "$VAR/bare_save" tests/bench/bare_save.c \
	$(pkg-config --cflags --libs libmariadb) || broken "bare_save.c does not build"
echo "== starting the bench stack (var/$NAME, port $PORT, $WORKERS workers, build/)"
if ! PORT=$PORT WORKERS=$WORKERS BUILD=build sh scripts/stack.sh start "$NAME" >"$ROOT/var/$NAME.start.log" 2>&1; then
	cat "$ROOT/var/$NAME.start.log" >&2
	broken "the stack did not start"
fi
python3 tests/bench/setup.py prepare "$USERS" || broken "set-up failed"
. "$VAR/bench.env"
LOG=$VAR/log/nginx-access.log
REPORT_PW=$(sed -n 's/^REPORT_PW=//p' "$VAR/secrets")
note "machine: $(nproc) CPUs, $(uname -r); wrk, nginx, $WORKERS workers and MariaDB share them"

# ---- helpers ---------------------------------------------------------------
log_lines() { wc -l <"$LOG"; }
# field NAME FILE: the value of NAME=... on the result line of FILE
field() { sed -n "s/^[a-z]*-result .*\<$1=\([^ ]*\).*/\1/p" "$2" | tail -n1; }
# calc EXPR: floating-point arithmetic
calc() { awk "BEGIN { printf \"%.6g\", $1 }"; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f", d, v }'; }
# statuses FROM: what nginx answered since line FROM of its access log
statuses() { python3 tests/bench/setup.py statuses "$1"; }

# wrk_run LABEL THREADS CONNS SECONDS SCRIPT: runs wrk, leaves its output in
# $VAR/wrk-LABEL.txt and the statuses nginx logged in $STATUSES
wrk_run() {
	out=$VAR/wrk-$1.txt
	from=$(( $(log_lines) + 1 ))
	wrk -t"$2" -c"$3" -d"$4"s --timeout 5s --latency -s "tests/bench/$5" "$BASE/" >"$out" 2>&1 ||
		{ cat "$out" >&2; broken "wrk failed ($1)"; }
	grep -q '^wrk-result ' "$out" || { cat "$out" >&2; broken "no result from wrk ($1)"; }
	STATUSES=$(statuses "$from")
}

rss_kib() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null || echo 0; }
worker_pids() { cat "$VAR/run/report.pid"; }

# warm-up (not reported): page cache, prepared statements, nginx
wrk -t2 -c8 -d2s -s tests/bench/static.lua "$BASE/" >/dev/null 2>&1 || true
wrk -t2 -c8 -d2s -s tests/bench/form.lua "$BASE/" >/dev/null 2>&1 || true

# ---- (a) static ------------------------------------------------------------
echo "== (a) nginx, static file of $FORM_BYTES bytes (wrk -t2 -c$CONNS, ${SECS}s)"
wrk_run static 2 "$CONNS" "$SECS" static.lua
f=$VAR/wrk-static.txt
static_rps=$(calc "$(field ok $f) / ($(field duration_us $f) / 1e6)")
static_p99=$(calc "$(field p99_us $f) / 1000")
note "nginx answered: $STATUSES"

# ---- (b) the form page -----------------------------------------------------
echo "== (b) GET $FORM_PATH, logged in ($NFIELDS indicators; wrk -t2 -c$CONNS, ${SECS}s)"
wrk_run form 2 "$CONNS" "$SECS" form.lua
f=$VAR/wrk-form.txt
form_200=$(printf '%s\n' "$STATUSES" | tr ' ' '\n' | sed -n 's/^200://p')
[ -n "$form_200" ] && [ "$form_200" -gt 0 ] || broken "the form page never answered 200 ($STATUSES)"
form_rps=$(calc "$form_200 / ($(field duration_us $f) / 1e6)")
form_p99=$(calc "$(field p99_us $f) / 1000")
note "nginx answered: $STATUSES (form_rps counts the 200s only; 499: cut off when wrk stopped)"

# ---- (c) saving over HTTP --------------------------------------------------
echo "== (c) POST $FORM_PATH, $NFIELDS figures a save, $USERS officers (wrk -t$USERS -c$USERS, ${SECS}s)"
wrk_run save "$USERS" "$USERS" "$SECS" save.lua
f=$VAR/wrk-save.txt
save_ok=$(field ok $f)
[ "$save_ok" -gt 0 ] || broken "no save went through ($STATUSES; last status $(field last_bad $f))"
save_rps=$(calc "$save_ok / ($(field duration_us $f) / 1e6)")
save_p99=$(calc "$(field p99_us $f) / 1000")
note "nginx answered: $STATUSES; saves not 303: $(field bad $f) (last $(field last_bad $f))"
# every 303 must have changed every figure: count the figure audit rows
audit_rows=$(mariadb --no-defaults --socket="$VAR/run/mysqld.sock" -uroot --batch --skip-column-names egov \
	-e "SELECT COUNT(*) FROM audit WHERE action = 'set_value' AND entity = 'figure'")
note "figure audit rows so far: $audit_rows (expected about $(( (save_ok + USERS) * NFIELDS )))"

# ---- (d) the bare save -----------------------------------------------------
subs=$(printf '%s\n' $BARE_SUBS | head -n "$WORKERS" | tr '\n' ' ')
echo "== (d) the save transaction from a bare C client, $WORKERS connections, ${SECS}s"
# shellcheck disable=SC2086
REPORT_PW=$REPORT_PW "$VAR/bare_save" "$VAR/run/mysqld.sock" egov "$SECS" "$PERIOD_ID" \
	"$VAR/values.tsv" $subs >"$VAR/bare.txt" 2>&1 || { cat "$VAR/bare.txt" >&2; broken "bare_save failed"; }
f=$VAR/bare.txt
bare_rps=$(calc "$(field saves $f) / $(field seconds $f)")
note "$(grep '^bare-result' $f)"

# ---- (e) worker memory -----------------------------------------------------
echo "== (e) report workers' resident memory, $RSS_REQUESTS more form requests (wrk -t2 -c2)"
before=""
for p in $(worker_pids); do before="$before $p:$(rss_kib "$p")KiB"; done
from=$(( $(log_lines) + 1 ))
BENCH_LIMIT=$(( RSS_REQUESTS / 2 )) wrk -t2 -c2 -d120s --timeout 5s -s tests/bench/form.lua "$BASE/" \
	>"$VAR/wrk-rss.txt" 2>&1 &
wrk_pid=$!
i=0
while [ $(( $(log_lines) - from + 1 )) -lt $RSS_REQUESTS ] && [ $i -lt 1200 ] && kill -0 $wrk_pid 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
kill -INT $wrk_pid 2>/dev/null || true
wait $wrk_pid || true
STATUSES=$(statuses "$from")
served=$(( $(log_lines) - from + 1 ))
[ "$served" -ge $RSS_REQUESTS ] || broken "only $served of $RSS_REQUESTS requests in 120 s ($STATUSES)"
rss_max=0
after=""
for p in $(worker_pids); do
	r=$(rss_kib "$p")
	after="$after $p:${r}KiB"
	if [ "$r" -gt "$rss_max" ]; then rss_max=$r; fi
done
[ "$rss_max" -gt 0 ] || broken "no report worker found in $VAR/run/report.pid"
note "nginx answered: $STATUSES"
note "VmRSS before:$before; after:$after"

# ---- the figures -----------------------------------------------------------
form_ratio=$(calc "$form_rps / $static_rps")
save_ratio=$(calc "$save_rps / $bare_rps")
echo
echo "bench: static_rps $(fmt "$static_rps" 0) req/s"
echo "bench: static_p99_ms $(fmt "$static_p99" 2) ms"
echo "bench: form_rps $(fmt "$form_rps" 0) req/s"
echo "bench: form_p99_ms $(fmt "$form_p99" 2) ms"
echo "bench: form_ratio $(fmt "$form_ratio" 3) x"
echo "bench: save_rps $(fmt "$save_rps" 0) saves/s"
echo "bench: save_p99_ms $(fmt "$save_p99" 2) ms"
echo "bench: bare_save_rps $(fmt "$bare_rps" 0) saves/s"
echo "bench: save_ratio $(fmt "$save_ratio" 3) x"
echo "bench: worker_rss_kib $rss_max KiB"

# goal LABEL VALUE OP LIMIT: "met" or "not met", never an exit status
goal() {
	if awk "BEGIN { exit !($2 $3 $4) }"; then m=met; else m="not met"; fi
	printf 'goal: %-34s %-10s %s\n' "$1 $3 $4" "($(fmt "$2" 3))" "$m"
}
echo
goal form_ratio "$form_ratio" '>=' 0.10
goal form_p99_ms "$form_p99" '<' 20
goal save_rps "$save_rps" '>=' 300
goal save_ratio "$save_ratio" '>=' 0.5
goal worker_rss_kib "$rss_max" '<' 10240
echo "(bench took $(( $(date +%s) - T0 )) s; wrk output in var/$NAME/wrk-*.txt)"

# ---- issue 4: aggregation, charts and the dashboard, on the same stack -----
echo
BENCH_VAR=$VAR BENCH_PORT=$PORT sh tests/bench/aggregate.sh || echo "bench: aggregate bench broke (see above)"
if [ -x build/egov-dashboard ] && [ -f tests/bench/dashboard.sh ]; then
	BENCH_VAR=$VAR BENCH_PORT=$PORT sh tests/bench/dashboard.sh || echo "bench: dashboard bench broke (see above)"
fi
