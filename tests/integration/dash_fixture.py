"""Summary-table fixture for the dashboard tests (integration and browser).

Fills agg_run / agg_value / agg_score, submissions and a few chart files for
the dashboard's own periods Q1..Q4/2070 (Q4 is the one under test; Q1..Q3
make its trend), as the aggregation and chart jobs would, so the pages can be
checked against figures known here.  Idempotent: every call replaces what an
earlier call (or a job run over every period) left for these periods.

The figures of Q4/2070, city-wide (value, target, progress -> mark):
  DVC-HS-TRUCTUYEN   75 %  / 70 %   1.071429  met       (Q3: 70 %, delta +5)
  CQS-VB-DIENTU      93 %  / 98 %   0.948980  on track
  DVC-PHATSINH       35 %  / 70 %   0.5       behind
  HT-CLOUD (share)   80 %  / 100 %  0.8       behind    (share_yes: a percentage)
  NL-TAPHUAN (sum)   12345 / 8000   1.543125  met
  KTS-GRDP           NULL  / 22 %   NULL      no data
  DOC-TOTAL          500   / none   NULL      not a headline (no target)
Submissions (due date 20/06/2025, in the past): S-NOIVU on time, S-TAICHINH
5 days late, P-HONGBANG a draft (missing), DT-FORMULA nothing (missing).
DT-FORMULA is a department valid only in 2070 whose name starts with "=",
to show CSV formula neutralisation."""

import os

from egov import VAR, check, ensure_period, sql

YEAR = 2070
DUE = "2025-06-20"
FORMULA_NAME = '=HYPERLINK("http://evil.example/","Sở Thử nghiệm")'
CHARTS = os.path.join(VAR, "charts")

CITY = {
    # code: (value, target, progress)
    "DVC-HS-TRUCTUYEN": ("75", "70", "1.071429"),
    "CQS-VB-DIENTU": ("93", "98", "0.948980"),
    "DVC-PHATSINH": ("35", "70", "0.5"),
    "HT-CLOUD": ("80", "100", "0.8"),
    "NL-TAPHUAN": ("12345", "8000", "1.543125"),
    "KTS-GRDP": (None, "22", None),
    "DOC-TOTAL": ("500", None, None),
}
TREND = {1: "60", 2: "65", 3: "70"}          # DVC-HS-TRUCTUYEN city value, Q1..Q3
UNITS = {
    # code: DVC-HS-TRUCTUYEN (value, target, progress)
    "S-NOIVU": ("90", "70", "1.285714"),
    "S-TAICHINH": ("60", "70", "0.857143"),
    "DT-FORMULA": ("50", "70", "0.714286"),
    "P-HONGBANG": ("76", "70", "1.085714"),
}
KINDS = {"department": ("66.666667", "70", "0.952381", 3, 9), "commune": ("76", "70", "1.085714", 1, 8)}
SCORES = [
    # unit, overall score, rank among its kind
    ("S-NOIVU", "91.5", 1), ("S-TAICHINH", "80", 2), ("S-KHCN", "70", 3), ("VP-UBND", "60", 4),
    ("S-TUPHAP", "50", 5), ("S-YTE", "40", 6), ("DT-FORMULA", "30", 7),
    ("P-HONGBANG", "88", 1), ("P-LECHAN", "77", 2),
]
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120">'
       '<rect width="320" height="120" fill="#eef2f6"/><polyline points="10,100 110,80 210,60 310,40" '
       'fill="none" stroke="#0072B2" stroke-width="4"/><text x="12" y="20" font-size="14">%s</text></svg>\n')


def q(s):
    return "NULL" if s is None else "'%s'" % s.replace("'", "''")


def ids(table, codes):
    rows = sql("SELECT code, id FROM %s WHERE code IN (%s)" % (table, ",".join(q(c) for c in codes)))
    d = {c: int(i) for c, i in rows}
    missing = set(codes) - set(d)
    check(not missing, "%s missing: %s" % (table, sorted(missing)))
    return d


def setup():
    """Returns {'pid': Q4 id, 'pids': {seq: id}, 'ind': {code: id}, 'unit': {code: id}}."""
    sql("INSERT IGNORE INTO unit (code, name, kind, valid_from, valid_to, note) VALUES "
        "('DT-FORMULA', %s, 'department', '%d-01-01', '%d-12-31', 'dashboard test unit')"
        % (q(FORMULA_NAME), YEAR, YEAR))
    pids = {}
    for seq in (1, 2, 3, 4):
        pids[seq] = ensure_period("Q", YEAR, seq)
    pid = pids[4]
    plist = ",".join(str(p) for p in pids.values())
    sql("UPDATE period SET due_on = '%s', is_open = 0 WHERE id = %d" % (DUE, pid))
    ind = ids("indicator", list(CITY))
    unit = ids("unit", sorted(set(list(UNITS) + [s[0] for s in SCORES])))
    sql("DELETE FROM agg_value WHERE period_id IN (%s); DELETE FROM agg_score WHERE period_id IN (%s); "
        "DELETE FROM agg_run WHERE period_id IN (%s)" % (plist, plist, plist))
    # the runs: every period done; Q3 has a failed run after its finished one
    runs = []
    for seq, p in sorted(pids.items()):
        runs.append("(%d, '2025-07-0%d 01:00:00', '2025-07-0%d 01:15:30.250', 'done', "
                    "'submitted,accepted', %d, 'dashboard fixture')" % (p, seq, seq, 100 + seq))
    runs.append("(%d, '2025-07-05 01:00:00', NULL, 'failed', 'submitted,accepted', 0, 'fixture failure')"
                % pids[3])
    sql("INSERT INTO agg_run (period_id, started_at, finished_at, status, statuses, values_read, message) "
        "VALUES " + ",".join(runs))
    rows = []

    def row(p, code, scope, kind, uid, v, t, pr, rep, asked):
        rows.append("(%d, %d, '%s', '%s', %d, %s, %s, %s, %d, %d, %s)" % (
            p, ind[code], scope, kind, uid, q(v), q(t), q(pr), rep, asked,
            "NULL" if asked == 0 else "%.6f" % (rep / asked)))

    for code, (v, t, pr) in CITY.items():
        row(pid, code, "city", "", 0, v, t, pr, 0 if v is None else 4, 17)
    row(pids[3], "DVC-HS-TRUCTUYEN", "city", "", 0, "70", "70", "1", 4, 17)
    for seq, v in TREND.items():
        if seq != 3:
            row(pids[seq], "DVC-HS-TRUCTUYEN", "city", "", 0, v, "70", "%.6f" % (float(v) / 70), 4, 17)
    for kind, (v, t, pr, rep, asked) in KINDS.items():
        row(pid, "DVC-HS-TRUCTUYEN", "kind", kind, 0, v, t, pr, rep, asked)
    row(pid, "DVC-HS-TRUCTUYEN", "kind", "district", 0, None, "70", None, 0, 0)
    for code, (v, t, pr) in UNITS.items():
        # the job writes a unit's kind with its rows
        row(pid, "DVC-HS-TRUCTUYEN", "unit", "commune" if code.startswith("P-") else "department",
            unit[code], v, t, pr, 1, 1)
    sql("INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, unit_id, value, target, "
        "progress, units_reporting, units_asked, completeness) VALUES " + ",".join(rows))
    scores = []
    for code, score, rank in SCORES:
        scores.append("(%d, %d, '', %s, 7, %d)" % (pid, unit[code], score, rank))
        scores.append("(%d, %d, 'digital_government', %s, 3, %d)" % (pid, unit[code], score, rank))
    sql("INSERT INTO agg_score (period_id, unit_id, pillar, score, indicators, rank_in_kind) VALUES "
        + ",".join(scores))
    # submissions of Q4: on time, late, a draft (missing); DT-FORMULA has none
    subs = [("S-NOIVU", "accepted", "'2025-06-17 03:00:00'"), ("S-TAICHINH", "submitted", "'2025-06-25 03:00:00'"),
            ("P-HONGBANG", "draft", "NULL")]
    sql("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, updated_by, "
        "submitted_at, submitted_by) VALUES " + ",".join(
            "(%d, %d, '%s', '2025-06-01 00:00:00', 1, '2025-06-01 00:00:00', 1, %s, %s)"
            % (unit[c], pid, st, at, "NULL" if at == "NULL" else "1") for c, st, at in subs))
    return {"pid": pid, "pids": pids, "ind": ind, "unit": unit}


def write_charts(pid, ind, unit):
    """The chart files the chart job would draw for Q4/2070 (small SVGs),
    an index with a caption, and the briefing pack.  units-<id>-commune.svg
    is left out on purpose: the page must say the chart is not drawn."""
    d = os.path.join(CHARTS, str(pid))
    os.makedirs(d, exist_ok=True)
    os.chmod(d, 0o755)
    i = ind["DVC-HS-TRUCTUYEN"]
    names = ["trend-%d.svg" % i, "units-%d-department.svg" % i, "pillar-digital_government.svg",
             "unit-%d.svg" % unit["S-NOIVU"], "status.svg", "ranking-department.svg", "ranking-commune.svg"]
    for n in names:
        with open(os.path.join(d, n), "w") as f:
            f.write(SVG % n)
    stale = os.path.join(d, "units-%d-commune.svg" % i)
    if os.path.exists(stale):
        os.remove(stale)
    with open(os.path.join(d, "index.tsv"), "w") as f:
        f.write("kind\tkey\tsvg\tpng\tpdf\tcsv\tdata\ttitle\tcaption\n")
        f.write("trend\t%d\ttrend-%d.svg\t\t\ttrend-%d.csv\ttrend-%d.tsv\tXu hướng\t"
                "Chú thích của chương trình vẽ biểu đồ <b>thử</b>\n" % (i, i, i, i))
    with open(os.path.join(d, "briefing.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n% dashboard test\n%%EOF\n")
    return d, names
