#!/bin/sh
# The benchmark of the quarterly meeting (issue 4), against a running stack:
#   (c) egov-charts drawing every chart of one period of the city's own demo
#       data (default Q4/2026), timed, and the charts it drew counted;
#   then a generated national-scale data set loaded into the same database:
#       34 provinces x 150 units ('BN-<p>-<u>': departments, districts,
#       communes), 100 indicators ('BN-I-<n>': percent, integer, decimal,
#       yes/no, text; mean, weighted mean, sum, share and count of yes, none;
#       city targets), 8 quarters (2090-2091, apart from everything else),
#       every form accepted: about 4.08 million figures, set-based INSERT ...
#       SELECT from MariaDB's SEQUENCE tables, one statement a period;
#   (a) egov-aggregate --period <the last of them>, timed;
#   (b) a bare GROUP BY indicator and kind of unit (count, sum, mean) over the
#       same period's figures with the mariadb client, timed;
#   and the generated data deleted again (BENCH_KEEP=1 keeps it), so the rest
#   of the stack is as before and other benches can follow in it: figure and
#   agg_value are emptied with TRUNCATE, their other rows kept aside and put
#   back (about 25 s; DELETE of 4 million rows takes minutes with the default
#   128 MiB buffer pool).  The audit rows egov-aggregate appended stay (the
#   audit trail is append-only).  Whole run: about 1.5-2 minutes.
# Prints "bench: NAME VALUE UNIT" lines (aggregate_s, groupby_s,
# aggregate_ratio, charts_s, charts_count; SKIPPED when the program is not
# built) and the goals, met or not.  The exit status is non-zero only when the
# bench breaks or a program under test fails.
#   BENCH_VAR     the running stack's var directory (required), e.g. var/bench
#   BENCH_PORT    its HTTP port (only reported)
#   BENCH_BUILD=build   where egov-aggregate and egov-charts are
#   BENCH_PROVINCES=34 BENCH_UNITS=150 BENCH_INDICATORS=100 (8 quarters always)
#   BENCH_CHARTS_PERIOD="Q 2026 4"   BENCH_KEEP=0
# Needs root (the stack's MariaDB socket as root) and the mariadb client.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${BENCH_VAR:?BENCH_VAR: the running stack var directory, e.g. $ROOT/var/bench}
PORT=${BENCH_PORT:-?}
BUILD=${BENCH_BUILD:-build}
NPROV=${BENCH_PROVINCES:-34}
NUNIT=${BENCH_UNITS:-150}
NIND=${BENCH_INDICATORS:-100}
KEEP=${BENCH_KEEP:-0}
CHARTS_PERIOD=${BENCH_CHARTS_PERIOD:-"Q 2026 4"}
CONF=$VAR/egov.conf
T0=$(date +%s)

broken() { echo "bench: BROKEN: $*" >&2; exit 1; }
note() { printf '  %s\n' "$*"; }
db() { mariadb --no-defaults --socket="$VAR/run/mysqld.sock" -uroot --batch --skip-column-names egov "$@"; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6g\", $1 }"; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f", d, v }'; }
int() { case $1 in '' | *[!0-9]*) broken "not a number: '$1' ($2)" ;; esac; }
goal() {
	if awk "BEGIN { exit !($2 $3 $4) }"; then m=met; else m="not met"; fi
	printf 'goal: %-34s %-10s %s\n' "$1 $3 $4" "($(fmt "$2" 3))" "$m"
}

[ "$(id -u)" = 0 ] || broken "run as root (the stack's MariaDB socket, as root)"
command -v mariadb >/dev/null 2>&1 || broken "missing the mariadb client"
[ -f "$CONF" ] || broken "no $CONF: is BENCH_VAR a stack's var directory?"
db -e 'SELECT 1' >/dev/null 2>&1 || broken "MariaDB of $VAR is not running"
[ "$(db -e "SELECT COUNT(*) FROM information_schema.engines WHERE engine = 'SEQUENCE'")" = 1 ] ||
	broken "MariaDB has no SEQUENCE engine"
for v in "$NPROV" "$NUNIT" "$NIND"; do int "$v" "BENCH_PROVINCES/UNITS/INDICATORS"; done
[ "$NPROV" -ge 1 ] && [ "$NPROV" -le 100 ] && [ "$NUNIT" -ge 10 ] && [ "$NUNIT" -le 1000 ] &&
	[ "$NIND" -ge 20 ] && [ "$NIND" -le 1000 ] || broken "1-100 provinces, 10-1000 units, 20-1000 indicators"
AGG=$ROOT/$BUILD/egov-aggregate
CHARTS=$ROOT/$BUILD/egov-charts
CHARTS_DIR=$(sed -n 's/^charts_dir *= *//p' "$CONF" | tail -n1)
FAILED=""

# ---- the generated data: where it is, and how it goes ----------------------
# the SQL condition for a generated unit, indicator or period (table alias $1)
bn_unit() { echo "$1.code LIKE 'BN-%' AND $1.note = 'bench'"; }
bn_ind() { echo "$1.code LIKE 'BN-I-%' AND $1.source = 'bench'"; }
bn_period() { echo "$1.kind = 'Q' AND $1.year BETWEEN 2090 AND 2091"; }
# shrink TABLE KEEP: leaves only the rows matching KEEP (alias t).  Millions
# of rows go faster by keeping the few others aside, TRUNCATE (InnoDB drops
# and recreates the table, keys, constraints and grants as they were) and
# putting them back, than by DELETE; the rows kept aside are in bench_keep_TABLE
# until they are back, and an interrupted run's are put back by restore_kept.
shrink() {
	gone=$(db -e "SELECT COUNT(*) FROM $1 t WHERE NOT ($2)")
	[ "$gone" -gt 0 ] || return 0
	if [ "$gone" -lt 200000 ] || [ "$(db -e "SELECT COUNT(*) FROM $1 t WHERE $2")" -gt 200000 ]; then
		db -e "DELETE t FROM $1 t WHERE NOT ($2)"
	else
		kept=$(db -e "DROP TABLE IF EXISTS bench_keep_$1;
			CREATE TABLE bench_keep_$1 AS SELECT t.* FROM $1 t WHERE $2;
			SELECT COUNT(*) FROM bench_keep_$1;") || return 1
		db -e "SET foreign_key_checks = 0;
			TRUNCATE TABLE $1;
			INSERT INTO $1 SELECT * FROM bench_keep_$1;" || return 1
		# the kept rows go only once they are all back
		[ "$(db -e "SELECT COUNT(*) FROM $1")" = "$kept" ] ||
			{ echo "bench: $1 rows kept aside in bench_keep_$1 are not all back" >&2; return 1; }
		db -e "DROP TABLE bench_keep_$1"
	fi
}
restore_kept() {
	for tb in figure agg_value; do
		[ "$(db -e "SHOW TABLES LIKE 'bench\_keep\_$tb'")" = "bench_keep_$tb" ] || continue
		note "putting back the $tb rows an interrupted run kept aside"
		db -e "INSERT IGNORE INTO $tb SELECT * FROM bench_keep_$tb; DROP TABLE bench_keep_$tb;"
	done
}
cleanup() {
	restore_kept
	n=$(db -e "SELECT COUNT(*) FROM unit x WHERE $(bn_unit x)")
	p=$(db -e "SELECT COUNT(*) FROM period x WHERE $(bn_period x)")
	i=$(db -e "SELECT COUNT(*) FROM indicator x WHERE $(bn_ind x)")
	[ "$n$p$i" = 000 ] && return 0
	t=$(now)
	{
		shrink figure "t.submission_id NOT IN (SELECT s.id FROM submission s JOIN period p
			ON p.id = s.period_id WHERE $(bn_period p))
			AND t.indicator_id NOT IN (SELECT x.id FROM indicator x WHERE $(bn_ind x))" &&
		shrink agg_value "t.period_id NOT IN (SELECT x.id FROM period x WHERE $(bn_period x))
			AND t.indicator_id NOT IN (SELECT x.id FROM indicator x WHERE $(bn_ind x))" &&
		db -e "DELETE FROM agg_score WHERE period_id IN (SELECT id FROM period x WHERE $(bn_period x))
				OR unit_id IN (SELECT id FROM unit x WHERE $(bn_unit x));
			DELETE FROM agg_run WHERE period_id IN (SELECT id FROM period x WHERE $(bn_period x));
			DELETE s FROM submission s JOIN period p ON p.id = s.period_id WHERE $(bn_period p);
			DELETE s FROM submission s JOIN unit u ON u.id = s.unit_id WHERE $(bn_unit u);
			DELETE FROM period_indicator WHERE period_id IN (SELECT id FROM period x WHERE $(bn_period x))
				OR indicator_id IN (SELECT id FROM indicator x WHERE $(bn_ind x));
			DELETE FROM target WHERE indicator_id IN (SELECT id FROM indicator x WHERE $(bn_ind x));
			UPDATE indicator x SET x.weight_indicator_id = NULL WHERE $(bn_ind x);
			DELETE x FROM indicator x WHERE $(bn_ind x);
			DELETE x FROM period x WHERE $(bn_period x);
			DELETE x FROM unit x WHERE $(bn_unit x);"
	} || { echo "bench: could not delete the generated data (BN-*, 2090-2091)" >&2; return 1; }
	note "generated data deleted ($n units, $i indicators, $p periods) in $(fmt "$(calc "$(now) - $t")" 1) s"
}
on_exit() {
	rc=$?
	trap - INT TERM
	if [ "$KEEP" = 1 ]; then
		note "BENCH_KEEP=1: the generated data stays in $VAR (units BN-*, periods 2090-2091)"
	else
		cleanup || rc=1
	fi
	rm -rf "$LOCK"
	exit $rc
}

case $(basename "$VAR") in
run) [ "${BENCH_FORCE:-0}" = 1 ] || broken "$VAR is the 'make run' stack: use a bench stack (BENCH_FORCE=1 to insist)" ;;
esac
# one run at a time against a stack (two would trample each other's rows)
LOCK=$VAR/bench-aggregate.lock
if ! mkdir "$LOCK" 2>/dev/null; then
	other=$(cat "$LOCK/pid" 2>/dev/null || true)
	if [ -n "$other" ] && kill -0 "$other" 2>/dev/null; then
		broken "another run (pid $other) is using $VAR"
	fi
	rm -rf "$LOCK"
	mkdir "$LOCK" || broken "cannot create $LOCK"
fi
echo $$ >"$LOCK/pid"
trap on_exit EXIT
trap 'exit 130' INT TERM

echo "== issue 4 bench against $VAR (port $PORT); MariaDB: $(db -e "SELECT CONCAT(VERSION(), ', buffer pool ',
	@@innodb_buffer_pool_size DIV 1048576, ' MiB')")"
# an interrupted earlier run's leftovers
cleanup || broken "an earlier run's data could not be deleted"

# ---- (c) the charts of a city period -----------------------------------------
set -- $CHARTS_PERIOD
[ $# = 3 ] && case $1 in Q | H | Y) true ;; *) false ;; esac ||
	broken "BENCH_CHARTS_PERIOD: 'Q|H|Y YEAR SEQ', not '$CHARTS_PERIOD'"
int "$2" BENCH_CHARTS_PERIOD
int "$3" BENCH_CHARTS_PERIOD
CPID=$(db -e "SELECT id FROM period WHERE kind = '$1' AND year = $2 AND seq = $3")
CHARTS_LABEL="$1$3/$2"
charts_s="" charts_count=""
if [ ! -x "$CHARTS" ]; then
	echo "== (c) charts: $BUILD/egov-charts is not built"
elif [ -z "$CPID" ]; then
	echo "== (c) charts: no period $CHARTS_LABEL in this stack (BENCH_CHARTS_PERIOD)"
else
	if [ -x "$AGG" ]; then
		# the charts read the summary tables: every period of the city, untimed
		EGOV_CONFIG=$CONF "$AGG" --all --quiet >"$VAR/log/bench-aggregate-all.log" 2>&1 ||
			{ cat "$VAR/log/bench-aggregate-all.log" >&2; FAILED="$FAILED egov-aggregate(--all)"; }
	fi
	echo "== (c) egov-charts --period $CPID ($CHARTS_LABEL, the city's demo data)"
	[ -n "$CHARTS_DIR" ] || broken "no charts_dir in $CONF"
	mkdir -p "$CHARTS_DIR"
	stamp=$VAR/bench-charts.stamp
	touch "$stamp"
	sleep 1   # whole-second file times: anything written from now on is newer
	t=$(now)
	if EGOV_CONFIG=$CONF "$CHARTS" --period "$CPID" >"$VAR/log/bench-charts.log" 2>&1; then
		charts_s=$(calc "$(now) - $t")
		# a chart is one picture (SVG, PNG or a PDF page of its own) whatever
		# formats it was drawn in; data files and the briefing pack are not charts
		charts_count=$(find "$CHARTS_DIR" -type f -newer "$stamp" \( -name '*.svg' -o -name '*.png' \
			-o -name '*.pdf' \) ! -name 'briefing*' | sed 's|\.[^./]*$||' | sort -u | wc -l)
		tail -n 1 "$VAR/log/bench-charts.log" | sed 's/^/  | /'
		note "files written: $(find "$CHARTS_DIR" -type f -newer "$stamp" | sed -n 's|.*\.\([^./]*\)$|\1|p' |
			sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')"
	else
		tail -n 20 "$VAR/log/bench-charts.log" >&2
		FAILED="$FAILED egov-charts"
	fi
fi

# ---- the national data set ---------------------------------------------------
NFORMS=$((NPROV * NUNIT * 8))
echo "== generating $NPROV provinces x $NUNIT units x $NIND indicators x 8 quarters" \
	"(about $((NFORMS * NIND)) figures)"
tg=$(now)
db <<SQL || broken "generating the reference data failed"
SET NAMES utf8mb4;
SET SESSION foreign_key_checks = 0, unique_checks = 0;
START TRANSACTION;
INSERT INTO unit (code, name, name_en, kind, valid_from, valid_to, note)
SELECT CONCAT('BN-', p.seq, '-', u.seq), CONCAT('Đơn vị thử nghiệm ', p.seq, '-', u.seq),
       CONCAT('Bench unit ', p.seq, '-', u.seq),
       CASE WHEN MOD(u.seq, 10) < 2 THEN 'department' WHEN MOD(u.seq, 10) < 5 THEN 'district'
            ELSE 'commune' END,
       '2089-12-15', '2091-12-14', 'bench'
FROM seq_1_to_${NPROV} p JOIN seq_1_to_${NUNIT} u ORDER BY p.seq, u.seq;
-- in every 20: 8 percent (6 mean, 2 weighted mean), 5 integer (4 sum, 1 mean),
-- 2 decimal (sum, mean), 4 yes/no (3 share, 1 count), 1 text; pillars in turn
INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, min_value, max_value, required,
                       unit_kinds, direction, aggregation, verified, source, sort, active)
SELECT CONCAT('BN-I-', n.seq), CONCAT('Chỉ tiêu thử nghiệm số ', n.seq), CONCAT('Bench indicator ', n.seq),
       pl.code,
       ELT(1 + MOD(n.seq, 20), '%', '%', '%', '%', '%', '%', '%', '%', 'cái', 'cái', 'cái', 'cái', 'cái',
           'triệu đồng', 'triệu đồng', 'có/không', 'có/không', 'có/không', 'có/không', 'văn bản'),
       ELT(1 + MOD(n.seq, 20), 'percent', 'percent', 'percent', 'percent', 'percent', 'percent', 'percent',
           'percent', 'integer', 'integer', 'integer', 'integer', 'integer', 'decimal', 'decimal',
           'yesno', 'yesno', 'yesno', 'yesno', 'text'),
       IF(MOD(n.seq, 20) = 19, NULL, 0),
       CASE WHEN MOD(n.seq, 20) < 8 THEN 100 WHEN MOD(n.seq, 20) < 13 THEN 100000
            WHEN MOD(n.seq, 20) < 15 THEN 10000000 WHEN MOD(n.seq, 20) < 19 THEN 1 ELSE NULL END,
       IF(MOD(n.seq, 20) = 19, 0, 1), 'department,district,commune', IF(MOD(n.seq, 20) = 11, 'none', 'up'),
       ELT(1 + MOD(n.seq, 20), 'mean', 'mean', 'mean', 'mean', 'mean', 'mean', 'wmean', 'wmean',
           'sum', 'sum', 'sum', 'sum', 'mean', 'sum', 'mean', 'share_yes', 'share_yes', 'share_yes',
           'count_yes', 'none'),
       1, 'bench', 100000 + n.seq, 1
FROM seq_1_to_${NIND} n
JOIN (SELECT code, ROW_NUMBER() OVER (ORDER BY sort, code) - 1 AS r, COUNT(*) OVER () AS c FROM pillar) pl
  ON pl.r = MOD(n.seq, pl.c)
ORDER BY n.seq;
-- a weighted mean weighs each unit by its block's first integer (the things behind the share)
UPDATE indicator i
JOIN indicator w ON w.code = CONCAT('BN-I-', CAST(SUBSTRING(i.code, 6) AS UNSIGNED)
                                    - MOD(CAST(SUBSTRING(i.code, 6) AS UNSIGNED), 20) + 8)
SET i.weight_indicator_id = w.id
WHERE i.code LIKE 'BN-I-%' AND i.source = 'bench' AND i.aggregation = 'wmean';
INSERT INTO target (indicator_id, year, unit_id, target_value, source)
SELECT i.id, y.seq, NULL,
       CASE i.aggregation WHEN 'share_yes' THEN 1
            WHEN 'count_yes' THEN ROUND(0.8 * ${NPROV} * ${NUNIT})
            WHEN 'sum' THEN IF(i.vtype = 'decimal', 60000, 300) * ${NPROV} * ${NUNIT}
            ELSE IF(i.vtype = 'percent', 80, 300) END
       * IF(y.seq = 2091 AND i.aggregation <> 'share_yes', 1.05, 1), 'bench'
FROM indicator i JOIN seq_2090_to_2091 y
WHERE i.code LIKE 'BN-I-%' AND i.source = 'bench' AND i.aggregation <> 'none';
-- Decree 09 windows: 15th of the month before the quarter .. 14th of its last month
INSERT INTO period (kind, year, seq, cutoff_start, cutoff_end, opens_on, due_on, is_open, locked)
SELECT 'Q', y.seq, q.seq,
       MAKEDATE(y.seq, 1) + INTERVAL (3 * q.seq - 1) MONTH + INTERVAL 13 DAY - INTERVAL 3 MONTH + INTERVAL 1 DAY,
       MAKEDATE(y.seq, 1) + INTERVAL (3 * q.seq - 1) MONTH + INTERVAL 13 DAY,
       MAKEDATE(y.seq, 1) + INTERVAL (3 * q.seq - 1) MONTH,
       MAKEDATE(y.seq, 1) + INTERVAL (3 * q.seq - 1) MONTH + INTERVAL 19 DAY, 0, 1
FROM seq_2090_to_2091 y JOIN seq_1_to_4 q ORDER BY y.seq, q.seq;
INSERT INTO period_indicator (period_id, unit_kind, indicator_id)
SELECT p.id, k.kind, i.id
FROM period p
JOIN indicator i ON i.code LIKE 'BN-I-%' AND i.source = 'bench'
JOIN (SELECT 'department' AS kind UNION ALL SELECT 'district' UNION ALL SELECT 'commune') k
  ON FIND_IN_SET(k.kind, i.unit_kinds)
WHERE $(bn_period p);
SET @by = COALESCE((SELECT MIN(id) FROM app_user), 0);
INSERT INTO submission (unit_id, period_id, status, version, created_at, created_by, updated_at,
                        updated_by, submitted_at, submitted_by, reviewed_at, reviewed_by, review_comment)
SELECT u.id, p.id, 'accepted', 1, TIMESTAMP(p.opens_on, '02:00:00'), @by,
       TIMESTAMP(p.due_on - INTERVAL MOD(u.id, 5) DAY, '03:00:00'), @by,
       TIMESTAMP(p.due_on - INTERVAL MOD(u.id, 5) DAY, '03:00:00'), @by,
       TIMESTAMP(p.due_on + INTERVAL 2 DAY, '04:00:00'), @by, 'bench'
FROM period p JOIN unit u ON $(bn_unit u)
WHERE $(bn_period p)
ORDER BY p.id, u.id;
COMMIT;
SQL
set -- $(db -e "SELECT COUNT(*) FROM unit x WHERE $(bn_unit x);
	SELECT COUNT(*) FROM indicator x WHERE $(bn_ind x);
	SELECT COUNT(*) FROM submission s JOIN period p ON p.id = s.period_id WHERE $(bn_period p)")
[ "$1" = $((NPROV * NUNIT)) ] && [ "$2" = "$NIND" ] && [ "$3" = "$NFORMS" ] ||
	broken "generated $1 units, $2 indicators, $3 forms: not as asked (leftovers of something else?)"
note "reference data: $1 units, $2 indicators, 8 periods, $3 forms ($(fmt "$(calc "$(now) - $tg")" 1) s)"
PIDS=$(db -e "SELECT id FROM period x WHERE $(bn_period x) ORDER BY year, seq")
k=0 total=0
for pid in $PIDS; do
	k=$((k + 1))
	[ $k -le 8 ] || broken "more than 8 bench periods"
	t=$(now)
	# one statement a period, forms outer so the rows arrive in primary-key order;
	# values from an integer hash of form and indicator
	db <<SQL || broken "generating the figures of period $pid failed"
SET SESSION foreign_key_checks = 0, unique_checks = 0;
INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable, updated_at, updated_by)
SELECT x.sid, x.iid,
       CASE x.vtype
         WHEN 'percent' THEN 30 + MOD(x.h, 700) / 10
         WHEN 'integer' THEN 20 + MOD(x.h, 480)
         WHEN 'decimal' THEN MOD(x.h, 1000000) / 10
         WHEN 'yesno'   THEN MOD(x.h, 100) < 55 + 3 * $k
         ELSE NULL END,
       IF(x.vtype = 'text', CONCAT('Kế hoạch số ', MOD(x.h, 200), '/KH-UBND'), NULL),
       0, x.at, x.ub
FROM (SELECT s.id AS sid, i.id AS iid, i.vtype, s.submitted_at AS at, s.updated_by AS ub,
             MOD(s.id * 2654435761 + i.id * 40503 + (s.id DIV 7) * i.id * 97, 4294967291) AS h
      FROM submission s STRAIGHT_JOIN indicator i ON i.code LIKE 'BN-I-%' AND i.source = 'bench'
      WHERE s.period_id = $pid) AS x;
SQL
	total=$((total + NPROV * NUNIT * NIND))
	note "figures: period $k/8 (id $pid) done, $total rows so far ($(fmt "$(calc "$(now) - $t")" 1) s)"
done
nfig=$(db -e "SELECT COUNT(*) FROM figure f JOIN submission s ON s.id = f.submission_id
	JOIN period p ON p.id = s.period_id WHERE $(bn_period p)")
[ "$nfig" = "$total" ] || broken "$nfig figures generated, $total expected"
gen_s=$(calc "$(now) - $tg")
note "generated $nfig figures in $(fmt "$gen_s" 1) s"

# the period timed: the last one
set -- $PIDS
while [ $# -gt 1 ]; do shift; done
BPID=$1
GROUPBY="SELECT f.indicator_id, u.kind, COUNT(f.num_value), SUM(f.num_value), AVG(f.num_value)
	FROM submission s JOIN unit u ON u.id = s.unit_id JOIN figure f ON f.submission_id = s.id
	WHERE s.period_id = $BPID AND s.status IN ('submitted', 'accepted')
	GROUP BY f.indicator_id, u.kind"
# warm-up (untimed): both timed runs read the period from the buffer pool
rows=$(db -e "$GROUPBY" | wc -l)
[ "$rows" = $((NIND * 3)) ] || broken "GROUP BY returned $rows rows, not $((NIND * 3))"

# ---- (a) egov-aggregate ------------------------------------------------------
aggregate_s=""
if [ ! -x "$AGG" ]; then
	echo "== (a) egov-aggregate: $BUILD/egov-aggregate is not built"
else
	echo "== (a) egov-aggregate --period $BPID ($((NPROV * NUNIT)) forms, $((NPROV * NUNIT * NIND)) figures)"
	t=$(now)
	if EGOV_CONFIG=$CONF "$AGG" --period "$BPID" >"$VAR/log/bench-aggregate.log" 2>&1; then
		aggregate_s=$(calc "$(now) - $t")
		tail -n 3 "$VAR/log/bench-aggregate.log" | sed 's/^/  | /'
		note "agg_value rows: $(db -e "SELECT COUNT(*) FROM agg_value WHERE period_id = $BPID")," \
			"agg_score rows: $(db -e "SELECT COUNT(*) FROM agg_score WHERE period_id = $BPID")"
	else
		tail -n 20 "$VAR/log/bench-aggregate.log" >&2
		FAILED="$FAILED egov-aggregate"
	fi
fi

# ---- (b) the bare GROUP BY -----------------------------------------------------
echo "== (b) bare GROUP BY indicator, kind over the same period (mariadb client)"
t=$(now)
rows=$(db -e "$GROUPBY" | wc -l)
groupby_s=$(calc "$(now) - $t")
note "$rows groups"

# ---- the figures ---------------------------------------------------------------
echo
if [ -n "$aggregate_s" ]; then
	aggregate_ratio=$(calc "$aggregate_s / $groupby_s")
	echo "bench: aggregate_s $(fmt "$aggregate_s" 2) s"
else
	echo "bench: aggregate_s SKIPPED"
fi
echo "bench: groupby_s $(fmt "$groupby_s" 2) s"
if [ -n "$aggregate_s" ]; then
	echo "bench: aggregate_ratio $(fmt "$aggregate_ratio" 2) x"
else
	echo "bench: aggregate_ratio SKIPPED"
fi
if [ -n "$charts_s" ]; then
	echo "bench: charts_s $(fmt "$charts_s" 2) s"
	echo "bench: charts_count $charts_count charts"
else
	echo "bench: charts_s SKIPPED"
	echo "bench: charts_count SKIPPED"
fi
echo
if [ -n "$aggregate_s" ]; then
	goal aggregate_ratio "$aggregate_ratio" '<=' 2
	goal aggregate_s "$aggregate_s" '<' 30
fi
if [ -n "$charts_s" ] && [ "$charts_count" -gt 0 ]; then
	# the goal is 10 s for 150 charts: scaled to the charts this period has
	goal "charts_s (per 150 charts)" "$(calc "$charts_s * 150 / $charts_count")" '<' 10
fi
# issue 5: the raw data export of the whole generated range, while it exists
sh "$ROOT/tests/bench/export.sh" $(echo $PIDS | awk '{ print $1, $NF }') || true
[ -z "$FAILED" ] || echo "bench: FAILED:$FAILED (see $VAR/log/bench-*.log)" >&2
echo "(issue 4 bench: $(( $(date +%s) - T0 )) s so far, generating $(fmt "$gen_s" 0) s;" \
	"the generated data is deleted now unless BENCH_KEEP=1)"
[ -z "$FAILED" ]
