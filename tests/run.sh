#!/bin/sh
# Runs every test and prints the closing line "N passed, N failed, N skipped".
# Suites print one line per test: "PASS name", "FAIL name: why", "SKIP name: why".
# The integration and browser suites run against a private stack (var/test,
# port TEST_PORT) whose FastCGI workers are the ASan/UBSan build.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
STACK=${STACK:-test}
export TEST_PORT=${TEST_PORT:-18080}
export TEST_VAR="$ROOT/var/$STACK"
export TEST_BASE="http://127.0.0.1:$TEST_PORT"
export TEST_ROOT="$ROOT"
export EGOV_CONFIG="$TEST_VAR/egov.conf"
SUITES=${SUITES:-"unit integration browser sanitizers"}
# Debian's interpreter: the test modules (openpyxl, icalendar) are Debian packages
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
mkdir -p "$ROOT/var"
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

run_suite() {
	name=$1
	shift
	echo "== $name"
	start=$(date +%s)
	"$@" 2>&1 | tee -a "$OUT" | grep -E '^(PASS|FAIL|SKIP) ' || true
	echo "   ($(( $(date +%s) - start ))s)"
}

for s in $SUITES; do
	case $s in
	unit)
		run_suite unit ./build/test-unit
		run_suite unit-san ./build-san/test-unit
		run_suite fuzz-replay ./build-san/fuzz-replay tests/fuzz/corpus
		;;
	integration|browser)
		if [ ! -f "$TEST_VAR/.up" ]; then
			echo "== starting the test stack (var/$STACK, port $TEST_PORT, ASan workers)"
			sh scripts/stack.sh stop "$STACK" >/dev/null 2>&1 || true
			rm -rf "$TEST_VAR"
			if ! PORT=$TEST_PORT BUILD=build-san sh scripts/stack.sh start "$STACK" >"$ROOT/var/$STACK.start.log" 2>&1; then
				cat "$ROOT/var/$STACK.start.log"
				echo "FAIL stack/start: the test stack did not start" | tee -a "$OUT"
				continue
			fi
			touch "$TEST_VAR/.up"
		fi
		for t in tests/$s/test_*.py; do
			[ -f "$t" ] && run_suite "$t" "$PY" "$t"
		done
		;;
	sanitizers)
		# whatever the ASan/UBSan workers reported during the suites above
		if [ ! -d "$TEST_VAR/log" ]; then
			echo "SKIP sanitizers/workers: no test stack ran" | tee -a "$OUT"
		elif ls "$TEST_VAR"/log/asan.* "$TEST_VAR"/log/ubsan.* >/dev/null 2>&1; then
			echo "FAIL sanitizers/workers: reports in var/$STACK/log:" | tee -a "$OUT"
			head -n 40 "$TEST_VAR"/log/asan.* "$TEST_VAR"/log/ubsan.* 2>/dev/null
		else
			echo "PASS sanitizers/workers: no ASan/UBSan report from the FastCGI workers" | tee -a "$OUT"
		fi
		;;
	esac
done

if [ -f "$TEST_VAR/.up" ] && [ "${KEEP_STACK:-0}" != 1 ]; then
	sh scripts/stack.sh stop "$STACK" >/dev/null 2>&1 || true
	rm -f "$TEST_VAR/.up"
fi

passed=$(grep -c '^PASS ' "$OUT")
failed=$(grep -c '^FAIL ' "$OUT")
skipped=$(grep -c '^SKIP ' "$OUT")
if [ "$failed" -gt 0 ]; then
	echo
	echo "Failures:"
	grep '^FAIL ' "$OUT"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
