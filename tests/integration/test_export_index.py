"""The per-index exports (/export/index, index.xlsx, index.zip, index.json
and `egov-export index`) against a fixture index of our own: the city sheet
in the official criteria layout with values, units of measure, source units
and evidence links; a sheet per kind of unit; the metadata sheet; a
criterion without indicators shown as a gap in all three formats; several
indicators of one criterion as rows of their own; the index's own order
(1.2 before 1.10); full precision; formula neutralisation in CSV; XLSX read
by openpyxl and by LibreOffice; roles, bad choices, the audit trail and the
command line.

Own users t.ix.*; own units TEST-IX-*; own inactive indicators TEST-IX-*
(never asked in a form); own index TIXEXP / version TIXEXP2087; own periods
Q1..Q3/2087 (Q3 without aggregated data)."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal

from egov import ROOT, VAR, Client, check, ensure_period, ensure_user, run, sql, test

try:
    import openpyxl
except ImportError:
    # Debian's python3-openpyxl when python3 is another build
    sys.path.append("/usr/lib/python3/dist-packages")
    import openpyxl

PW = "password123"
BUILD = os.environ.get("TEST_BUILD", "build")
VERSION = "TIXEXP2087"
GAP = "Chưa có chỉ tiêu nguồn"
F = {}

UNITS = [("TEST-IX-D1", "+Phường Thử Chỉ Số", "district"),
         ("TEST-IX-S1", "@Sở Thử Chỉ Số", "department"),
         ("TEST-IX-C1", "Xã Thử Chỉ Số, \"Một\"", "commune")]
# code, parent code, name, max points, unit kinds, verified, sort
CRITERIA = [("1", None, "Nhóm chỉ số thử nghiệm", "100.00", "department,district,commune", 1, 1),
            ("1.1", "1", "Tỷ lệ thử có \"ngoặc\", phẩy", "20.50", "department,district,commune", 1, 1),
            ("1.10", "1", "Chỉ số thứ mười", "5.00", "district", 1, 10),
            ("1.2", "1", "=cmd|' /C calc'!A0 tiêu chí", None, "district", 0, 2),
            ("2", None, "-Chỉ số âm, \"thử\"", "7.25", "department", 1, 2)]
# criterion, indicator, factor, offset, uom, verified
MAPS = [("1.1", "TEST-IX-A", "1", "0", None, 1),
        ("1.1", "TEST-IX-B", "100", "0.5", "điểm", 1),
        ("1.10", "TEST-IX-B", "1", "0", None, 0)]
# city values in Q2 (the exported period) and Q1 (a year must not pick it)
CITY = {("q2", "TEST-IX-A"): "12.345678", ("q2", "TEST-IX-B"): "0.123457",
        ("q1", "TEST-IX-A"): "1.000000", ("q1", "TEST-IX-B"): "2.000000"}
UNIT_VALUES = {("TEST-IX-D1", "TEST-IX-A"): "12345678901234.123456", ("TEST-IX-D1", "TEST-IX-B"): "0.333333",
               ("TEST-IX-S1", "TEST-IX-A"): "7.000001", ("TEST-IX-C1", "TEST-IX-A"): None}


def q(s):
    return "NULL" if s is None else "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def one(query):
    return sql(query)[0][0]


def setup():
    if F:
        return F
    for code, name, kind in UNITS:
        sql("INSERT INTO unit (code, name, kind, note) VALUES (%s, %s, '%s', 'test') "
            "ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind)" % (q(code), q(name), kind))
    F["units"] = {c: int(one("SELECT id FROM unit WHERE code = '%s'" % c)) for c, _, _ in UNITS}
    F["wg"] = ensure_user("t.ix.wg", "-", roles="wg", password=PW, name="Phạm Thị Chỉ Số")
    F["officer"] = ensure_user("t.ix.officer", "TEST-IX-D1", roles="officer", password=PW)
    F["deputy"] = ensure_user("t.ix.deputy", "-", roles="deputy", password=PW)
    pillar = one("SELECT code FROM pillar ORDER BY sort, code LIMIT 1")
    for code, name in (("TEST-IX-A", "Chỉ tiêu thử A: tỷ lệ hồ sơ trực tuyến"),
                       ("TEST-IX-B", "Chỉ tiêu thử B: số cuộc họp")):
        sql("INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, unit_kinds, aggregation, "
            "required, active) VALUES (%s, %s, 'Test indicator', %s, '%%', 'decimal', "
            "'department,district,commune', 'mean', 0, 0) ON DUPLICATE KEY UPDATE name = VALUES(name), "
            "active = 0" % (q(code), q(name), q(pillar)))
    F["ind"] = {c: int(one("SELECT id FROM indicator WHERE code = '%s'" % c)) for c in ("TEST-IX-A", "TEST-IX-B")}
    F["q1"] = ensure_period("Q", 2087, 1)
    F["q2"] = ensure_period("Q", 2087, 2)
    F["q3"] = ensure_period("Q", 2087, 3)
    periods = "%d, %d, %d" % (F["q1"], F["q2"], F["q3"])
    sql("DELETE FROM agg_value WHERE period_id IN (%s)" % periods)
    sql("DELETE FROM agg_run WHERE period_id IN (%s)" % periods)

    # the index, rebuilt from nothing at every run
    sql("INSERT IGNORE INTO nat_index (code, name, name_en, sort) VALUES "
        "('TIXEXP', 'Chỉ số thử nghiệm xuất dữ liệu', 'Test export index', 99)")
    old = sql("SELECT id FROM index_version WHERE code = '%s'" % VERSION)
    if old:
        v = int(old[0][0])
        sql("DELETE ci FROM criterion_indicator ci JOIN index_criterion c ON c.id = ci.criterion_id "
            "WHERE c.version_id = %d" % v)
        sql("UPDATE index_criterion SET parent_id = NULL WHERE version_id = %d" % v)
        sql("DELETE FROM index_criterion WHERE version_id = %d" % v)
        sql("DELETE FROM index_version WHERE id = %d" % v)
    sql("INSERT INTO index_version (index_code, code, name, decision, year_from, verified) VALUES "
        "('TIXEXP', '%s', 'Bộ chỉ số thử 2087 <i>&</i>', '01/QĐ-THỬ ngày 02/01/2087', 2087, 1)" % VERSION)
    F["version"] = v = int(one("SELECT id FROM index_version WHERE code = '%s'" % VERSION))
    crit = {}
    for code, parent, name, mx, kinds, verified, sort in CRITERIA:
        sql("INSERT INTO index_criterion (version_id, parent_id, code, name, max_points, scoring_text, "
            "evidence_text, data_source, verifier, unit_kinds, verified, sort) VALUES (%d, %s, %s, %s, %s, "
            "%s, %s, 'Báo cáo của đơn vị', 'Sở Nội vụ', '%s', %d, %d)"
            % (v, str(crit[parent]) if parent else "NULL", q(code), q(name), mx or "NULL",
               q("Cách tính điểm của " + code), q("Văn bản kiểm chứng " + code), kinds, verified, sort))
        crit[code] = int(one("SELECT id FROM index_criterion WHERE version_id = %d AND code = '%s'" % (v, code)))
    F["crit"] = crit
    for c, ind, factor, off, uom, verified in MAPS:
        sql("INSERT INTO criterion_indicator (criterion_id, indicator_id, factor, offset_value, uom, note, "
            "verified) VALUES (%d, %d, %s, %s, %s, NULL, %d)" % (crit[c], F["ind"][ind], factor, off, q(uom),
                                                                  verified))

    # aggregated values as egov-aggregate leaves them
    for (p, ind), value in CITY.items():
        sql("INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, unit_id, value, units_reporting, "
            "units_asked) VALUES (%d, %d, 'city', '', 0, %s, 2, 3)" % (F[p], F["ind"][ind], value))
    for (u, ind), value in UNIT_VALUES.items():
        for p in ("q1", "q2"):
            sql("INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, unit_id, value, "
                "units_reporting, units_asked) VALUES (%d, %d, 'unit', '', %d, %s, %d, 1)"
                % (F[p], F["ind"][ind], F["units"][u], value or "NULL", 0 if value is None else 1))
    sql("INSERT INTO agg_run (period_id, started_at, finished_at, status, statuses, values_read) VALUES "
        "(%d, '2087-06-20 03:04:00', '2087-06-20 03:04:05', 'done', 'submitted,accepted', 5)" % F["q2"])

    # figures and evidence: D1's accepted form counts, S1's draft does not
    officer = F["officer"]
    for u, status in (("TEST-IX-D1", "accepted"), ("TEST-IX-S1", "draft")):
        sql("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, updated_by, "
            "submitted_at, submitted_by) VALUES (%d, %d, '%s', '2087-06-01 01:00:00', %d, '2087-06-01 01:00:00', "
            "%d, '2087-06-10 01:00:00', %d)" % (F["units"][u], F["q2"], status, officer, officer, officer))
        sid = int(one("SELECT id FROM submission WHERE unit_id = %d AND period_id = %d" % (F["units"][u], F["q2"])))
        sql("INSERT INTO figure (submission_id, indicator_id, num_value, updated_at, updated_by) VALUES "
            "(%d, %d, 12.345678, UTC_TIMESTAMP(), %d)" % (sid, F["ind"]["TEST-IX-A"], officer))
        F["ev_" + u] = []
        for deleted in (0, 1):
            sql("INSERT INTO evidence (submission_id, indicator_id, unit_id, stored_name, original_name, "
                "content_type, size_bytes, sha256, uploaded_by, uploaded_at, deleted) VALUES (%d, %d, %d, "
                "SHA2(RAND(), 256), 'bien-ban.pdf', 'application/pdf', 10, SHA2('x', 256), %d, UTC_TIMESTAMP(), %d)"
                % (sid, F["ind"]["TEST-IX-A"], F["units"][u], officer, deleted))
            F["ev_" + u].append(int(one("SELECT MAX(id) FROM evidence WHERE submission_id = %d" % sid)))
    return F


def link(evidence_id):
    """The evidence link as the export writes it: base_url from the stack's
    configuration, when set, before the path."""
    base = ""
    with open(os.path.join(VAR, "egov.conf"), encoding="utf-8") as f:
        for line in f:
            k, _, v = line.partition("=")
            if k.strip() == "base_url":
                base = v.strip().rstrip("/")
    return "%s/review/evidence?id=%d" % (base, evidence_id)


def wg():
    if "wgc" not in F:
        F["wgc"] = Client().login_ok("t.ix.wg", PW)
    return F["wgc"]


def url(fmt, **kw):
    args = {"version": VERSION}
    args.update(kw)
    return "/export/index.%s?%s" % (fmt, "&".join("%s=%s" % kv for kv in args.items()))


def fetch(fmt, **kw):
    if not kw:
        kw = {"year": 2087}
    r = wg().get(url(fmt, **kw))
    check(r.status == 200, "%s: %d %s" % (fmt, r.status, r.text[:300]))
    check("attachment" in (r.header("Content-Disposition") or ""), "not a download")
    check(r.header("Content-Length") == str(len(r.body)), "length")
    return r


# ---- what the database says the sheets must hold ----

def expected_city():
    """(criterion code, indicator code or None) -> (converted value or None,
    criterion name) in the index's order: criteria by the tree, each
    criterion's indicators in rows of their own."""
    rows = sql("SELECT c.code, HEX(c.name), COALESCE(i.code, ''), COALESCE(a.value * ci.factor + ci.offset_value, '') "
               "FROM index_criterion c LEFT JOIN criterion_indicator ci ON ci.criterion_id = c.id "
               "LEFT JOIN indicator i ON i.id = ci.indicator_id LEFT JOIN agg_value a ON a.period_id = %d "
               "AND a.indicator_id = i.id AND a.scope = 'city' WHERE c.version_id = %d"
               % (F["q2"], F["version"]))
    return {(r[0], r[2] or None): (Decimal(r[3]) if r[3] else None, bytes.fromhex(r[1]).decode()) for r in rows}


def expected_units():
    """(criterion, unit code, indicator) -> converted unit value or None"""
    rows = sql("SELECT c.code, u.code, i.code, COALESCE(a.value * ci.factor + ci.offset_value, '') "
               "FROM index_criterion c JOIN criterion_indicator ci ON ci.criterion_id = c.id "
               "JOIN indicator i ON i.id = ci.indicator_id JOIN agg_value a ON a.period_id = %d "
               "AND a.indicator_id = i.id AND a.scope = 'unit' JOIN unit u ON u.id = a.unit_id "
               "WHERE c.version_id = %d AND FIND_IN_SET(u.kind, c.unit_kinds)" % (F["q2"], F["version"]))
    return {(r[0], r[1], r[2]): (Decimal(r[3]) if r[3] else None) for r in rows}


ORDER = ["1", "1.1", "1.1", "1.2", "1.10", "2"]
CITY_HEAD = ["STT", "Chỉ số / chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm", "Tài liệu kiểm chứng",
             "Nguồn thu thập dữ liệu", "Đơn vị phối hợp xác minh số liệu", "Mã chỉ tiêu nguồn", "Chỉ tiêu nguồn",
             "Giá trị", "Đơn vị tính", "Đơn vị nguồn", "Minh chứng", "Tình trạng", "Xác minh", "Ghi chú"]
KIND_HEAD = ["STT", "Chỉ số / chỉ số thành phần", "Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu nguồn", "Chỉ tiêu nguồn",
             "Giá trị", "Đơn vị tính", "Minh chứng", "Tình trạng", "Xác minh", "Ghi chú"]
SHEETS = ["Thành phố", "Sở, ban, ngành", "Quận, huyện, phường", "Xã, phường, thị trấn", "Thông tin"]


def num(v):
    """A cell's number as an exact Decimal: from text, an int or a float
    (through repr, the shortest text that reads back the same)."""
    if v is None or v == "":
        return None
    if isinstance(v, float):
        return Decimal(repr(v))
    return Decimal(str(v))


def unneutral(s):
    return s[1:] if isinstance(s, str) and s[:2] in ("'=", "'+", "'-", "'@") else s


def check_city(rows, neutralised=False):
    """rows: the city sheet without its header, cells as str/number/None"""
    exp = expected_city()
    check([r[0] for r in rows] == ORDER, "order %r" % [r[0] for r in rows])
    text = (lambda s: unneutral(s)) if neutralised else (lambda s: s)
    for r in rows:
        key = (r[0], r[7] or None)
        check(key in exp, "unexpected row %r" % (key,))
        value, name = exp[key]
        check(text(r[1]) == name, "criterion name %r != DB %r" % (r[1], name))
        check(num(r[9]) == value, "%r: value %r != DB %r" % (key, r[9], value))
    by = {(r[0], r[7] or None): r for r in rows}
    # the gap leaves, never the heading
    for code in ("1.2", "2"):
        check(by[(code, None)][13] == GAP, "gap %s: %r" % (code, by[(code, None)][13]))
    check(not by[("1", None)][13], "heading shown as a gap: %r" % by[("1", None)][13])
    check(by[("1.2", None)][14] == "Chưa xác minh" and by[("1.10", "TEST-IX-B")][14] == "Chưa xác minh",
          "unverified not shown")
    check(by[("1.1", "TEST-IX-A")][14] == "Đã xác minh", "verified %r" % by[("1.1", "TEST-IX-A")][14])
    a = by[("1.1", "TEST-IX-A")]
    check(num(a[9]) == Decimal("12.345678"), "full precision lost: %r" % a[9])
    check(num(by[("1.1", "TEST-IX-B")][9]) == Decimal("12.8457"), "conversion %r" % by[("1.1", "TEST-IX-B")][9])
    check(num(a[2]) == Decimal("20.5"), "max points %r" % a[2])
    check(a[10] == "%" and by[("1.1", "TEST-IX-B")][10] == "điểm", "uom %r" % a[10])
    check(text(a[11]) == "+Phường Thử Chỉ Số", "source units %r (a draft counted?)" % a[11])
    check(a[12] == link(F["ev_TEST-IX-D1"][0]), "evidence %r" % a[12])
    check(a[6] == "Sở Nội vụ" and a[3] == "Cách tính điểm của 1.1", "official columns %r" % (a[:7],))


def check_kinds(sheets, neutralised=False):
    """sheets: {kind: rows without header}"""
    exp = expected_units()
    names = {c: n for c, n, _ in UNITS}
    text = (lambda s: unneutral(s)) if neutralised else (lambda s: s)
    got = {}
    for kind, rows in sheets.items():
        for r in rows:
            if r[2]:
                got[(r[0], r[2], r[4])] = num(r[6])
                check(text(r[3]) == names[r[2]], "unit name %r" % r[3])
    check(got == exp, "unit values %r != DB %r" % (got, exp))
    d = sheets["district"]
    check([r[0] for r in d] == ["1", "1.1", "1.1", "1.2", "1.10"], "district order %r" % [r[0] for r in d])
    check([r[9] for r in d if r[0] == "1.2"] == [GAP], "district gap row")
    check([r[9] for r in sheets["department"] if r[0] == "2"] == [GAP], "department gap row")
    check(not any(r[0] == "1.2" for r in sheets["department"]), "1.2 is for districts only")
    s1 = [r for r in sheets["department"] if r[2] == "TEST-IX-S1"][0]
    check(not s1[8], "a draft's evidence listed: %r" % s1[8])
    d1 = [r for r in d if r[2] == "TEST-IX-D1" and r[4] == "TEST-IX-A"][0]
    check(d1[8] == link(F["ev_TEST-IX-D1"][0]), "unit evidence %r" % d1[8])
    c1 = [r for r in sheets["commune"] if r[2] == "TEST-IX-C1"][0]
    check(c1[6] in (None, "") and c1[9] == "Chưa có số liệu", "commune without figures %r" % (c1,))


def check_meta(meta, by_year=True):
    check(meta.get("Kỳ báo cáo") == "Quý 2/2087", "meta period %r" % meta.get("Kỳ báo cáo"))
    if by_year:
        check("Năm 2087" in meta.get("Cách chọn kỳ", "") and "quý cuối" in meta["Cách chọn kỳ"], "meta choice")
    else:
        check(meta.get("Cách chọn kỳ") == "Kỳ được chọn trực tiếp", "meta choice %r" % meta.get("Cách chọn kỳ"))
    window = sql("SELECT DATE_FORMAT(cutoff_start, '%%d/%%m/%%Y'), DATE_FORMAT(cutoff_end, '%%d/%%m/%%Y') "
                 "FROM period WHERE id = %d" % F["q2"])[0]
    check(meta.get("Thời gian chốt số liệu") == "%s – %s" % tuple(window), "meta window %r" % meta)
    check(VERSION in meta.get("Phiên bản", "") and "Bộ chỉ số thử 2087" in meta["Phiên bản"], "meta version")
    check(meta.get("Quyết định") == "01/QĐ-THỬ ngày 02/01/2087", "meta decision")
    check("TIXEXP" in meta.get("Chỉ số", ""), "meta index")
    check("t.ix.wg" in meta.get("Người xuất", ""), "meta by %r" % meta.get("Người xuất"))
    check(re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d$", meta.get("Thời điểm xuất (giờ Việt Nam)", "")), "meta when")
    check(meta.get("Trạng thái báo cáo được tính") == "submitted,accepted", "meta statuses")
    # 03:04 UTC is 10:04 in Hanoi
    check(meta.get("Lần tổng hợp gần nhất (giờ Việt Nam)", "").startswith("20/06/2087 10:04"), "meta run %r" % meta)
    check(meta.get("Chỉ số chưa có chỉ tiêu nguồn") == "2: 1.2, 2", "meta gaps %r" % meta)
    check(meta.get("Chỉ số chưa xác minh") == "2: 1.2, 1.10", "meta unverified %r" % meta)


# ---- the tests ----

@test
def roles_and_login():
    setup()
    anon = Client()
    for path in ("/export/index", url("xlsx", year=2087)):
        r = anon.get(path)
        check(r.status == 303 and r.header("Location") == "/login", "anonymous %s: %d" % (path, r.status))
    for login in ("t.ix.officer", "t.ix.deputy"):
        c = Client().login_ok(login, PW)
        for path in ("/export/index", url("xlsx", year=2087), url("zip", year=2087), url("json", year=2087)):
            r = c.get(path)
            check(r.status == 403, "%s %s: %d" % (login, path, r.status))
    r = wg().post("/export/index.xlsx", {"version": VERSION, "year": "2087"})
    check(r.status in (403, 405), "POST: %d" % r.status)


@test
def page_lists_choices():
    setup()
    r = wg().get("/export/index")
    check(r.status == 200, "page: %d" % r.status)
    for needle in ('value="%s"' % VERSION, 'value="%d"' % F["q2"], 'value="2087"', 'formaction="/export/index.zip"',
                   'formaction="/export/index.json"', 'action="/export/index.xlsx"', "Quý 2/2087",
                   '<label for="period">', '<label for="year">'):
        check(needle in r.text, "page lacks %s" % needle)
    check('value="%d"' % F["q3"] not in r.text, "a period without aggregated data is offered")
    check("Bộ chỉ số thử 2087 &lt;i&gt;&amp;&lt;/i&gt;" in r.text and "<i>&" not in r.text, "name not escaped")
    home = wg().get("/export/")
    check('href="/export/index"' in home.text, "no link from /export/")


@test
def xlsx_by_year_matches_db():
    setup()
    r = fetch("xlsx")
    check(r.header("Content-Type").startswith("application/vnd.openxmlformats"), "type")
    check("chi-so-TIXEXP2087-nam-2087.xlsx" in r.header("Content-Disposition"), r.header("Content-Disposition"))
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
        f.write(r.body)
        f.flush()
        wb = openpyxl.load_workbook(f.name, read_only=True)
        check(wb.sheetnames == SHEETS, "sheets %r" % wb.sheetnames)
        sheets = {n: [list(x) for x in wb[n].iter_rows(values_only=True)] for n in wb.sheetnames}
        ws = openpyxl.load_workbook(f.name)["Thành phố"]
        check(ws["A2"].value == "1" and ws["A2"].font.b and not ws["A3"].font.b, "main index not bold")
    city = sheets["Thành phố"]
    check(city[0] == CITY_HEAD, "city header %r" % city[0])
    check_city(city[1:])
    check(sheets["Quận, huyện, phường"][0] == KIND_HEAD, "kind header")
    check_kinds({"department": sheets["Sở, ban, ngành"][1:], "district": sheets["Quận, huyện, phường"][1:],
                 "commune": sheets["Xã, phường, thị trấn"][1:]})
    # more digits than a double keeps: text, never rounded
    d1 = [x for x in sheets["Quận, huyện, phường"] if x[2] == "TEST-IX-D1" and x[4] == "TEST-IX-A"][0]
    check(d1[6] == "12345678901234.123456", "20 digits %r" % d1[6])
    check(isinstance(city[2][9], float), "a value is not a number cell: %r" % (city[2][9],))
    check_meta({x[0]: x[1] for x in sheets["Thông tin"][1:]})


@test
def xlsx_read_by_libreoffice():
    setup()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    check(soffice is not None, "LibreOffice is not installed")
    body = fetch("xlsx", period=F["q2"]).body
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "ix.xlsx")
        with open(src, "wb") as f:
            f.write(body)
        # every sheet (-1), UTF-8 (76), values as stored, not as shown
        p = subprocess.run([soffice, "--headless", "--convert-to",
                            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                            "--outdir", d, src], capture_output=True, text=True, timeout=180,
                           env=dict(os.environ, HOME=d))
        check(p.returncode == 0, "soffice: %s" % p.stderr[-300:])
        out = {}
        for name in SHEETS:
            path = os.path.join(d, "ix-%s.csv" % name)
            check(os.path.exists(path), "LibreOffice wrote no %s: %r" % (name, os.listdir(d)))
            with open(path, encoding="utf-8-sig", newline="") as f:
                out[name] = list(csv.reader(f))
    city = out["Thành phố"]
    check(city[0] == CITY_HEAD, "header %r" % city[0])
    check_city(city[1:])
    check("12.345678" in [x[9] for x in city], "LibreOffice shows %r" % [x[9] for x in city])
    check_kinds({"department": out["Sở, ban, ngành"][1:], "district": out["Quận, huyện, phường"][1:],
                 "commune": out["Xã, phường, thị trấn"][1:]})
    check_meta({x[0]: x[1] for x in out["Thông tin"][1:]}, by_year=False)


@test
def csv_zip_matches_db_and_is_safe():
    setup()
    r = fetch("zip")
    check(r.header("Content-Type") == "application/zip", "type %r" % r.header("Content-Type"))
    z = zipfile.ZipFile(io.BytesIO(r.body))
    names = z.namelist()
    check(names == ["1-city.csv", "2-department.csv", "3-district.csv", "4-commune.csv", "5-metadata.csv"],
          "files %r" % names)
    sheets = {}
    for n in names:
        raw = z.read(n)
        check(raw.startswith(b"\xef\xbb\xbf"), "%s: no BOM" % n)
        check(b"\r\n" in raw, "%s: not CRLF" % n)
        sheets[n.split("-", 1)[1][:-4]] = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    check(sheets["city"][0] == CITY_HEAD, "header %r" % sheets["city"][0])
    check_city(sheets["city"][1:], neutralised=True)
    check_kinds({k: sheets[k][1:] for k in ("department", "district", "commune")}, neutralised=True)
    check_meta({x[0]: x[1] for x in sheets["metadata"][1:]})
    city = z.read("1-city.csv").decode("utf-8-sig")
    check("\"'=cmd|' /C calc'!A0 tiêu chí\"" in city, "=cmd| not neutralised")
    check("\"'-Chỉ số âm, \"\"thử\"\"\"" in city, "leading - not neutralised")
    check("\"'+Phường Thử Chỉ Số\"" in city, "leading + not neutralised")
    dept = z.read("2-department.csv").decode("utf-8-sig")
    check("\"'@Sở Thử Chỉ Số\"" in dept, "leading @ not neutralised")
    for text in (city, dept):
        for line in text.split("\r\n"):
            for ch in "=+@":
                check(("," + ch) not in line, "bare %s in %r" % (ch, line[:120]))
    district = z.read("3-district.csv").decode("utf-8-sig")
    check(",12345678901234.123456," in district and ",12.345678," in city, "full precision lost in CSV")


@test
def json_matches_db():
    setup()
    r = fetch("json")
    check(r.header("Content-Type").startswith("application/json"), "type")
    d = json.loads(r.body.decode("utf-8"), parse_float=Decimal)
    check(d["version"] == VERSION and d["period_id"] == F["q2"], "head %r" % {k: d[k] for k in ("version", "period_id")})
    keys = [s["key"] for s in d["sheets"]]
    check(keys == ["city", "department", "district", "commune"], "sheets %r" % keys)
    sheets = {s["key"]: s for s in d["sheets"]}
    check(list(sheets["city"]["columns"].values()) == CITY_HEAD, "columns %r" % sheets["city"]["columns"])

    def flat(s):
        cols = list(s["columns"])
        return [[("\n".join(row[c]) if isinstance(row[c], list) else row[c]) for c in cols] for row in s["rows"]]
    check_city(flat(sheets["city"]))
    check_kinds({k: flat(sheets[k]) for k in ("department", "district", "commune")})
    a = [x for x in sheets["city"]["rows"] if x["code"] == "1.1" and x["indicator_code"] == "TEST-IX-A"][0]
    check(a["value"] == Decimal("12.345678") and isinstance(a["value"], Decimal), "json value %r" % a["value"])
    check(a["source_units"] == ["+Phường Thử Chỉ Số"] and a["evidence"] == [link(F["ev_TEST-IX-D1"][0])],
          "lists %r" % a)
    gaps = [x["code"] for x in sheets["city"]["rows"] if x["status"] == GAP]
    check(gaps == ["1.2", "2"], "json gaps %r" % gaps)
    d1 = [x for x in sheets["district"]["rows"] if x["unit_code"] == "TEST-IX-D1" and x["indicator_code"] == "TEST-IX-A"]
    check(d1[0]["value"] == Decimal("12345678901234.123456"), "json 20 digits %r" % d1[0]["value"])
    m = d["metadata"]
    check(m["period"] == "Quý 2/2087" and m["gaps"] == "2: 1.2, 2" and m["statuses"] == "submitted,accepted",
          "json metadata %r" % m)


@test
def period_chosen_directly():
    setup()
    r = fetch("json", period=F["q1"])
    d = json.loads(r.body, parse_float=Decimal)
    a = [x for x in d["sheets"][0]["rows"] if x["code"] == "1.1" and x["indicator_code"] == "TEST-IX-A"][0]
    check(a["value"] == Decimal("1"), "Q1 value %r" % a["value"])
    check(d["metadata"]["period"] == "Quý 1/2087" and d["metadata"]["last_aggregation"] == "Chưa tổng hợp",
          "Q1 metadata %r" % d["metadata"])
    check("chi-so-TIXEXP2087-ky-%d.json" % F["q1"] in r.header("Content-Disposition"), "name")
    # a period without aggregated figures: every criterion still listed, no values
    d = json.loads(fetch("json", period=F["q3"]).body, parse_float=Decimal)
    rows = d["sheets"][0]["rows"]
    check([x["code"] for x in rows] == ORDER and all(x["value"] is None for x in rows), "Q3 %r" % rows)


@test
def bad_choices():
    setup()
    cases = [(url("xlsx", period=4294967295), 404, "Không tìm thấy kỳ báo cáo đã chọn."),
             ("/export/index.xlsx?version=NO-SUCH&year=2087", 404, "Không tìm thấy phiên bản bộ chỉ số đã chọn."),
             (url("zip", year=2199), 404, "Năm đã chọn chưa có quý nào có số liệu tổng hợp."),
             (url("json", year=2087, period=F["q2"]), 400, "không chọn cả hai"),
             (url("xlsx"), 400, "không chọn cả hai"),
             (url("xlsx", year=1999), 400, None),
             ("/export/index.xlsx?year=2087", 400, None),
             ("/export/index.xlsx?version=%s&year=2087" % ("X" * 40), 400, None)]
    wg()
    before = int(one("SELECT COUNT(*) FROM audit WHERE actor_id = %d" % F["wg"]))
    for path, status, text in cases:
        r = wg().get(path)
        check(r.status == status, "%s: %d" % (path, r.status))
        if text:
            check(text in r.text, "%s: message missing" % path)
    after = int(one("SELECT COUNT(*) FROM audit WHERE actor_id = %d" % F["wg"]))
    check(after == before, "a refused export was audited")


@test
def every_export_audited():
    setup()
    n0 = int(one("SELECT COUNT(*) FROM audit WHERE action = 'export' AND entity_id = 'index' AND actor_id = %d"
                 % F["wg"]))
    for fmt in ("xlsx", "zip", "json"):
        fetch(fmt, period=F["q2"])
        row = sql("SELECT entity, new_value, actor_id FROM audit WHERE action = 'export' AND entity_id = 'index' "
                  "ORDER BY id DESC LIMIT 1")[0]
        check(row[0] == "export" and row[2] == str(F["wg"]), "audit %r" % row)
        for part in ("format=%s" % fmt, "version=%s" % VERSION, "period=%d" % F["q2"], "Quý 2/2087"):
            check(part in row[1], "audit lacks %s: %s" % (part, row[1]))
    n1 = int(one("SELECT COUNT(*) FROM audit WHERE action = 'export' AND entity_id = 'index' AND actor_id = %d"
                 % F["wg"]))
    check(n1 == n0 + 3, "%d audit rows for 3 exports" % (n1 - n0))
    r = wg().request("HEAD", url("xlsx", year=2087))
    check(r.status == 200 and r.body == b"", "HEAD: %d" % r.status)
    n2 = int(one("SELECT COUNT(*) FROM audit WHERE action = 'export' AND entity_id = 'index' AND actor_id = %d"
                 % F["wg"]))
    check(n2 == n1, "HEAD audited")


@test
def long_evidence_list_fits_excel():
    """Excel keeps at most 32,767 characters a cell: 800 evidence files of
    one figure are cut at a link and marked in XLSX, kept whole in JSON."""
    setup()
    sid = int(one("SELECT id FROM submission WHERE unit_id = %d AND period_id = %d"
                  % (F["units"]["TEST-IX-D1"], F["q2"])))
    sql("INSERT INTO evidence (submission_id, indicator_id, unit_id, stored_name, original_name, content_type, "
        "size_bytes, sha256, uploaded_by, uploaded_at) SELECT %d, %d, %d, SHA2(CONCAT('ix', seq, RAND()), 256), "
        "'tep.pdf', 'application/pdf', 10, SHA2('x', 256), %d, UTC_TIMESTAMP() FROM seq_1_to_800"
        % (sid, F["ind"]["TEST-IX-A"], F["units"]["TEST-IX-D1"], F["officer"]))
    try:
        d = json.loads(fetch("json", period=F["q2"]).body)
        a = [x for x in d["sheets"][0]["rows"] if x["code"] == "1.1" and x["indicator_code"] == "TEST-IX-A"][0]
        check(len(a["evidence"]) == 801, "json evidence %d" % len(a["evidence"]))
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
            f.write(fetch("xlsx", period=F["q2"]).body)
            f.flush()
            wb = openpyxl.load_workbook(f.name, read_only=True)
            rows = [list(x) for x in wb["Thành phố"].iter_rows(values_only=True)]
        cell = [x for x in rows if x[0] == "1.1" and x[7] == "TEST-IX-A"][0][12]
        check(31000 < len(cell.encode()) <= 32767 and cell.endswith("\n…"), "xlsx cell %d" % len(cell))
        links = cell.split("\n")[:-1]
        check(links and all(x.startswith(link(0)[:-1]) for x in links) and links == a["evidence"][:len(links)],
              "xlsx links cut inside a link")
    finally:
        sql("DELETE FROM evidence WHERE submission_id = %d AND original_name = 'tep.pdf'" % sid)


def sheet_values(data):
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
        f.write(data)
        f.flush()
        wb = openpyxl.load_workbook(f.name, read_only=True)
        out = {n: [list(x) for x in wb[n].iter_rows(values_only=True)] for n in wb.sheetnames}
    # who and when differ between the web and the command line
    out["Thông tin"] = [x for x in out["Thông tin"] if x[0] not in ("Người xuất", "Thời điểm xuất (giờ Việt Nam)")]
    return out


@test
def cli_writes_the_same_xlsx():
    setup()
    web = sheet_values(fetch("xlsx", year=2087).body)
    exe = os.path.join(ROOT, BUILD, "egov-export")
    conf = os.path.join(VAR, "egov.conf")
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "ix.xlsx")
        p = subprocess.run([exe, "-c", conf, "index", "--version", VERSION, "--year", "2087", "--format", "xlsx",
                            "--out", out], capture_output=True, text=True)
        check(p.returncode == 0, "cli: %d %s" % (p.returncode, p.stderr))
        with open(out, "rb") as f:
            check(sheet_values(f.read()) == web, "CLI XLSX differs from the web's")
        for fmt, name in (("csv", "ix.zip"), ("json", "ix.json")):
            o = os.path.join(d, name)
            p = subprocess.run([exe, "-c", conf, "index", "--version", VERSION, "--period", str(F["q2"]),
                                "--format", fmt, "--out", o], capture_output=True, text=True)
            check(p.returncode == 0 and os.path.getsize(o) > 0, "cli %s: %s" % (fmt, p.stderr))
        with zipfile.ZipFile(os.path.join(d, "ix.zip")) as z:
            check(len(z.namelist()) == 5, "cli zip %r" % z.namelist())
        with open(os.path.join(d, "ix.json"), encoding="utf-8") as f:
            check(json.load(f)["version"] == VERSION, "cli json")
        p = subprocess.run([exe, "-c", conf, "index", "--version", "NO-SUCH", "--year", "2087", "--format", "xlsx",
                            "--out", os.path.join(d, "x.xlsx")], capture_output=True, text=True)
        check(p.returncode == 1 and "no such index version" in p.stderr and not os.path.exists(
            os.path.join(d, "x.xlsx")), "unknown version: %d %s" % (p.returncode, p.stderr))
        p = subprocess.run([exe, "-c", conf, "index", "--version", VERSION, "--year", "2087", "--period", "1",
                            "--format", "xlsx", "--out", os.path.join(d, "y.xlsx")], capture_output=True, text=True)
        check(p.returncode == 2 and "usage" in p.stderr, "both period and year: %d" % p.returncode)
    n = sql("SELECT new_value FROM audit WHERE action = 'export' AND entity_id = 'index' AND actor_id IS NULL "
            "ORDER BY id DESC LIMIT 1")
    check(n and "by=cli:" in n[0][0] and "format=json" in n[0][0], "cli not audited: %r" % n)


run()
