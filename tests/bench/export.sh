#!/bin/sh
# The raw data export benchmark (issue 5), against a running stack that holds
# the national-scale data set: tests/bench/aggregate.sh calls it while its
# generated data (about 4 million figures, 8 quarters of 2090-2091) exist:
#   sh tests/bench/export.sh FIRST_PERIOD_ID LAST_PERIOD_ID
# Times the command-line export of the whole range (egov-export raw) as CSV
# and as XLSX under /usr/bin/time -v (elapsed, rows per second, peak
# resident memory), against `mariadb --batch` dumping the same rows (same
# joins, same order) to a file.  Prints "bench: NAME VALUE UNIT" lines
# (export_csv_s, dump_s, export_csv_ratio, export_xlsx_s,
# export_csv_peak_kib, export_xlsx_peak_kib; SKIPPED when egov-export is not
# built) and the goals: CSV within 2x of the dump, peak memory under 50 MiB.
#   BENCH_VAR     the running stack's var directory (required)
#   BENCH_PORT    its HTTP port (only reported)
#   BENCH_BUILD=build   where egov-export is
# The files go to $BENCH_VAR/bench-export.* and are removed afterwards.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${BENCH_VAR:?BENCH_VAR: the running stack var directory}
PORT=${BENCH_PORT:-?}
BUILD=${BENCH_BUILD:-build}
CONF=$VAR/egov.conf
BIN=$ROOT/$BUILD/egov-export
FROM=${1:?first period id}
TO=${2:?last period id}

broken() { echo "bench: BROKEN: $*" >&2; exit 1; }
note() { printf '  %s\n' "$*"; }
db() { mariadb --no-defaults --socket="$VAR/run/mysqld.sock" -uroot --batch --skip-column-names egov "$@"; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6g\", $1 }"; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f", d, v }'; }
goal() {
	if awk "BEGIN { exit !($2 $3 $4) }"; then m=met; else m="not met"; fi
	printf 'goal: %-34s %-10s %s\n' "$1 $3 $4" "($(fmt "$2" 3))" "$m"
}
peak() { sed -n 's/.*Maximum resident set size (kbytes): *//p' "$1" | tail -n1; }

case $FROM$TO in *[!0-9]*) broken "period ids, not '$FROM' '$TO'" ;; esac
[ -x /usr/bin/time ] || broken "missing /usr/bin/time (the 'time' package)"
[ -f "$CONF" ] || broken "no $CONF"
if [ ! -x "$BIN" ]; then
	echo "== export: $BUILD/egov-export is not built"
	for n in export_csv_s dump_s export_csv_ratio export_xlsx_s export_csv_peak_kib export_xlsx_peak_kib; do
		echo "bench: $n SKIPPED"
	done
	exit 0
fi
OUT=$VAR/bench-export
trap 'rm -f "$OUT.csv" "$OUT.xlsx" "$OUT.dump" "$OUT.time"' EXIT

# the rows egov-export writes: same joins, filters (submitted + accepted) and order
FROMWHERE="FROM period pf JOIN period pt ON pt.id = $TO
	JOIN period p ON p.kind = pf.kind AND p.cutoff_end BETWEEN pf.cutoff_end AND pt.cutoff_end
	JOIN submission s ON s.period_id = p.id JOIN unit u ON u.id = s.unit_id
	JOIN figure f ON f.submission_id = s.id JOIN indicator i ON i.id = f.indicator_id
	JOIN pillar pl ON pl.code = i.pillar LEFT JOIN app_user su ON su.id = s.submitted_by
	WHERE pf.id = $FROM AND s.status IN ('submitted', 'accepted')"
DUMP="SELECT p.kind, p.year, p.seq, DATE_FORMAT(p.cutoff_start, '%d/%m/%Y'),
	DATE_FORMAT(p.cutoff_end, '%d/%m/%Y'), u.code, u.name, u.name_en, u.kind,
	i.code, i.name, i.name_en, i.pillar, pl.name, pl.name_en, i.vtype,
	f.num_value, f.text_value, f.not_applicable, i.uom, f.note, s.status, su.display_name,
	DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i') $FROMWHERE
	ORDER BY p.cutoff_end, p.id, u.code, pl.sort, i.sort, i.code"
COUNT="SELECT COUNT(*) $FROMWHERE"

echo "== issue 5 export bench against $VAR (port $PORT): periods $FROM..$TO"
# warm-up (untimed): every run reads the figures from the buffer pool
rows=$(db -e "$COUNT")
note "$rows rows in the range"

echo "== mariadb --batch dumping the same rows"
t=$(now)
db -e "$DUMP" >"$OUT.dump" || broken "the dump failed"
dump_s=$(calc "$(now) - $t")
note "$(wc -l <"$OUT.dump") lines, $(($(wc -c <"$OUT.dump") / 1048576)) MiB in $(fmt "$dump_s" 2) s"
rm -f "$OUT.dump"

run_export() {
	t=$(now)
	if /usr/bin/time -v -o "$OUT.time" "$BIN" -c "$CONF" raw --from-period "$FROM" --to-period "$TO" \
		--format "$1" --out "$OUT.$1" >"$OUT.log" 2>&1; then
		s=$(calc "$(now) - $t")
		kib=$(peak "$OUT.time")
		note "$(cat "$OUT.log"), $(($(wc -c <"$OUT.$1") / 1048576)) MiB, $(fmt "$(calc "$rows / $s")" 0) rows/s," \
			"peak $kib KiB" >&2
		echo "$s $kib"
	else
		cat "$OUT.log" >&2
		echo "FAILED"
	fi
	rm -f "$OUT.log" "$OUT.$1"
}

echo "== egov-export raw --format csv"
set -- $(run_export csv)
[ "$1" != FAILED ] || broken "egov-export (csv) failed"
csv_s=$1 csv_kib=$2
echo "== egov-export raw --format xlsx"
set -- $(run_export xlsx)
[ "$1" != FAILED ] || broken "egov-export (xlsx) failed"
xlsx_s=$1 xlsx_kib=$2

ratio=$(calc "$csv_s / $dump_s")
echo
echo "bench: export_csv_s $(fmt "$csv_s" 2) s"
echo "bench: dump_s $(fmt "$dump_s" 2) s"
echo "bench: export_csv_ratio $(fmt "$ratio" 2) x"
echo "bench: export_xlsx_s $(fmt "$xlsx_s" 2) s"
echo "bench: export_csv_peak_kib $csv_kib KiB"
echo "bench: export_xlsx_peak_kib $xlsx_kib KiB"
echo "bench: export_csv_rows_per_s $(fmt "$(calc "$rows / $csv_s")" 0) rows/s"
echo "bench: export_xlsx_rows_per_s $(fmt "$(calc "$rows / $xlsx_s")" 0) rows/s"
echo
goal export_csv_ratio "$ratio" '<=' 2
goal export_csv_peak_kib "$csv_kib" '<' 51200
goal export_xlsx_peak_kib "$xlsx_kib" '<' 51200
