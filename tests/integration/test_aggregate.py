"""The aggregation job (egov-aggregate) against the test stack's database,
checked against figures computed by hand: every aggregation rule (sum, mean,
wmean with and without a weight indicator, count_yes, share_yes, none), the
statuses that count (draft and returned do not), not-applicable and blank
figures, targets and progress for "up" and "down" indicators (a unit's own
target, the city's, none for a unit of an additive rule), completeness with
units that appear and disappear between periods, a merger (the successor's
lineage carries its predecessors' figures), the score formula of
docs/scoring.md and the ranking with ties, idempotence, a run refused by the
lock, a run beside an officer's uncommitted save, failing runs (unknown
period, database unreachable, a write refused half way) that leave the
previous rows intact, and --due.

Runs the binary named by AGGREGATE_BIN, else build-san/egov-aggregate
(ASan/UBSan) when it exists, else build/egov-aggregate, with EGOV_CONFIG set
to the stack's egov.conf.

Own units TEST-AG-*, own indicators TEST-AG-* (active while the suite runs,
switched off at its end so the periods other suites create do not ask them),
own periods Q1/2051, Q1/2052, Q1/2053, Q2/2055 and Q3/2055 (closed once
set up), each asking only this suite's indicators; submissions and figures
are written with SQL as root.  The units exist only in 2050-2059, so other
suites' periods never ask them.  Other suites' units of the same kinds are
asked in these periods (they exist then but never report): the expected
units_asked of the city and kind scopes add them, counted from the
database."""

import atexit
import os
import subprocess
import tempfile
import time
from decimal import Decimal, ROUND_HALF_UP

from egov import ROOT, VAR, check, ensure_period, run, secrets, sql, test

BIN = os.environ.get("AGGREGATE_BIN") or next(
    (p for p in (os.path.join(ROOT, "build-san", "egov-aggregate"), os.path.join(ROOT, "build", "egov-aggregate"))
     if os.path.exists(p)), os.path.join(ROOT, "build", "egov-aggregate"))
CONF = os.path.join(VAR, "egov.conf")
P = "TEST-AG-"

# code: (kind, valid_from, valid_to, successor); they exist only in 2050-2059,
# so other suites' periods never ask them
UNITS = {
    "O1": ("other", "2050-01-01", "2059-12-31", None),
    "O2": ("other", "2050-01-01", "2059-12-31", None),
    "O3": ("other", "2050-01-01", "2059-12-31", None),
    "O4": ("other", "2050-01-01", "2059-12-31", None),
    "C1": ("commune", "2050-01-01", "2059-12-31", None),
    "C2": ("commune", "2050-01-01", "2059-12-31", None),
    # 2055: PA and PB merge into M on 15/06/2055; OLD is abolished before
    # Q2/2055's window opens; NEW starts inside Q3/2055's window
    "M": ("other", "2055-06-15", "2059-12-31", None),
    "PA": ("other", "2054-01-01", "2055-06-14", "M"),
    "PB": ("other", "2054-01-01", "2055-06-14", "M"),
    "OLD": ("other", "2054-01-01", "2055-03-01", None),
    "NEW": ("other", "2055-08-01", "2059-12-31", None),
}

# code: (pillar, vtype, direction, aggregation, weight indicator)
INDICATORS = {
    "SUM": ("awareness", "decimal", "up", "sum", None),
    "MEAN": ("awareness", "decimal", "down", "mean", None),
    "W": ("awareness", "integer", "up", "sum", None),
    "WMEAN": ("awareness", "percent", "up", "wmean", "W"),
    "WMEAN2": ("awareness", "percent", "up", "wmean", None),
    "CY": ("awareness", "yesno", "up", "count_yes", None),
    "SY": ("awareness", "yesno", "up", "share_yes", None),
    "NONE": ("awareness", "text", "none", "none", None),
    # the score fixture: two pillars
    "S1": ("awareness", "percent", "up", "mean", None),
    "S2": ("awareness", "decimal", "down", "mean", None),
    "S3": ("security", "percent", "up", "mean", None),
    "S4": ("security", "integer", "up", "sum", None),
    "S5": ("security", "integer", "none", "mean", None),
}
RULES = ["SUM", "MEAN", "W", "WMEAN", "WMEAN2", "CY", "SY", "NONE"]
SCORED = ["S1", "S2", "S3", "S4", "S5"]
LIFE = ["SUM", "MEAN"]

_state = {}


def q(s):
    return "NULL" if s is None else "'%s'" % str(s).replace("\\", "\\\\").replace("'", "''")


def D(s):
    return None if s in (None, "NULL") else Decimal(s)


def r6(x):
    return Decimal(x).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def agg(*args, config=CONF, timeout=120):
    env = dict(os.environ, EGOV_CONFIG=config)
    return subprocess.run([BIN] + list(args), capture_output=True, text=True, env=env, timeout=timeout)


def agg_ok(*args):
    r = agg(*args)
    check(r.returncode == 0, "egov-aggregate %s: exit %d: %s %s" % (" ".join(args), r.returncode,
                                                                    r.stdout[-800:], r.stderr[-800:]))
    return r


def uid(code):
    return _state["unit"][code]


def iid(code):
    return _state["ind"][code]


def deactivate():
    """Other suites' new periods must not ask this suite's indicators."""
    try:
        sql("UPDATE indicator SET active = 0 WHERE code LIKE 'TEST-AG-%' AND active = 1")
    except AssertionError:
        pass


def ask(pid, codes, kinds):
    sql("DELETE FROM period_indicator WHERE period_id = %d" % pid)
    rows = ",".join("(%d, '%s', %d)" % (pid, k, iid(c)) for c in codes for k in kinds)
    sql("INSERT INTO period_indicator (period_id, unit_kind, indicator_id) VALUES " + rows)


def submit(pid, unit, status, figures):
    """A form of the unit with its figures: code -> number, 'NA', '', ('text', s)."""
    sql("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, updated_by) "
        "VALUES (%d, %d, '%s', UTC_TIMESTAMP(), 1, UTC_TIMESTAMP(), 1)" % (uid(unit), pid, status))
    sid = int(sql("SELECT id FROM submission WHERE unit_id = %d AND period_id = %d" % (uid(unit), pid))[0][0])
    rows = []
    for code, v in figures.items():
        num, text, na = "NULL", "NULL", 0
        if v == "NA":
            na = 1
        elif isinstance(v, tuple):
            text = q(v[1])
        elif v != "":
            num = q(v)
        rows.append("(%d, %d, %s, %s, %d, UTC_TIMESTAMP(), 1)" % (sid, iid(code), num, text, na))
    if rows:
        sql("INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable, "
            "updated_at, updated_by) VALUES " + ",".join(rows))
    return sid


def target(code, year, value, unit=None):
    sql("INSERT INTO target (indicator_id, year, unit_id, target_value, source) VALUES (%d, %d, %s, %s, 'test')"
        % (iid(code), year, "NULL" if unit is None else uid(unit), value))


def foreign(pid, kind):
    """Units of that kind, not this suite's, that existed during the period."""
    return int(sql("SELECT COUNT(*) FROM unit u JOIN period p ON p.id = %d WHERE u.kind = '%s' "
                   "AND u.code NOT LIKE 'TEST-AG-%%' AND u.valid_from <= p.cutoff_end "
                   "AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)" % (pid, kind))[0][0])


def values(pid):
    """(code, scope, kind, unit code or '') -> row dict."""
    rows = sql("SELECT i.code, v.scope, v.scope_kind, COALESCE(u.code, ''), v.value, v.target, v.progress, "
               "v.units_reporting, v.units_asked, v.completeness FROM agg_value v "
               "JOIN indicator i ON i.id = v.indicator_id LEFT JOIN unit u ON u.id = v.unit_id "
               "WHERE v.period_id = %d AND i.code LIKE 'TEST-AG-%%'" % pid)
    out = {}
    for code, scope, kind, unit, value, tgt, prog, rep, asked, compl in rows:
        out[(code[len(P):], scope, kind, unit[len(P):] if unit.startswith(P) else unit)] = {
            "value": D(value), "target": D(tgt), "progress": D(prog), "reporting": int(rep),
            "asked": int(asked), "completeness": D(compl)}
    return out


def scores(pid):
    rows = sql("SELECT u.code, s.pillar, s.score, s.indicators, COALESCE(s.rank_in_kind, 0) FROM agg_score s "
               "JOIN unit u ON u.id = s.unit_id WHERE s.period_id = %d AND u.code LIKE 'TEST-AG-%%'" % pid)
    return {(c[len(P):], pil): {"score": D(sc), "indicators": int(n), "rank": int(rk)}
            for c, pil, sc, n, rk in rows}


def age(pid):
    """Dates the period's forms and figures back, as if written long ago."""
    sql("UPDATE submission SET updated_at = '2000-01-01', submitted_at = '2000-01-01', reviewed_at = NULL "
        "WHERE period_id = %d; UPDATE figure f JOIN submission s ON s.id = f.submission_id "
        "SET f.updated_at = '2000-01-01' WHERE s.period_id = %d" % (pid, pid))


def snapshot(pid):
    return (sql("SELECT * FROM agg_value WHERE period_id = %d ORDER BY indicator_id, scope, scope_kind, unit_id"
                % pid),
            sql("SELECT * FROM agg_score WHERE period_id = %d ORDER BY unit_id, pillar" % pid))


def expect(row, why, value="-", target="-", progress="-", reporting=None, asked=None, completeness="-"):
    check(row is not None, "%s: no row" % why)
    for name, want in (("value", value), ("target", target), ("progress", progress),
                       ("completeness", completeness)):
        if want == "-":
            continue
        want = None if want is None else r6(want)
        check(row[name] == want, "%s: %s %s, expected %s" % (why, name, row[name], want))
    if reporting is not None:
        check(row["reporting"] == reporting, "%s: units_reporting %d, expected %d" % (why, row["reporting"], reporting))
    if asked is not None:
        check(row["asked"] == asked, "%s: units_asked %d, expected %d" % (why, row["asked"], asked))


def setup():
    if "A" in _state:
        return
    atexit.register(deactivate)
    for code, (pillar, vtype, direction, rule, _) in INDICATORS.items():
        sql("INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, min_value, max_value, required, "
            "unit_kinds, direction, aggregation, weight_indicator_id, active) VALUES (%s, %s, %s, '%s', 'x', '%s', "
            "NULL, NULL, 1, 'commune,other', '%s', '%s', NULL, 1) ON DUPLICATE KEY UPDATE name = VALUES(name), "
            "pillar = VALUES(pillar), vtype = VALUES(vtype), unit_kinds = VALUES(unit_kinds), "
            "direction = VALUES(direction), aggregation = VALUES(aggregation), weight_indicator_id = NULL, "
            "active = 1" % (q(P + code), q("Chỉ tiêu thử tổng hợp " + code), q("Aggregation test " + code),
                            pillar, vtype, direction, rule))
    _state["ind"] = {c[len(P):]: int(i) for i, c in sql("SELECT id, code FROM indicator WHERE code LIKE 'TEST-AG-%'")}
    for code, (_, _, _, _, weight) in INDICATORS.items():
        if weight:
            sql("UPDATE indicator SET weight_indicator_id = %d WHERE id = %d" % (iid(weight), iid(code)))
    for code, (kind, vfrom, vto, _) in UNITS.items():
        sql("INSERT INTO unit (code, name, kind, valid_from, valid_to, successor_id) VALUES (%s, %s, '%s', '%s', %s, "
            "NULL) ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), valid_from = VALUES(valid_from), "
            "valid_to = VALUES(valid_to), successor_id = NULL"
            % (q(P + code), q("Đơn vị thử tổng hợp " + code), kind, vfrom, q(vto)))
    _state["unit"] = {c[len(P):]: int(i) for i, c in sql("SELECT id, code FROM unit WHERE code LIKE 'TEST-AG-%'")}
    for code, (_, _, _, succ) in UNITS.items():
        if succ:
            sql("UPDATE unit SET successor_id = %d WHERE id = %d" % (uid(succ), uid(code)))
    ids = ",".join(str(i) for i in _state["ind"].values())
    sql("DELETE FROM target WHERE indicator_id IN (%s)" % ids)

    # Q1/2051: the rules.  O3's form is a draft and O4's was returned: their
    # figures (1000 everywhere) must not count.
    a = _state["A"] = ensure_period("Q", 2051, 1)
    ask(a, RULES, ["other", "commune"])
    submit(a, "O1", "accepted", {"SUM": "10.5", "MEAN": "4", "W": "1", "WMEAN": "50", "WMEAN2": "50",
                                 "CY": "1", "SY": "1", "NONE": ("text", "KH 12/KH-UBND")})
    submit(a, "O2", "submitted", {"SUM": "20.25", "MEAN": "6", "W": "3", "WMEAN": "90", "WMEAN2": "90",
                                  "CY": "0", "SY": "0", "NONE": ""})
    big = {c: "1000" for c in RULES if c != "NONE"}
    submit(a, "O3", "draft", dict(big, CY="1", SY="1"))
    submit(a, "O4", "returned", dict(big, CY="1", SY="1"))
    submit(a, "C1", "accepted", {"SUM": "5", "MEAN": "", "W": "2", "WMEAN": "30", "WMEAN2": "30",
                                 "CY": "1", "SY": "1", "NONE": ("text", "x")})
    submit(a, "C2", "accepted", {"SUM": "NA", "MEAN": "8", "WMEAN": "70", "WMEAN2": "70",
                                 "CY": "1", "SY": "NA"})
    target("SUM", 2051, 50)
    target("SUM", 2051, 10, "O1")
    target("MEAN", 2051, 5)
    target("MEAN", 2051, 3, "O2")
    target("WMEAN", 2051, 80)
    target("CY", 2051, 4)
    target("SY", 2051, 1)

    # Q1/2052: the scores (two pillars), see test_scores
    s = _state["S"] = ensure_period("Q", 2052, 1)
    ask(s, SCORED, ["other", "commune"])
    submit(s, "O1", "accepted", {"S1": "80", "S2": "5", "S3": "60", "S4": "5", "S5": "3"})
    submit(s, "O2", "accepted", {"S1": "100", "S2": "20", "S3": "30", "S4": "", "S5": "3"})
    submit(s, "O3", "accepted", {"S1": "NA", "S2": "10", "S3": "25", "S4": "7"})
    submit(s, "C1", "accepted", {"S1": "90", "S2": "10", "S3": "50", "S4": "1"})
    submit(s, "C2", "submitted", {"S1": "95", "S2": "8", "S3": "80", "S4": "1"})
    target("S1", 2052, 100)
    target("S2", 2052, 10)
    target("S3", 2052, 50)
    target("S3", 2052, 40, "O2")
    target("S4", 2052, 30)          # a city total: no unit's target
    target("S4", 2052, 10, "O1")
    target("S5", 2052, 3)           # no direction: never scored

    # Q2/2055 and Q3/2055: units appearing, disappearing, merging
    l1 = _state["L1"] = ensure_period("Q", 2055, 2)    # window 15/03-14/06/2055
    l2 = _state["L2"] = ensure_period("Q", 2055, 3)    # window 15/06-14/09/2055
    for pid in (l1, l2):
        ask(pid, LIFE, ["other"])
    submit(l1, "PA", "accepted", {"SUM": "7", "MEAN": "2"})
    submit(l1, "PB", "accepted", {"SUM": "5", "MEAN": "4"})
    submit(l1, "O1", "accepted", {"SUM": "1", "MEAN": "9"})
    submit(l2, "M", "accepted", {"SUM": "20", "MEAN": "6"})
    submit(l2, "NEW", "accepted", {"SUM": "3", "MEAN": "1"})
    submit(l2, "O1", "accepted", {"SUM": "2", "MEAN": "9"})
    # PA, merged away before Q3, still sent a late form: it counts, but PA is
    # not asked (and the lineage's completeness stops at 1)
    submit(l2, "PA", "accepted", {"SUM": "4", "MEAN": "2"})
    target("SUM", 2055, 40)

    # Q1/2053: --due
    _state["D"] = ensure_period("Q", 2053, 1)
    ask(_state["D"], ["SUM"], ["other"])
    submit(_state["D"], "O1", "accepted", {"SUM": "1"})

    # closed: the job does not care, and other suites' pages that default to
    # the latest open period keep theirs
    mine = ",".join(str(_state[k]) for k in ("A", "S", "L1", "L2", "D"))
    sql("UPDATE period SET is_open = 0 WHERE id IN (%s)" % mine)
    for key in ("A", "S", "L1", "L2", "D"):
        agg_ok("--period", str(_state[key]))


@test
def test_sum_and_statuses():
    setup()
    a = _state["A"]
    v = values(a)
    fo, fc = foreign(a, "other"), foreign(a, "commune")
    # O1 10.5 + O2 20.25 (submitted counts) + C1 5; O3 draft, O4 returned, C2 n/a
    expect(v[("SUM", "city", "", "")], "sum, city", 35.75, 50, Decimal("0.715"), 3, 6 + fo + fc,
           r6(Decimal(3) / (6 + fo + fc)))
    # an additive rule: the city total is no kind's target when two kinds report
    expect(v[("SUM", "kind", "other", "")], "sum, other", 30.75, None, None, 2, 4 + fo)
    expect(v[("SUM", "kind", "commune", "")], "sum, communes", 5, None, None, 1, 2 + fc)
    # O1's own target; O2 has none, and a city total is not a unit's target
    expect(v[("SUM", "unit", "other", "O1")], "sum, O1", 10.5, 10, Decimal("1.05"), 1, 1, 1)
    expect(v[("SUM", "unit", "other", "O2")], "sum, O2", 20.25, None, None, 1, 1, 1)
    expect(v[("SUM", "unit", "other", "O3")], "sum, O3 (draft)", None, None, None, 0, 1, 0)
    expect(v[("SUM", "unit", "other", "O4")], "sum, O4 (returned)", None, None, None, 0, 1, 0)
    expect(v[("SUM", "unit", "commune", "C2")], "sum, C2 (n/a)", None, None, None, 0, 1, 0)
    check(("SUM", "unit", "other", "M") not in v, "M did not exist in 2051 but has a row")
    # the weight indicator is a plain sum
    expect(v[("W", "city", "", "")], "weights", 6, None, None, 3)
    run_row = sql("SELECT status, statuses, values_read FROM agg_run WHERE period_id = %d ORDER BY id DESC LIMIT 1" % a)
    check(run_row[0][:2] == ["done", "submitted,accepted"], "agg_run: %s" % run_row)
    # counted forms only: O1 8 figures, O2 8, C1 8, C2 6
    check(int(run_row[0][2]) == 30, "values_read %s, expected 30" % run_row[0][2])


@test
def test_mean_down():
    setup()
    v = values(_state["A"])
    # O1 4, O2 6, C2 8 (C1 blank does not count); direction down: target / value
    expect(v[("MEAN", "city", "", "")], "mean, city", 6, 5, Decimal(5) / 6, 3)
    expect(v[("MEAN", "kind", "other", "")], "mean, other", 5, 5, 1, 2)
    expect(v[("MEAN", "kind", "commune", "")], "mean, communes", 8, 5, Decimal("0.625"), 1)
    # a mean's city target stands for a unit without its own; O2 has its own
    expect(v[("MEAN", "unit", "other", "O1")], "mean, O1", 4, 5, Decimal("1.25"), 1)
    expect(v[("MEAN", "unit", "other", "O2")], "mean, O2", 6, 3, Decimal("0.5"), 1)
    expect(v[("MEAN", "unit", "commune", "C1")], "mean, C1 (blank)", None, 5, None, 0, 1, 0)


@test
def test_weighted_mean():
    setup()
    v = values(_state["A"])
    # weights O1 1, O2 3, C1 2; C2 has no weight figure and is left out
    # of the weighted mean: (50*1 + 90*3 + 30*2) / 6 = 63.333333
    expect(v[("WMEAN", "city", "", "")], "wmean, city", Decimal(380) / 6, 80, r6(Decimal(380) / 6) / 80, 4)
    expect(v[("WMEAN", "kind", "other", "")], "wmean, other", 80, 80, 1, 2)
    expect(v[("WMEAN", "kind", "commune", "")], "wmean, communes", 30, 80, Decimal("0.375"), 2)
    expect(v[("WMEAN", "unit", "commune", "C2")], "wmean, C2 without weight", 70, 80, Decimal("0.875"), 1)
    # no weight indicator: the plain mean
    expect(v[("WMEAN2", "city", "", "")], "wmean without weight, city", 60, None, None, 4)


@test
def test_yes_no_rules():
    setup()
    v = values(_state["A"])
    # count_yes: O1, C1, C2 answer 1 (O2 0; the draft and the returned form do not count)
    expect(v[("CY", "city", "", "")], "count_yes, city", 3, 4, Decimal("0.75"), 4)
    expect(v[("CY", "kind", "other", "")], "count_yes, other", 1, None, None, 2)
    expect(v[("CY", "kind", "commune", "")], "count_yes, communes", 2, None, None, 2)
    expect(v[("CY", "unit", "other", "O1")], "count_yes, O1", 1, None, None, 1)
    # share_yes: 100 x yes / reporting; C2 n/a; the yes/no target 1 = 100 %
    expect(v[("SY", "city", "", "")], "share_yes, city", Decimal(200) / 3, 100, r6(Decimal(200) / 3) / 100, 3)
    expect(v[("SY", "kind", "other", "")], "share_yes, other", 50, 100, Decimal("0.5"), 2)
    expect(v[("SY", "kind", "commune", "")], "share_yes, communes", 100, 100, 1, 1)
    expect(v[("SY", "unit", "other", "O1")], "share_yes, O1", 100, 100, 1, 1)
    expect(v[("SY", "unit", "other", "O2")], "share_yes, O2", 0, 100, 0, 1)


@test
def test_none_rule():
    setup()
    a = _state["A"]
    v = values(a)
    fo, fc = foreign(a, "other"), foreign(a, "commune")
    # no aggregate, but who reported a text still counts (O2's is blank)
    expect(v[("NONE", "city", "", "")], "none, city", None, None, None, 2, 6 + fo + fc)
    expect(v[("NONE", "unit", "other", "O1")], "none, O1", None, None, None, 1, 1, 1)
    expect(v[("NONE", "unit", "other", "O2")], "none, O2 (blank)", None, None, None, 0, 1, 0)


@test
def test_units_appear_and_disappear():
    setup()
    l1, l2 = _state["L1"], _state["L2"]
    v1, v2 = values(l1), values(l2)
    f1, f2 = foreign(l1, "other"), foreign(l2, "other")
    # Q2/2055: O1..O4, PA, PB are asked; OLD (abolished 01/03) and M, NEW (not yet) are not
    expect(v1[("SUM", "city", "", "")], "Q2/2055 city", 13, 40, Decimal("0.325"), 3, 6 + f1,
           r6(Decimal(3) / (6 + f1)))
    for code in ("OLD", "M", "NEW"):
        check(("SUM", "unit", "other", code) not in v1, "%s has a row in Q2/2055" % code)
    # Q3/2055: O1..O4, M, NEW are asked; PA's late form counts but PA is not asked
    expect(v2[("SUM", "city", "", "")], "Q3/2055 city", 29, 40, Decimal("0.725"), 4, 6 + f2,
           r6(Decimal(4) / (6 + f2)))
    expect(v2[("SUM", "unit", "other", "NEW")], "NEW in Q3/2055", 3, None, None, 1, 1, 1)
    expect(v2[("SUM", "unit", "other", "PA")], "PA after its merger", 4, None, None, 1, 0, None)
    check(("SUM", "unit", "other", "PB") not in v2, "PB has a row after its merger")
    check(("SUM", "unit", "other", "OLD") not in v2, "OLD has a row in Q3/2055")


@test
def test_merger_lineage():
    setup()
    v1, v2 = values(_state["L1"]), values(_state["L2"])
    # before the merger the successor's lineage is its predecessors' figures
    expect(v1[("SUM", "lineage", "other", "M")], "lineage Q2/2055 sum", 12, None, None, 2, 2, 1)
    expect(v1[("MEAN", "lineage", "other", "M")], "lineage Q2/2055 mean", 3, None, None, 2, 2, 1)
    check(("SUM", "unit", "other", "M") not in v1, "M has a unit row before it existed")
    # after it: M's own, plus PA's late form; only M is asked, completeness stops at 1
    expect(v2[("SUM", "lineage", "other", "M")], "lineage Q3/2055 sum", 24, None, None, 2, 1, 1)
    expect(v2[("MEAN", "lineage", "other", "M")], "lineage Q3/2055 mean", 4, None, None, 2, 1, 1)
    expect(v2[("SUM", "unit", "other", "M")], "M in Q3/2055", 20, None, None, 1, 1, 1)
    # units nobody merged into have no lineage
    check(not any(k[1] == "lineage" and k[3] != "M" for k in list(v1) + list(v2)), "a lineage besides M")


@test
def test_scores():
    setup()
    s = scores(_state["S"])
    # score of an indicator = min(progress, 1); pillar = 100 x mean; overall = mean of pillars
    # O1: S1 80/100 = 0.8, S2 (down) 10/5 -> 1 => awareness 90
    #     S3 60/50 -> 1, S4 own target 5/10 = 0.5, S5 no direction => security 75; overall 82.5
    # O2: S1 1, S2 10/20 = 0.5 => 75; S3 own target 30/40 = 0.75, S4 blank but no
    #     target for O2 (a city total is not a unit's target) => 75; overall 75
    # O3: S1 n/a (left out), S2 1 => 100; S3 25/50 = 0.5 => 50; overall 75
    # O4: no form: every indicator with a target scores 0 => 0, 0; overall 0
    # C1: S1 0.9, S2 1 => 95; S3 1 => 100; overall 97.5
    # C2: S1 0.95, S2 10/8 -> 1 => 97.5; S3 1 => 100; overall 98.75
    want = {
        ("O1", ""): (Decimal("82.5"), 4), ("O1", "awareness"): (Decimal(90), 2), ("O1", "security"): (Decimal(75), 2),
        ("O2", ""): (Decimal(75), 3), ("O2", "awareness"): (Decimal(75), 2), ("O2", "security"): (Decimal(75), 1),
        ("O3", ""): (Decimal(75), 2), ("O3", "awareness"): (Decimal(100), 1), ("O3", "security"): (Decimal(50), 1),
        ("O4", ""): (Decimal(0), 3), ("O4", "awareness"): (Decimal(0), 2), ("O4", "security"): (Decimal(0), 1),
        ("C1", ""): (Decimal("97.5"), 3), ("C1", "awareness"): (Decimal(95), 2), ("C1", "security"): (Decimal(100), 1),
        ("C2", ""): (Decimal("98.75"), 3), ("C2", "awareness"): (Decimal("97.5"), 2),
        ("C2", "security"): (Decimal(100), 1),
    }
    for key, (score, n) in want.items():
        check(key in s, "no score row %s" % (key,))
        check(s[key]["score"] == score and s[key]["indicators"] == n,
              "score %s: %s over %d indicators, expected %s over %d" % (key, s[key]["score"], s[key]["indicators"],
                                                                        score, n))


@test
def test_ranking_with_ties():
    setup()
    s = scores(_state["S"])
    # other units: O1 82.5 first, O2 and O3 tie at 75 (both 2nd), O4 4th
    # (other suites' units of kind other score 0 too and share O4's rank)
    ranks = {u: s[(u, "")]["rank"] for u in ("O1", "O2", "O3", "O4")}
    check(ranks == {"O1": 1, "O2": 2, "O3": 2, "O4": 4}, "overall ranks %s" % ranks)
    # per pillar: awareness O3 100, O1 90, O2 75, O4 0; security O1 = O2 75, O3 50, O4 0
    aw = {u: s[(u, "awareness")]["rank"] for u in ("O1", "O2", "O3", "O4")}
    check(aw == {"O3": 1, "O1": 2, "O2": 3, "O4": 4}, "awareness ranks %s" % aw)
    se = {u: s[(u, "security")]["rank"] for u in ("O1", "O2", "O3", "O4")}
    check(se == {"O1": 1, "O2": 1, "O3": 3, "O4": 4}, "security ranks %s" % se)
    # communes rank among communes: C2 first although O1 is first of its kind
    check(s[("C2", "")]["rank"] == 1 and s[("C1", "")]["rank"] == 2,
          "commune ranks C1 %d, C2 %d" % (s[("C1", "")]["rank"], s[("C2", "")]["rank"]))


@test
def test_idempotent():
    setup()
    a = _state["A"]
    before = snapshot(a)
    r = agg_ok("--period", str(a))
    check(snapshot(a) == before, "a second run changed the rows")
    check(r.stderr.strip() == "", "stderr: %s" % r.stderr)
    # progress: the period, its indicators and scopes, a count of indicators done
    check("Quý 1/2051" in r.stdout and "8 indicators × 3 scopes" in r.stdout and "8/8 indicators" in r.stdout,
          "progress output: %s" % r.stdout)
    runs = sql("SELECT status FROM agg_run WHERE period_id = %d ORDER BY id DESC LIMIT 2" % a)
    check(runs == [["done"], ["done"]], "agg_run %s" % runs)
    audit = sql("SELECT COUNT(*) FROM audit WHERE action = 'aggregate' AND entity = 'period' AND entity_id = '%d' "
                "AND new_value LIKE 'inputs=%%'" % a)
    check(int(audit[0][0]) >= 2, "no audit row per run: %s" % audit)


@test
def test_unknown_period_fails():
    setup()
    a = _state["A"]
    before = snapshot(a)
    missing = int(sql("SELECT COALESCE(MAX(id), 0) + 1000 FROM period")[0][0])
    r = agg("--period", str(missing))
    check(r.returncode == 1, "exit %d for an unknown period" % r.returncode)
    check("no period with id %d" % missing in r.stderr, "message: %s" % r.stderr)
    check(snapshot(a) == before, "rows changed")
    r = agg("--period", "abc")
    check(r.returncode == 2 and "expected a period id" in r.stderr, "bad id: %d %s" % (r.returncode, r.stderr))
    r = agg("--all", "--due")
    check(r.returncode == 2 and "usage" in r.stderr, "two modes: %d %s" % (r.returncode, r.stderr))


@test
def test_database_unreachable():
    setup()
    with tempfile.TemporaryDirectory() as d:
        conf = os.path.join(d, "egov.conf")
        with open(CONF) as f:
            text = f.read()
        with open(conf, "w") as f:
            f.write(text.replace("db_socket = ", "db_socket = %s/nowhere-" % d))
        r = agg("--all", config=conf)
    check(r.returncode == 1, "exit %d with the database unreachable" % r.returncode)
    check("cannot connect to the database" in r.stderr, "message: %s" % r.stderr)


@test
def test_failure_half_way_keeps_rows():
    """A write refused inside the transaction (INSERT on agg_score revoked):
    the period's agg_value rows, already replaced in the transaction, come
    back as they were; the run is recorded as failed with its message."""
    setup()
    a = _state["A"]
    before = snapshot(a)
    # a changed figure, so a successful run would change agg_value
    sql("UPDATE figure f JOIN submission s ON s.id = f.submission_id SET f.num_value = 11.5 "
        "WHERE s.period_id = %d AND s.unit_id = %d AND f.indicator_id = %d" % (a, uid("O1"), iid("SUM")))
    sql("REVOKE INSERT ON egov.agg_score FROM 'egov_aggregate'@'localhost'")
    try:
        r = agg("--period", str(a))
    finally:
        sql("GRANT INSERT ON egov.agg_score TO 'egov_aggregate'@'localhost'")
    check(r.returncode == 1, "exit %d for a failed write" % r.returncode)
    check("previous figures are kept" in r.stderr and "Quý 1/2051" in r.stderr, "message: %s" % r.stderr)
    check(snapshot(a) == before, "rows changed by a failed run")
    run_row = sql("SELECT status, message FROM agg_run WHERE period_id = %d ORDER BY id DESC LIMIT 1" % a)[0]
    check(run_row[0] == "failed" and "agg_score" in run_row[1], "agg_run: %s" % run_row)
    # fixed: the next run writes the new figure
    agg_ok("--period", str(a))
    expect(values(a)[("SUM", "city", "", "")], "sum after the fix", Decimal("36.75"))
    sql("UPDATE figure f JOIN submission s ON s.id = f.submission_id SET f.num_value = 10.5 "
        "WHERE s.period_id = %d AND s.unit_id = %d AND f.indicator_id = %d" % (a, uid("O1"), iid("SUM")))
    agg_ok("--period", str(a))
    check(snapshot(a) == before, "rows not back to the fixture's")


@test
def test_lock_refuses_second_run():
    setup()
    pw = secrets()["AGGREGATE_PW"]
    holder = subprocess.Popen(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % VAR, "-u",
                               "egov_aggregate", "-p" + pw, "egov", "-e",
                               "SELECT GET_LOCK('egov-aggregate:egov', 5); SELECT SLEEP(20);"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if sql("SELECT IS_USED_LOCK('egov-aggregate:egov') IS NOT NULL")[0][0] == "1":
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the test could not take the lock")
        r = agg("--period", str(_state["A"]))
    finally:
        # the server keeps a sleeping connection (and its lock) after the client dies
        conn = sql("SELECT IS_USED_LOCK('egov-aggregate:egov')")[0][0]
        if conn != "NULL":
            sql("KILL %s" % conn)
        holder.kill()
        holder.wait()
        for _ in range(100):
            if sql("SELECT IS_USED_LOCK('egov-aggregate:egov') IS NULL")[0][0] == "1":
                break
            time.sleep(0.05)
    check(r.returncode == 3, "exit %d while another run holds the lock" % r.returncode)
    check("another egov-aggregate is running" in r.stderr, "message: %s" % r.stderr)


@test
def test_runs_beside_an_open_save():
    """An officer's save still open (rows locked, not committed): the job
    neither waits for it nor sees it."""
    setup()
    a = _state["A"]
    before = snapshot(a)
    marker = "egov-aggregate-test-open-save"
    holder = subprocess.Popen(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % VAR, "-u", "root", "egov",
                               "-e", "START TRANSACTION; UPDATE figure f JOIN submission s ON s.id = f.submission_id "
                               "SET f.num_value = 999, f.updated_at = UTC_TIMESTAMP() WHERE s.period_id = %d; "
                               "SELECT SLEEP(30) AS `%s`; ROLLBACK;" % (a, marker)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if sql("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE '%%%s%%' "
                   "AND info NOT LIKE '%%processlist%%'" % marker)[0][0] != "0":
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the open save did not start")
        t = time.time()
        r = agg("--period", str(a), timeout=60)
        took = time.time() - t
    finally:
        for (conn,) in sql("SELECT id FROM information_schema.processlist WHERE info LIKE '%%%s%%' "
                           "AND info NOT LIKE '%%processlist%%'" % marker):
            sql("KILL %s" % conn)
        holder.kill()
        holder.wait()
    check(r.returncode == 0, "exit %d beside an open save: %s" % (r.returncode, r.stderr))
    check(took < 20, "the job waited %.1f s for the officer's locks" % took)
    check(snapshot(a) == before, "the job saw figures not committed")


@test
def test_due():
    """--due runs what is past due (or open) and changed since its last run.
    It also picks other suites' periods: their summary rows are removed
    afterwards, so those suites can still delete their periods."""
    setup()
    d = _state["D"]
    had = {row[0] for row in sql("SELECT DISTINCT period_id FROM agg_run")}
    mine = {str(_state[k]) for k in ("A", "S", "L1", "L2", "D")}
    try:
        first = agg("--due", "--date", "2099-01-01")
        check(first.returncode == 0, "first --due: %d %s" % (first.returncode, first.stderr))
        # a form written in the second before a run makes the next --due run
        # it once more (the columns keep whole seconds): the fixture's forms
        # are dated back instead of waiting
        age(d)
        r = agg_ok("--due", "--date", "2099-01-01")
        check("Quý 1/2053: unchanged since its last run" in r.stdout, "second --due: %s" % r.stdout)
        # a figure written now makes the period due again
        sql("UPDATE figure f JOIN submission s ON s.id = f.submission_id SET f.num_value = 2, "
            "f.updated_at = UTC_TIMESTAMP() WHERE s.period_id = %d" % d)
        r = agg_ok("--due", "--date", "2099-01-01")
        check("Quý 1/2053: done" in r.stdout, "changed period not run: %s" % r.stdout)
        expect(values(d)[("SUM", "city", "", "")], "--due result", 2)
        # so does a form accepted now
        age(d)
        sql("UPDATE submission SET reviewed_at = UTC_TIMESTAMP() WHERE period_id = %d" % d)
        r = agg_ok("--due", "--date", "2099-01-01")
        check("Quý 1/2053: done" in r.stdout, "accepted form: period not run: %s" % r.stdout)
        # before its due date, a closed period is not due, changed or not
        sql("UPDATE figure f JOIN submission s ON s.id = f.submission_id SET f.num_value = 3, "
            "f.updated_at = UTC_TIMESTAMP() WHERE s.period_id = %d" % d)
        r = agg_ok("--due", "--date", "2053-03-01")
        check("Quý 1/2053" not in r.stdout, "a period before its due date ran: %s" % r.stdout)
        r = agg_ok("--due", "--date", "2099-01-01")
        check("Quý 1/2053: done" in r.stdout, "closed period past its due date not run: %s" % r.stdout)
        age(d)
        r = agg_ok("--due", "--date", "2099-01-01")
        check("Quý 1/2053: unchanged" in r.stdout, "%s" % r.stdout)
        # no form changed, but the reference data did (a new target)
        target("SUM", 2053, 5)
        r = agg_ok("--due", "--date", "2099-01-01")
        check("Quý 1/2053: done" in r.stdout, "a new target did not make the period due: %s" % r.stdout)
        expect(values(d)[("SUM", "city", "", "")], "--due with a target", 3, 5, Decimal("0.6"))
        # nor did other statuses counted
        age(d)
        with tempfile.TemporaryDirectory() as tmp:
            conf = os.path.join(tmp, "egov.conf")
            with open(CONF) as f:
                text = f.read()
            with open(conf, "w") as f:
                f.write(text.replace("aggregate_statuses = submitted,accepted", "aggregate_statuses = accepted"))
            r = agg("--due", "--date", "2099-01-01", config=conf)
        check(r.returncode == 0 and "Quý 1/2053: done" in r.stdout and "statuses counted: accepted" in r.stdout,
              "other statuses: %s %s" % (r.stdout, r.stderr))
        agg_ok("--period", str(d))
    finally:
        for (pid,) in sql("SELECT DISTINCT period_id FROM agg_run"):
            if pid not in had and pid not in mine:
                sql("DELETE FROM agg_value WHERE period_id = %s; DELETE FROM agg_score WHERE period_id = %s; "
                    "DELETE FROM agg_run WHERE period_id = %s" % (pid, pid, pid))


@test
def test_demo_data_aggregated():
    """The stack's start-up ran the job over the demo data: the reform's
    mergers show as lineages (S-NNMT carries S-TNMT and S-NNPTNT)."""
    rows = sql("SELECT v.value, v.units_reporting FROM agg_value v JOIN unit u ON u.id = v.unit_id "
               "JOIN indicator i ON i.id = v.indicator_id JOIN period p ON p.id = v.period_id "
               "WHERE v.scope = 'lineage' AND u.code = 'S-NNMT' AND i.code = 'NL-CHUYENTRACH' "
               "AND p.kind = 'Q' AND p.year = 2026 AND p.seq = 2")
    if not rows:
        raise AssertionError("no lineage of S-NNMT in Q2/2026 (did the stack run egov-aggregate --all?)")
    check(int(rows[0][1]) >= 1, "lineage S-NNMT: %s" % rows)


run()
