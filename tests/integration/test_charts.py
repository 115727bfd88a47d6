"""The chart job (egov-charts) against the test stack's database: the charts
and the briefing pack of a period, drawn by one gnuplot process, from summary
tables this file fills itself (the aggregation job is not needed).

Runs the binary named by CHARTS_BIN, else build-san/egov-charts (ASan/UBSan)
when it exists, else build/egov-charts, with EGOV_CONFIG=$TEST_VAR/egov.conf
(or a copy of it with another gnuplot for the failure tests).

Own data, created afresh by every run and removed at the end (CHARTS_KEEP=1
keeps it to look at): pillars test_charts_a/_b, indicators TCH-* (inactive,
so no other period asks them), units TEST-CH-*, periods Q1/2060-Q4/2061 (the
eight quarters of the trends; Q4/2061 is the period drawn) and Q1/2062 (not
due yet).  The due dates of the 2060-2061 quarters are set in the past
(2025) so "missing" can be told from "not due yet" with today's clock.

Names carry backquotes, system("touch ..."), $(...), quotes, a backslash, a
newline and a leading "=": none of them may run, and each must come back
literally in the SVG (a newline as a space)."""

import csv
import hashlib
import io
import os
import re
import shutil
import stat
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

from egov import ROOT, VAR, check, run, sql, test

BIN = os.environ.get("CHARTS_BIN") or next(
    (p for p in (os.path.join(ROOT, "build-san", "egov-charts"), os.path.join(ROOT, "build", "egov-charts"))
     if os.path.exists(p)), os.path.join(ROOT, "build", "egov-charts"))
CONF = os.path.join(VAR, "egov.conf")
TAG = hashlib.sha1(str(os.getpid()).encode()).hexdigest()[:6]
PWNED = "/tmp/pwned-charts-" + TAG

PILLARS = {
    "test_charts_a": ("Lĩnh vực thử nghiệm biểu đồ Âu Lạc", 9990),
    "test_charts_b": ('Lĩnh vực B `touch %s-p` "kép" Đặc biệt' % PWNED, 9991),
}
# code: (name, pillar, vtype, aggregation, direction, sort)
EVIL_IND = 'Chỉ tiêu `touch %s-i` system("touch %s-s") \'đơn\' a\\nb \\ hết\ndòng' % (PWNED, PWNED)
INDICATORS = {
    "TCH-PCT": ("Tỷ lệ hồ sơ thử nghiệm được xử lý trực tuyến", "test_charts_a", "percent", "mean", "up", 10),
    "TCH-EVIL": (EVIL_IND, "test_charts_a", "integer", "sum", "up", 20),
    "TCH-YES": ("Đơn vị thử nghiệm có cổng dữ liệu mở", "test_charts_b", "yesno", "share_yes", "up", 30),
    "TCH-DOWN": ("Số sự cố thử nghiệm chưa xử lý", "test_charts_b", "integer", "sum", "down", 40),
}
EVIL_UNIT = 'Huyện `touch %s-u` "Bắc" $(touch %s-d) Ổn' % (PWNED, PWNED)
# code: (name, kind, valid_from, valid_to)
UNITS = {
    "TEST-CH-D1": ("Quận Thử Nghiệm Hải Âu", "district", "2059-01-01", None),
    "TEST-CH-D2": (EVIL_UNIT, "district", "2059-01-01", None),
    "TEST-CH-S1": ("Sở Thử nghiệm Khoa học và Đổi mới", "department", "2059-01-01", None),
    "TEST-CH-S2": ("Sở Thử nghiệm Giao thông Vận tải", "department", "2059-01-01", None),
    "TEST-CH-X1": ("=1+1 Xã Thử nghiệm Đồng Ý", "commune", "2059-01-01", None),
    "TEST-CH-X2": ("Phường Thử nghiệm Đã Sáp Nhập", "commune", "2059-01-01", "2060-06-30"),
    "TEST-CH-X3": ("Xã Thử nghiệm Mới Lập", "commune", "2061-01-01", None),
}
KIND_VI = {"district": "Quận, huyện", "department": "Sở, ban, ngành", "commune": "Xã, phường, đặc khu"}

# The window: Q1/2060 .. Q4/2061 (index 7 is drawn), then Q1/2062 (not due).
QUARTERS = [(2060, 1), (2060, 2), (2060, 3), (2060, 4), (2061, 1), (2061, 2), (2061, 3), (2061, 4), (2062, 1)]
CUR = 7
FUTURE = 8

_state = {}


def q(s):
    return "NULL" if s is None else "'%s'" % str(s).replace("\\", "\\\\").replace("'", "''")


def clean(s):
    """A name as a chart shows it: one line, blanks squeezed."""
    return " ".join(s.split())


def window(year, seq):
    last = seq * 3
    start_m, start_y = last - 3, year
    if start_m <= 0:
        start_m, start_y = start_m + 12, year - 1
    return date(start_y, start_m, 15), date(year, last, 14)


def due_of(i):
    if i == FUTURE:
        return date(2062, 3, 20)
    return date(2025, 1 + i, 20)   # in the past: see the docstring


def cleanup():
    """Removes every trace of this file's data (earlier runs included)."""
    for pid, in sql("SELECT id FROM period WHERE year BETWEEN 2060 AND 2069"):
        shutil.rmtree(os.path.join(VAR, "charts", pid), ignore_errors=True)
    periods = "(SELECT id FROM period WHERE year BETWEEN 2060 AND 2069)"
    inds = "(SELECT id FROM indicator WHERE code LIKE 'TCH-%')"
    units = "(SELECT id FROM unit WHERE code LIKE 'TEST-CH-%')"
    sql("DELETE FROM agg_value WHERE period_id IN %s OR indicator_id IN %s OR unit_id IN %s; "
        "DELETE FROM agg_score WHERE period_id IN %s OR unit_id IN %s; "
        "DELETE FROM agg_run WHERE period_id IN %s; "
        "DELETE f FROM figure f JOIN submission s ON s.id = f.submission_id "
        "  WHERE s.period_id IN %s OR s.unit_id IN %s; "
        "DELETE e FROM evidence e JOIN submission s ON s.id = e.submission_id "
        "  WHERE s.period_id IN %s OR s.unit_id IN %s; "
        "DELETE FROM submission WHERE period_id IN %s OR unit_id IN %s; "
        "DELETE FROM period_indicator WHERE period_id IN %s OR indicator_id IN %s; "
        "DELETE FROM target WHERE indicator_id IN %s OR unit_id IN %s; "
        "DELETE FROM period WHERE year BETWEEN 2060 AND 2069; "
        "DELETE FROM indicator WHERE code LIKE 'TCH-%%'; "
        "UPDATE unit SET successor_id = NULL, parent_id = NULL WHERE code LIKE 'TEST-CH-%%'; "
        "DELETE FROM unit WHERE code LIKE 'TEST-CH-%%'; "
        "DELETE FROM pillar WHERE code LIKE 'test\\_charts%%'"
        % (periods, inds, units, periods, units, periods, periods, units, periods, units, periods, units,
           periods, inds, inds, units))
    for f in os.listdir("/tmp"):
        if f.startswith("pwned-charts-"):
            os.unlink(os.path.join("/tmp", f))


def setup():
    """The fixture, built once per process."""
    if "period" in _state:
        return _state
    cleanup()
    stmts = ["SET NAMES utf8mb4"]
    for code, (name, sort) in PILLARS.items():
        stmts.append("INSERT INTO pillar (code, name, name_en, sort) VALUES (%s, %s, %s, %d)"
                     % (q(code), q(name), q("Test pillar " + code), sort))
    for code, (name, pil, vtype, agg, direction, sort) in INDICATORS.items():
        stmts.append("INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, required, unit_kinds, "
                     "direction, aggregation, sort, active) VALUES (%s, %s, %s, %s, %s, %s, 1, "
                     "'department,district,commune', %s, %s, %d, 0)"
                     % (q(code), q(name), q("Test " + code), q(pil),
                        q({"percent": "%", "yesno": "có/không"}.get(vtype, "vụ việc")), q(vtype), q(direction),
                        q(agg), sort))
    for code, (name, kind, vfrom, vto) in UNITS.items():
        stmts.append("INSERT INTO unit (code, name, kind, valid_from, valid_to, note) VALUES "
                     "(%s, %s, %s, %s, %s, 'test_charts.py')" % (q(code), q(name), q(kind), q(vfrom), q(vto)))
    for i, (y, s) in enumerate(QUARTERS):
        start, end = window(y, s)
        due = due_of(i)
        stmts.append("INSERT INTO period (kind, year, seq, cutoff_start, cutoff_end, opens_on, due_on, is_open, "
                     "locked) VALUES ('Q', %d, %d, '%s', '%s', '%s', '%s', 1, 0)"
                     % (y, s, start, end, due - timedelta(days=19), due))
    sql("; ".join(stmts))
    ids = {}
    for code, pid in sql("SELECT code, id FROM indicator WHERE code LIKE 'TCH-%'"):
        ids[code] = int(pid)
    uids = {}
    for code, uid in sql("SELECT code, id FROM unit WHERE code LIKE 'TEST-CH-%'"):
        uids[code] = int(uid)
    pids = []
    for y, s in QUARTERS:
        pids.append(int(sql("SELECT id FROM period WHERE kind = 'Q' AND year = %d AND seq = %d" % (y, s))[0][0]))
    asked = []
    for p in pids:
        for kind in ("district", "department", "commune"):
            for code in INDICATORS:
                asked.append("(%d, '%s', %d)" % (p, kind, ids[code]))
    stmts = ["INSERT INTO period_indicator (period_id, unit_kind, indicator_id) VALUES " + ", ".join(asked)]

    # submissions: (unit, period index) -> (status, submitted at UTC) ; absent = none
    admin_id = sql("SELECT COALESCE(MIN(id), 1) FROM app_user")[0][0]
    subs = {}
    for u in ("TEST-CH-D1", "TEST-CH-D2", "TEST-CH-S1", "TEST-CH-S2", "TEST-CH-X1"):
        for i in range(CUR + 1):
            subs[(u, i)] = ("accepted", datetime.combine(due_of(i) - timedelta(days=2), datetime.min.time())
                            + timedelta(hours=3))
    for i in range(4, CUR + 1):
        subs[("TEST-CH-X3", i)] = ("accepted", datetime.combine(due_of(i), datetime.min.time()))
    subs[("TEST-CH-X2", 0)] = ("accepted", datetime.combine(due_of(0), datetime.min.time()))
    subs[("TEST-CH-D2", CUR)] = ("accepted", datetime.combine(due_of(CUR) + timedelta(days=3), datetime.min.time()))
    subs[("TEST-CH-S2", CUR)] = ("submitted", datetime.combine(due_of(CUR) + timedelta(days=5),
                                                               datetime.min.time()) + timedelta(hours=2))
    del subs[("TEST-CH-S2", 5)]                                      # missing: no form at all
    subs[("TEST-CH-X1", CUR)] = ("draft", None)                     # missing: a draft
    subs[("TEST-CH-X1", 6)] = ("returned", None)                    # missing: returned
    # 16:59 UTC on the due date is 23:59 in Hanoi (on time); 17:30 UTC is the next day there (late)
    subs[("TEST-CH-D1", 6)] = ("accepted", datetime.combine(due_of(6), datetime.min.time()) + timedelta(hours=16, minutes=59))
    subs[("TEST-CH-S1", 6)] = ("accepted", datetime.combine(due_of(6), datetime.min.time()) + timedelta(hours=17, minutes=30))
    subs[("TEST-CH-D1", FUTURE)] = ("submitted", datetime(2026, 1, 5, 3, 0))
    rows = []
    for (u, i), (st, at) in subs.items():
        at_s = "'%s'" % at.strftime("%Y-%m-%d %H:%M:%S") if at else "NULL"
        rows.append("(%d, %d, '%s', '2025-01-01 00:00:00', %s, '2025-01-01 00:00:00', %s, %s, %s)"
                    % (uids[u], pids[i], st, admin_id, admin_id, at_s, admin_id if at else "NULL"))
    stmts.append("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, "
                 "updated_by, submitted_at, submitted_by) VALUES " + ", ".join(rows))

    # the summary tables, as egov-aggregate would write them
    agg = []

    def av(p, code, scope, kind, unit, value, target, rep=5, asked_n=6):
        if value is not None and target is not None and target != 0:
            prog = (value / target) if INDICATORS[code][4] != "down" else (target / value if value else None)
        else:
            prog = None
        agg.append("(%d, %d, '%s', '%s', %d, %s, %s, %s, %d, %d, %s)" % (
            pids[p], ids[code], scope, kind, uids[unit] if unit else 0,
            "NULL" if value is None else "%.6f" % value, "NULL" if target is None else "%.6f" % target,
            "NULL" if prog is None else "%.6f" % prog, rep, asked_n, "%.6f" % (rep / asked_n)))

    city_pct = [50, 55, 60, 62, 70, 75, 80, 85]
    for i in range(CUR + 1):
        t = 80 if i < 4 else 90
        av(i, "TCH-PCT", "city", "", None, city_pct[i], t)
        av(i, "TCH-EVIL", "city", "", None, 10.0 * (i + 1), None)
        av(i, "TCH-YES", "city", "", None, 40 + 3 * i, 100)
        av(i, "TCH-DOWN", "city", "", None, 11 - i, 5)
    unit_vals = {
        "TCH-PCT": {"TEST-CH-D1": (95, 90), "TEST-CH-D2": (70, 90), "TEST-CH-S1": (88, 90),
                    "TEST-CH-S2": (40, 90), "TEST-CH-X1": (None, 90), "TEST-CH-X3": (92, 90)},
        "TCH-EVIL": {"TEST-CH-D1": (5, None), "TEST-CH-D2": (7, None), "TEST-CH-S1": (3, None),
                     "TEST-CH-S2": (9, None), "TEST-CH-X3": (2, None)},
        "TCH-YES": {"TEST-CH-D1": (100, 100), "TEST-CH-D2": (0, 100), "TEST-CH-S1": (100, 100),
                    "TEST-CH-S2": (0, 100), "TEST-CH-X3": (100, 100)},
        "TCH-DOWN": {"TEST-CH-D1": (1, 2), "TEST-CH-D2": (3, 2), "TEST-CH-S1": (0, 1),
                     "TEST-CH-S2": (0, 1), "TEST-CH-X3": (0, 1)},
    }
    for code, per_unit in unit_vals.items():
        for u, (v, t) in per_unit.items():
            av(CUR, code, "unit", "", u, v, t, 1, 1)
        for kind in ("district", "department", "commune"):
            vals = [v for u, (v, t) in per_unit.items() if UNITS[u][1] == kind and v is not None]
            if vals:
                av(CUR, code, "kind", kind, None, sum(vals) / len(vals), per_unit[next(iter(per_unit))][1])
    stmts.append("INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, unit_id, value, target, "
                 "progress, units_reporting, units_asked, completeness) VALUES " + ", ".join(agg))
    scores = {"TEST-CH-D1": (92.5, 1), "TEST-CH-D2": (60.25, 2), "TEST-CH-S1": (88, 1), "TEST-CH-S2": (40, 2),
              "TEST-CH-X3": (85, 1), "TEST-CH-X1": (0, 2)}
    stmts.append("INSERT INTO agg_score (period_id, unit_id, pillar, score, indicators, rank_in_kind) VALUES "
                 + ", ".join("(%d, %d, '', %.4f, 4, %d)" % (pids[CUR], uids[u], s, r)
                             for u, (s, r) in scores.items()))
    sql("; ".join(stmts))
    _state.update(period=pids[CUR], future=pids[FUTURE], pids=pids, ids=ids, uids=uids)
    return _state


def job(*args, conf=CONF, env=None, strace=None):
    e = dict(os.environ, EGOV_CONFIG=conf)
    e.update(env or {})
    cmd = [BIN] + list(args)
    if strace:
        # LeakSanitizer cannot run under ptrace
        e["ASAN_OPTIONS"] = (e.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        cmd = ["strace", "-f", "-qq", "-e", "trace=execve", "-o", strace] + cmd
    return subprocess.run(cmd, capture_output=True, text=True, env=e, timeout=600)


def pdir(pid):
    return os.path.join(VAR, "charts", str(pid))


def drawn():
    """Draws the fixture's period once per process (counting gnuplot's execs)."""
    st = setup()
    if "out" not in st:
        trace = None
        if shutil.which("strace"):
            fd, trace = tempfile.mkstemp(prefix="charts-strace-")
            os.close(fd)
        os.makedirs(pdir(st["period"]), exist_ok=True)
        # a chart file of an earlier run that no longer applies, and a file that is not ours
        for name in ("unit-999999999.svg", "unit-999999999.csv", "keep-me.txt"):
            with open(os.path.join(pdir(st["period"]), name), "w") as f:
                f.write("old")
        r = job("--period", str(st["period"]), strace=trace)
        st["out"] = r
        st["trace"] = trace
        check(r.returncode == 0, "egov-charts failed (%d): %s %s" % (r.returncode, r.stdout, r.stderr))
    return st


def index_rows(pid):
    with open(os.path.join(pdir(pid), "index.tsv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    check(lines[-1] == "", "index.tsv ends with a newline")
    head = lines[0].split("\t")
    check(head == ["kind", "key", "svg", "png", "pdf", "csv", "data", "title", "caption"],
          "index.tsv header: %r" % head)
    rows = [dict(zip(head, line.split("\t"))) for line in lines[1:-1]]
    for row in rows:
        check(len(row) == len(head), "index.tsv row with the wrong number of fields: %r" % row)
    return rows


def svg_texts(path):
    root = ET.parse(path).getroot()
    check(root.tag.endswith("svg"), "%s: not an SVG document" % path)
    return ["".join(t.itertext()) for t in root.iter() if t.tag.endswith("text")]


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", "%s: no PNG signature" % path)
    check(head[12:16] == b"IHDR", "%s: no IHDR chunk" % path)
    return struct.unpack(">II", head[16:24])


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    check(out.returncode == 0, "pdfinfo %s: %s" % (path, out.stderr))
    m = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    check(m is not None, "pdfinfo: no page count")
    return int(m.group(1))


def pdf_text(path, page):
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-"],
                         capture_output=True, text=True)
    check(out.returncode == 0, "pdftotext: %s" % out.stderr)
    return " ".join(out.stdout.split())


def read_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(b"\xef\xbb\xbf"), "%s: no UTF-8 byte order mark" % path)
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def no_pwned():
    left = [f for f in os.listdir("/tmp") if f.startswith("pwned-charts-")]
    check(not left, "a name ran as a command: /tmp/%s" % left)


# ---- the tests ---------------------------------------------------------------


@test
def files_and_index():
    st = drawn()
    d = pdir(st["period"])
    rows = index_rows(st["period"])
    got = {(r["kind"], r["key"]) for r in rows}
    ids, uids = st["ids"], st["uids"]
    want = {("briefing", str(st["period"])), ("status", "status"),
            ("pillar", "test_charts_a"), ("pillar", "test_charts_b")}
    want |= {("trend", str(ids[c])) for c in INDICATORS}
    for code in INDICATORS:
        for kind in ("district", "department", "commune"):
            want.add(("units", "%d-%s" % (ids[code], kind)))
    want |= {("unit", str(uids[u])) for u in ("TEST-CH-D1", "TEST-CH-D2", "TEST-CH-S1", "TEST-CH-S2",
                                               "TEST-CH-X1", "TEST-CH-X3")}
    want |= {("ranking", k) for k in ("district", "department", "commune")}
    check(got == want, "charts listed: missing %s, unexpected %s" % (sorted(want - got), sorted(got - want)))
    for r in rows:
        for col in ("svg", "png", "pdf", "csv", "data"):
            if r[col]:
                p = os.path.join(d, r[col])
                check(os.path.isfile(p) and os.path.getsize(p) > 0, "index names %s, which is missing" % r[col])
                check(stat.S_IMODE(os.stat(p).st_mode) == 0o644, "%s: mode %o" % (r[col], os.stat(p).st_mode))
        check(r["title"] and r["caption"], "a chart without title or caption: %r" % r)
        if r["kind"] != "briefing":
            check(r["svg"] == r["data"].replace(".tsv", ".svg") == r["csv"].replace(".csv", ".svg"),
                  "file names of a chart do not share a base: %r" % r)
        # PNG for what reports and slides take, SVG for every chart
        if r["kind"] in ("trend", "pillar", "status", "ranking"):
            check(r["png"], "no PNG for %s %s" % (r["kind"], r["key"]))
        elif r["kind"] in ("units", "unit"):
            check(not r["png"], "a PNG nobody asked for: %r" % r)
    check(stat.S_IMODE(os.stat(d).st_mode) == 0o755, "the period's directory mode")
    check(os.path.isfile(os.path.join(d, "charts.gp")), "the gnuplot script is kept")
    check(not [f for f in os.listdir(d) if f.startswith(".build-")], "a build directory was left behind")
    check(not os.path.exists(os.path.join(d, "unit-999999999.svg")), "a stale chart was not removed")
    check(os.path.exists(os.path.join(d, "keep-me.txt")), "a file that is not the job's was removed")
    trend = next(r for r in rows if r["kind"] == "trend" and r["key"] == str(ids["TCH-EVIL"]))
    check(clean(EVIL_IND) in trend["title"], "index title of the evil indicator: %r" % trend["title"])
    check("\n" not in trend["title"] and "\t" not in trend["caption"], "index fields are one line")


@test
def svgs_parse_with_vietnamese_labels():
    st = drawn()
    d = pdir(st["period"])
    ids, uids = st["ids"], st["uids"]
    for f in sorted(os.listdir(d)):
        if f.endswith(".svg"):
            svg_texts(os.path.join(d, f))       # every SVG parses
    texts = svg_texts(os.path.join(d, "trend-%d.svg" % ids["TCH-PCT"]))
    check("Tỷ lệ hồ sơ thử nghiệm được xử lý trực tuyến" in texts, "trend title: %r" % texts[-5:])
    check("Quý 4/2061" in texts and "Quý 1/2060" in texts, "the eight quarters on the axis")
    check("85 %" in texts, "the last value labelled the Vietnamese way (85 %)")
    check(any(t.startswith("Mục tiêu") for t in texts), "the target line in the key")
    texts = svg_texts(os.path.join(d, "units-%d-district.svg" % ids["TCH-PCT"]))
    check("Quận Thử Nghiệm Hải Âu" in texts, "unit names on the units chart")
    order = [r[0] for r in read_csv(os.path.join(d, "units-%d-district.csv" % ids["TCH-PCT"]))[1:]]
    check(order == ["TEST-CH-D1", "TEST-CH-D2"], "sorted best first (95 before 70): %r" % order)
    order = [r[0] for r in read_csv(os.path.join(d, "units-%d-department.csv" % ids["TCH-DOWN"]))[1:]]
    check(order[-1] == "TEST-CH-S1" or order[0] in ("TEST-CH-S1", "TEST-CH-S2"), "lower is better first")
    texts = svg_texts(os.path.join(d, "units-%d-commune.svg" % ids["TCH-PCT"]))
    check("=1+1 Xã Thử nghiệm Đồng Ý" in texts and "chưa báo cáo" in texts, "a unit without a figure is listed")
    texts = svg_texts(os.path.join(d, "units-%d-district.svg" % ids["TCH-YES"]))
    check("Có" in texts and "Không" in texts, "yes/no answers shown as Có/Không")
    texts = svg_texts(os.path.join(d, "pillar-test_charts_a.svg"))
    check("Lĩnh vực thử nghiệm biểu đồ Âu Lạc" in texts, "pillar title")
    check(any(t.startswith("chưa có mục tiêu") for t in texts), "an indicator without a target is said so")
    texts = svg_texts(os.path.join(d, "unit-%d.svg" % uids["TEST-CH-S1"]))
    check("Sở Thử nghiệm Khoa học và Đổi mới" in texts, "unit chart title")
    check(any("TP" in t for t in texts), "the city's progress beside the unit's")
    texts = svg_texts(os.path.join(d, "status.svg"))
    for u in ("Quận Thử Nghiệm Hải Âu", "Sở Thử nghiệm Giao thông Vận tải", "Xã Thử nghiệm Mới Lập"):
        check(u in texts, "status heatmap row for %s" % u)
    check("Phường Thử nghiệm Đã Sáp Nhập" not in texts, "a unit abolished before the period has no row")
    check("+5" in texts and "✓" in texts and "✗" in texts, "cells marked for black-and-white readers")
    texts = svg_texts(os.path.join(d, "ranking-district.svg"))
    check(any(t.startswith("1. Quận Thử Nghiệm Hải Âu") for t in texts), "ranking with the rank")


@test
def pngs_are_pngs():
    st = drawn()
    d = pdir(st["period"])
    pngs = [f for f in os.listdir(d) if f.endswith(".png")]
    check(len(pngs) == 2 + 4 + 1 + 3, "PNG count: %s" % sorted(pngs))
    for f in pngs:
        w, h = png_size(os.path.join(d, f))
        check(600 <= w <= 3000 and 150 <= h <= 4000, "%s: %dx%d" % (f, w, h))


@test
def status_cells():
    st = drawn()
    d = pdir(st["period"])
    rows = read_csv(os.path.join(d, "status.csv"))
    head = rows[0]
    check(head[:3] == ["Mã đơn vị", "Đơn vị", "Loại đơn vị"], "status.csv header: %r" % head)
    check(head[3:] == ["Quý %d/%d" % (s, y) for y, s in QUARTERS[:CUR + 1]], "quarters, oldest first: %r" % head)
    by = {r[0]: r for r in rows[1:]}
    cur, q6, q5 = 3 + CUR, 3 + 6, 3 + 5

    def v(u, col):
        return by[u][col]

    check(v("TEST-CH-D1", cur).startswith("Đúng hạn"), "on time: %r" % v("TEST-CH-D1", cur))
    check(v("TEST-CH-D2", cur).startswith("Muộn 3 ngày"), "late 3 days: %r" % v("TEST-CH-D2", cur))
    check(v("TEST-CH-S2", cur).startswith("Muộn 5 ngày"), "submitted, not accepted, late: %r" % v("TEST-CH-S2", cur))
    check(v("TEST-CH-S2", q5) == "Chưa nộp", "no form: %r" % v("TEST-CH-S2", q5))
    check(v("TEST-CH-X1", cur) == "Chưa nộp (bản nháp)", "a draft is missing: %r" % v("TEST-CH-X1", cur))
    check(v("TEST-CH-X1", q6) == "Chưa nộp (bị trả lại)", "returned is missing: %r" % v("TEST-CH-X1", q6))
    check(v("TEST-CH-D1", q6).startswith("Đúng hạn"), "23:59 in Hanoi on the due date is on time")
    check(v("TEST-CH-S1", q6).startswith("Muộn 1 ngày"), "00:30 in Hanoi the day after is late: %r"
          % v("TEST-CH-S1", q6))
    check(v("TEST-CH-X3", 3) == "" and v("TEST-CH-X3", 3 + 4).startswith("Đúng hạn"),
          "a unit set up in 2061 has no cell before")
    check("TEST-CH-X2" not in by, "an abolished unit is not a row")
    check(by["TEST-CH-X1"][1] == "'=1+1 Xã Thử nghiệm Đồng Ý", "a leading = is neutralised in the CSV: %r"
          % by["TEST-CH-X1"][1])


@test
def figures_as_csv():
    st = drawn()
    d = pdir(st["period"])
    rows = read_csv(os.path.join(d, "trend-%d.csv" % st["ids"]["TCH-PCT"]))
    check(rows[0][:4] == ["Kỳ báo cáo", "Giá trị (%)", "Mục tiêu", "Tiến độ (%)"], "trend CSV header %r" % rows[0])
    check(len(rows) == 1 + CUR + 1, "one row per quarter")
    check(rows[-1][:4] == ["Quý 4/2061", "85", "90", "94.4"], "last quarter: %r" % rows[-1])
    check(rows[-1][4] == "Đúng tiến độ", "mark of 94 %% with dashboard_on_track 0.9: %r" % rows[-1][4])
    rows = read_csv(os.path.join(d, "pillar-test_charts_b.csv"))
    codes = [r[0] for r in rows[1:]]
    check(codes == ["TCH-YES", "TCH-DOWN"], "pillar CSV rows: %r" % codes)
    down = rows[2]
    check(down[5] == "125.0" and down[6] == "Đạt mục tiêu", "lower is better: 4 against 5 is met: %r" % down)
    rows = read_csv(os.path.join(d, "ranking-commune.csv"))
    check(rows[1][:3] == ["1", "TEST-CH-X3", "Xã Thử nghiệm Mới Lập"], "ranking CSV: %r" % rows[1])
    rows = read_csv(os.path.join(d, "briefing-summary.csv"))
    check([r[0] for r in rows[1:]] == ["TCH-PCT", "TCH-YES"], "headline indicators: one per pillar: %r" % rows)


@test
def names_are_inert():
    st = drawn()
    d = pdir(st["period"])
    no_pwned()
    ids, uids = st["ids"], st["uids"]
    joined = " ".join(svg_texts(os.path.join(d, "trend-%d.svg" % ids["TCH-EVIL"])))
    check(clean(EVIL_IND) in joined, "the evil indicator name literally in its trend: %r" % joined[-300:])
    joined = " ".join(svg_texts(os.path.join(d, "unit-%d.svg" % uids["TEST-CH-D2"])))
    check(clean(EVIL_UNIT) in joined, "the evil unit name literally in its chart")
    joined = " ".join(svg_texts(os.path.join(d, "pillar-test_charts_b.svg")))
    check(clean(PILLARS["test_charts_b"][0]) in joined, "the evil pillar name literally")
    with open(os.path.join(d, "trend-%d.tsv" % ids["TCH-EVIL"]), encoding="utf-8") as f:
        data = f.read()
    check('system(\\042touch' in data and "a\\\\nb" in data, "quotes and backslashes escaped for gnuplot")
    with open(os.path.join(d, "charts.gp"), "rb") as f:
        script = f.read()
    check(all(b < 0x80 for b in script), "the script holds no Vietnamese text (nor any other non-ASCII)")
    text = script.decode()
    for bad in ("`", "system", "TCH-", "TEST-CH", "pwned", "touch", "$(", "@"):
        check(bad not in text, "the script contains %r" % bad)
    # every quoted string is a file name the job made, a colour, a font or a format
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        for m in re.finditer(r"'([^']*)'|\"((?:[^\"\\]|\\.)*)\"", line):
            s = m.group(1) if m.group(1) is not None else m.group(2)
            ok = (s == "" or s in (",", "white", "\\t", "%g %%")
                  or re.fullmatch(r"[a-z][a-z0-9_-]*\.(tsv|svg|png|pdf)", s)
                  or re.fullmatch(r"#[0-9A-F]{6}", s)
                  or re.fullmatch(r"(DejaVu Sans(:Bold)?)?,\d+", s))
            check(ok, "a quoted string in the script that is no file, colour, font or format: %r" % s)


@test
def briefing_pack():
    st = drawn()
    d = pdir(st["period"])
    path = os.path.join(d, "briefing.pdf")
    with open(os.path.join(d, "status.csv"), encoding="utf-8-sig") as f:
        status = list(csv.reader(f))
    late = sum(1 for r in status[1:] if r[3 + CUR].startswith(("Muộn", "Chưa nộp")))
    late_pages = max(1, (late + 19) // 20)
    # cover, summary, 1 page of 2 headline trends, 1 page of 2 pillars, heatmap,
    # late units, 3 rankings
    want = 1 + 1 + 1 + 1 + 1 + late_pages + 3
    pages = pdf_pages(path)
    check(pages == want, "briefing has %d pages, expected %d" % (pages, want))
    p = pdf_text(path, 1)
    for s in ("TÀI LIỆU HỌP BAN CHỈ ĐẠO", "Kỳ báo cáo: Quý 4/2061", "Ngày lập:", "Nội dung"):
        check(s in p, "cover: %r missing in %r" % (s, p[:300]))
    p = pdf_text(path, 2)
    for s in ("1. Tóm tắt các chỉ tiêu chính", "Tỷ lệ hồ sơ thử nghiệm được xử lý trực tuyến",
              "Đơn vị thử nghiệm có cổng dữ liệu mở", "85 %", "Đúng tiến độ", "Chậm tiến độ"):
        check(s in p, "summary: %r missing in %r" % (s, p[:400]))
    check("2. Diễn biến các chỉ tiêu chính" in pdf_text(path, 3), "headline charts page")
    p = pdf_text(path, 4)
    check("3. Tiến độ theo lĩnh vực" in p and "Lĩnh vực thử nghiệm biểu đồ Âu Lạc" in p
          and clean(PILLARS["test_charts_b"][0]) in p, "pillar page: %r" % p[:300])
    p = pdf_text(path, 5)
    check("4. Tình hình nộp báo cáo" in p and "Quận Thử Nghiệm Hải Âu" in p, "heatmap page")
    p = " ".join(pdf_text(path, 6 + i) for i in range(late_pages))
    check("đơn vị nộp muộn, chưa nộp" in p, "late units page title")
    check("Sở Thử nghiệm Giao thông Vận tải" in p and "Nộp muộn 5 ngày" in p, "a late unit listed: %r" % p[:400])
    check("=1+1 Xã Thử nghiệm Đồng Ý" in p and "Chưa nộp (còn bản nháp)" in p, "a missing unit listed")
    first_rank = 6 + late_pages
    for i, kind in enumerate(("Quận, huyện", "Sở, ban, ngành", "Xã, phường, đặc khu")):
        p = pdf_text(path, first_rank + i)
        check("5. Xếp hạng đơn vị: " + kind in p, "ranking page %d: %r" % (first_rank + i, p[:200]))
    no_pwned()


@test
def one_gnuplot_process():
    st = drawn()
    r = st["out"]
    lines = [l for l in r.stdout.splitlines() if l.startswith("charts: period %d " % st["period"])]
    check(len(lines) == 1 and "1 gnuplot process" in lines[0], "progress line: %r" % r.stdout)
    check(re.search(r"done: 1 period drawn, 0 failed, .* 1 gnuplot process,", r.stdout), "summary: %r" % r.stdout)
    check("gnuplot said" not in r.stdout, "gnuplot warned: %r" % r.stdout)
    if st["trace"] is None:
        return  # no strace here: the job's own count above has to do
    with open(st["trace"]) as f:
        trace = f.read()
    os.unlink(st["trace"])
    execs = re.findall(r'execve\("([^"]*)", \[[^]]*\], [^)]*\) = 0', trace)
    gp = [e for e in execs if os.path.basename(e) == "gnuplot"]
    check(len(gp) == 1, "gnuplot started %d times: %s" % (len(gp), execs))
    others = [e for e in execs if os.path.basename(e) not in ("gnuplot", os.path.basename(BIN))]
    check(not others, "other programs run: %s" % others)


@test
def rerun_replaces_and_due():
    st = drawn()
    d = pdir(st["period"])
    before = os.stat(os.path.join(d, "briefing.pdf")).st_ino
    r = job("--period", str(st["period"]))
    check(r.returncode == 0, "second run: %s" % r.stderr)
    check(os.stat(os.path.join(d, "briefing.pdf")).st_ino != before, "the briefing pack is drawn anew")
    # --due draws what is missing or older than its aggregation: whatever else on
    # this stack is out of date too, so only this period's lines are looked at
    job("--due")
    r = job("--due")
    drawn_ids = re.findall(r"^charts: period (\d+) \(", r.stdout, re.M)
    check(str(st["period"]) not in drawn_ids, "--due redrew an up-to-date period: %r" % r.stdout)
    sql("INSERT INTO agg_run (period_id, started_at, finished_at, status, statuses) VALUES "
        "(%d, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'done', 'submitted,accepted')" % st["period"])
    r = job("--due")
    drawn_ids = re.findall(r"^charts: period (\d+) \(", r.stdout, re.M)
    check(str(st["period"]) in drawn_ids, "--due after a new aggregation run of the period: %r" % r.stdout)
    with open(os.path.join(d, ".stamp")) as f:
        stamp = int(f.read())
    newest = int(sql("SELECT MAX(id) FROM agg_run WHERE period_id = %d" % st["period"])[0][0])
    check(stamp == newest, "the stamp records the run drawn: %d, %d" % (stamp, newest))


@test
def not_due_yet():
    st = setup()
    pid = st["future"]
    sql("INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, unit_id, value, target, progress, "
        "units_reporting, units_asked, completeness) VALUES (%d, %d, 'city', '', 0, 91, 90, 1.011111, 1, 6, "
        "0.166667)" % (pid, st["ids"]["TCH-PCT"]))
    r = job("--period", str(pid))
    check(r.returncode == 0, "future period: %s %s" % (r.stdout, r.stderr))
    rows = read_csv(os.path.join(pdir(pid), "status.csv"))
    by = {row[0]: row for row in rows[1:]}
    check(by["TEST-CH-D1"][-1].startswith("Đúng hạn"), "submitted before the due date")
    check(by["TEST-CH-S1"][-1] == "Chưa đến hạn", "not submitted, not due yet: %r" % by["TEST-CH-S1"][-1])
    p = " ".join(pdf_text(os.path.join(pdir(pid), "briefing.pdf"), n)
                 for n in range(1, pdf_pages(os.path.join(pdir(pid), "briefing.pdf")) + 1))
    check("chưa đến hạn" in p, "the pack says who has not submitted yet")
    check("Kỳ này chưa có điểm xếp hạng" in p, "a period without scores says so")


def conf_with(extra):
    tmp = tempfile.mkdtemp(prefix="charts-conf-")
    path = os.path.join(tmp, "egov.conf")
    with open(CONF) as f, open(path, "w") as g:
        os.chmod(path, 0o600)
        g.write(f.read() + "\n" + extra + "\n")
    return tmp, path


@test
def gnuplot_failure():
    st = drawn()
    d = pdir(st["period"])
    with open(os.path.join(d, "index.tsv"), "rb") as f:
        index = f.read()
    with open(os.path.join(d, "status.svg"), "rb") as f:
        status = f.read()
    tmp, conf = conf_with("")
    try:
        fake = os.path.join(tmp, "fake-gnuplot")
        with open(fake, "w") as f:
            # writes half a chart, then fails the way gnuplot does
            f.write("#!/bin/sh\nprintf '<svg' > status.svg\necho '\"charts.gp\" line 9: invalid command' >&2\nexit 1\n")
        os.chmod(fake, 0o755)
        with open(conf, "a") as f:
            f.write("gnuplot = %s\n" % fake)
        r = job("--period", str(st["period"]), conf=conf)
        check(r.returncode == 1, "a failing gnuplot gives exit 1, not %d" % r.returncode)
        check("gnuplot failed with exit status 1" in r.stderr and "invalid command" in r.stderr,
              "the message says why: %r" % r.stderr)
        with open(os.path.join(d, "status.svg"), "rb") as f:
            check(f.read() == status, "the published chart was replaced by a failed run")
        with open(os.path.join(d, "index.tsv"), "rb") as f:
            check(f.read() == index, "the index was replaced by a failed run")
        check(not [f for f in os.listdir(d) if f.startswith(".build-")], "a failed run left its build directory")
        with open(conf, "a") as f:
            f.write("gnuplot = %s/no-such-gnuplot\n" % tmp)
        r = job("--period", str(st["period"]), conf=conf)
        check(r.returncode == 1 and "cannot run gnuplot" in r.stderr, "gnuplot missing: %r" % r.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@test
def usage_and_unknown_period():
    r = job()
    check(r.returncode == 2 and "usage:" in r.stderr, "no mode: %r" % r.stderr)
    r = job("--period", "abc")
    check(r.returncode != 0 and "expected a period id" in r.stderr, "bad id: %r" % r.stderr)
    r = job("--period", "999999999")
    check(r.returncode == 1 and "no aggregated figures" in r.stderr, "unknown period: %r" % r.stderr)


@test
def sanitizers_quiet():
    st = drawn()
    err = st["out"].stderr
    check("ERROR: AddressSanitizer" not in err and "runtime error:" not in err, "sanitizer report: %s" % err[:2000])


@test
def cleanup_at_end():
    """Last: removes the fixture, so other suites never see 2060s periods."""
    if os.environ.get("CHARTS_KEEP") == "1":
        return
    cleanup()
    check(not sql("SELECT id FROM period WHERE year BETWEEN 2060 AND 2069"), "periods left")
    no_pwned()


run()
