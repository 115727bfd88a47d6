"""The export program (egov-export, /export/...): the raw data export as CSV
and XLSX against the database, full precision, Vietnamese text, quoting and
formula neutralisation, filters (unit kind, pillar, status), the metadata
sheet, roles, the audit trail, HEAD, bad choices, and the command line
writing the same CSV as the web.

Own users t.export.*; own units TEST-EX-*; own periods Q1..Q2/2081."""

import csv
import io
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

from egov import ROOT, VAR, Client, check, ensure_period, ensure_user, run, sql, test

PW = "password123"
BUILD = os.environ.get("TEST_BUILD", "build")
F = {}

NOTES = ["phẩy, ở giữa", 'có "ngoặc kép"', "dòng 1\ndòng 2", "=SUM(A1:A9)", "+84 912", "-1+2",
         "@cmd", "Ghi chú tiếng Việt: Đạt yêu cầu"]
TEXT_VALUE = '=HYPERLINK("http://x","bấm")'


def q(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def setup():
    if F:
        return F
    for code, name, kind in [("TEST-EX-D1", "Phường Thử Xuất, \"Một\"", "district"),
                             ("TEST-EX-D2", "Phường Thử Xuất Hai", "district"),
                             ("TEST-EX-S1", "Sở Thử Xuất Dữ Liệu", "department")]:
        sql("INSERT INTO unit (code, name, kind, note) VALUES (%s, %s, '%s', 'test') "
            "ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind)" % (q(code), q(name), kind))
    F["wg"] = ensure_user("t.export.wg", "-", roles="wg", password=PW, name="Trần Thị Xuất")
    F["officer"] = ensure_user("t.export.officer", "TEST-EX-D1", roles="officer", password=PW)
    F["sub"] = ensure_user("t.export.sender", "TEST-EX-D1", roles="officer", password=PW,
                           name="Nguyễn Văn Gửi, \"Tổ 1\"")
    F["p1"] = ensure_period("Q", 2081, 1)
    F["p2"] = ensure_period("Q", 2081, 2)
    ind = {}
    for vt in ("decimal", "percent", "integer", "text", "yesno"):
        row = sql("SELECT id, code, pillar FROM indicator WHERE vtype = '%s' AND active = 1 "
                  "ORDER BY sort, code LIMIT 1" % vt)[0]
        ind[vt] = (int(row[0]), row[1], row[2])
    F["ind"] = ind
    units = {c: int(sql("SELECT id FROM unit WHERE code = '%s'" % c)[0][0])
             for c in ("TEST-EX-D1", "TEST-EX-D2", "TEST-EX-S1")}
    F["units"] = units
    sub = F["sub"]
    # (unit, period, status): D2's Q1 form is a draft, left out by default
    forms = [("TEST-EX-D1", "p1", "submitted"), ("TEST-EX-D1", "p2", "accepted"),
             ("TEST-EX-S1", "p1", "accepted"), ("TEST-EX-D2", "p1", "draft")]
    for k, (u, p, st) in enumerate(forms):
        sql("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, "
            "updated_by, submitted_at, submitted_by) VALUES (%d, %d, '%s', '2081-01-10 01:00:00', %d, "
            "'2081-01-10 01:00:00', %d, %s, %s)"
            % (units[u], F[p], st, sub, sub,
               "NULL" if st == "draft" else "'2081-0%d-20 17:05:00'" % (k + 1),
               "NULL" if st == "draft" else str(sub)))
        sid = int(sql("SELECT id FROM submission WHERE unit_id = %d AND period_id = %d" % (units[u], F[p]))[0][0])
        vals = [("decimal", "12.345678", None, 0, NOTES[k % len(NOTES)]),
                ("percent", "99.999999", None, 0, NOTES[(k + 1) % len(NOTES)]),
                ("integer", "-3", None, 0, NOTES[(k + 2) % len(NOTES)]),
                ("text", None, TEXT_VALUE, 0, NOTES[(k + 3) % len(NOTES)]),
                ("yesno", None, None, 1, NOTES[(k + 4) % len(NOTES)])]
        # one figure beyond a double's 15 digits: text in XLSX, exact in CSV
        if k == 0:
            vals[0] = ("decimal", "12345678901234.123456", None, 0, NOTES[0])
        for vt, num, text, na, note in vals:
            sql("INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable, "
                "note, updated_at, updated_by) VALUES (%d, %d, %s, %s, %d, %s, UTC_TIMESTAMP(), %d)"
                % (sid, ind[vt][0], num or "NULL", q(text) if text else "NULL", na, q(note), sub))
    return F


def wg():
    if "wgc" not in F:
        F["wgc"] = Client().login_ok("t.export.wg", PW)
    return F["wgc"]


def raw_url(fmt="csv", **kw):
    args = {"from": F["p1"], "to": F["p2"]}
    args.update(kw)
    return "/export/raw.%s?%s" % (fmt, "&".join("%s=%s" % kv for kv in args.items()))


def get_csv(**kw):
    r = wg().get(raw_url(**kw))
    check(r.status == 200, "raw.csv: %d %s" % (r.status, r.text[:300]))
    return r


def parse(body):
    check(body.startswith(b"\xef\xbb\xbf"), "no BOM")
    rows = list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline="")))
    return rows[0], rows[1:]


def expected(statuses=("submitted", "accepted"), kind=None, pillar=None):
    """The DB's rows of our units, keyed by (period id, unit code, indicator code)."""
    cond = " AND s.status IN (%s)" % ",".join("'%s'" % s for s in statuses)
    if kind:
        cond += " AND u.kind = '%s'" % kind
    if pillar:
        cond += " AND i.pillar = '%s'" % pillar
    rows = sql("SELECT s.period_id, u.code, i.code, COALESCE(f.num_value, ''), "
               "HEX(COALESCE(f.text_value, '')), HEX(COALESCE(f.note, '')), f.not_applicable, s.status "
               "FROM figure f JOIN submission s ON s.id = f.submission_id JOIN unit u ON u.id = s.unit_id "
               "JOIN indicator i ON i.id = f.indicator_id WHERE s.period_id IN (%d, %d)%s"
               % (F["p1"], F["p2"], cond))
    return {(int(r[0]), r[1], r[2]): (r[3], bytes.fromhex(r[4]).decode(), bytes.fromhex(r[5]).decode(), r[6], r[7])
            for r in rows}


def unneutral(s):
    return s[1:] if s[:2] in ("'=", "'+", "'-", "'@") else s


def by_key(rows):
    labels = {"Quý 1/2081": F["p1"], "Quý 2/2081": F["p2"]}
    return {(labels[r[0]], r[3], r[6]): r for r in rows}


@test
def roles_and_login():
    setup()
    anon = Client()
    for path in ("/export/", raw_url()):
        r = anon.get(path)
        check(r.status == 303 and r.header("Location") == "/login", "anonymous %s: %d" % (path, r.status))
    off = Client().login_ok("t.export.officer", PW)
    for path in ("/export/", raw_url(), raw_url("xlsx")):
        r = off.get(path)
        check(r.status == 403, "officer %s: %d" % (path, r.status))
    r = wg().post("/export/raw.csv", {"from": F["p1"]})
    check(r.status in (403, 405), "POST: %d" % r.status)


@test
def home_lists_choices():
    setup()
    r = wg().get("/export/")
    check(r.status == 200, "home: %d" % r.status)
    for needle in ('name="from"', 'name="to"', 'name="kind"', 'name="pillar"', 'name="status"',
                   'value="%d"' % F["p1"], 'formaction="/export/raw.xlsx"', "Quý 1/2081"):
        check(needle in r.text, "home lacks %s" % needle)


@test
def csv_values_equal_db():
    setup()
    r = get_csv()
    check(r.header("Content-Type").startswith("text/csv"), "type %s" % r.header("Content-Type"))
    check("attachment" in (r.header("Content-Disposition") or ""), "not a download")
    check(b"\r\n" in r.body and r.body.count(b"\r\n") >= r.body.count(b"\n") - 20, "not CRLF")
    head, rows = parse(r.body)
    check(len(head) == 17 and head[0] == "Kỳ báo cáo" and head[10] == "Giá trị", "header %r" % head)
    mine = [x for x in rows if x[3].startswith("TEST-EX-")]
    exp = expected()
    got = by_key(mine)
    check(set(got) == set(exp), "rows differ: %r vs %r" % (sorted(set(got) ^ set(exp))[:5], len(exp)))
    for k, (num, text, note, na, status) in exp.items():
        row = got[k]
        check(len(row) == 17, "row width %d" % len(row))
        value = row[10]
        if num:
            check(value == num, "value %r != DB %r" % (value, num))
        else:
            check(unneutral(value) == text, "text %r != DB %r" % (value, text))
        check(unneutral(row[13]) == note, "note %r != DB %r" % (row[13], note))
        check(row[11] == ("1" if na == "1" else "0"), "n/a %r" % row[11])
        check(row[14] == status, "status %r" % row[14])
        check(row[15] == "Nguyễn Văn Gửi, \"Tổ 1\"", "submitted by %r" % row[15])
    d1 = [x for x in mine if x[3] == "TEST-EX-D1" and x[0] == "Quý 1/2081"][0]
    check(d1[4] == 'Phường Thử Xuất, "Một"', "unit name %r" % d1[4])
    check(d1[5] == "district", "kind %r" % d1[5])
    # 17:05 UTC is 00:05 the next day in Hanoi
    check(d1[16] == "21/01/2081 00:05", "submitted at %r" % d1[16])
    check(re.match(r"\d\d/\d\d/\d{4}$", d1[1]) and re.match(r"\d\d/\d\d/\d{4}$", d1[2]), "window %r" % d1[1:3])
    check(any(x[10] == "12.345678" for x in mine), "12.345678 not kept")
    check(any(x[10] == "12345678901234.123456" for x in mine), "20 digits not kept")


@test
def csv_quoting_and_neutralisation():
    setup()
    body = get_csv().body.decode("utf-8")
    for raw in ['"\'=SUM(A1:A9)"', '"\'+84 912"', '"\'-1+2"', '"\'@cmd"', '"có ""ngoặc kép"""',
                '"phẩy, ở giữa"', '"dòng 1\ndòng 2"', '"\'=HYPERLINK(""http://x"",""bấm"")"']:
        check(raw in body, "not quoted/neutralised: %s" % raw)
    # no field begins with a formula character unquoted
    for line in body.split("\r\n"):
        for ch in "=+@":
            check(("," + ch) not in line, "bare %s in %r" % (ch, line[:120]))
    check("Sở Thử Xuất Dữ Liệu" in body and "Nguyễn Văn Gửi" in body, "Vietnamese text damaged")


@test
def filters():
    setup()
    _, rows = parse(get_csv(kind="district").body)
    check(rows and all(r[5] == "district" for r in rows), "kind filter")
    check(set(by_key(r for r in rows if r[3].startswith("TEST-EX-"))) == set(expected(kind="district")),
          "kind rows")
    pillar = F["ind"]["decimal"][2]
    _, rows = parse(get_csv(pillar=pillar).body)
    check(rows and all(r[8] == pillar for r in rows), "pillar filter")
    _, rows = parse(get_csv(status="all").body)
    mine = by_key(r for r in rows if r[3].startswith("TEST-EX-"))
    check(set(mine) == set(expected(statuses=("draft", "submitted", "returned", "accepted"))), "status=all")
    check(any(r[14] == "draft" for r in rows), "draft missing with status=all")
    _, rows = parse(get_csv().body)
    check(not any(r[14] == "draft" for r in rows), "draft in the default export")
    _, rows = parse(get_csv(status="accepted").body)
    check(rows and all(r[14] == "accepted" for r in rows), "status=accepted")
    _, rows = parse(get_csv(to=F["p1"]).body)
    check(rows and all(r[0] == "Quý 1/2081" for r in rows), "period range")


@test
def bad_choices():
    setup()
    r = wg().get(raw_url(**{"from": F["p2"], "to": F["p1"]}))
    check(r.status == 400, "reversed range: %d" % r.status)
    r = wg().get(raw_url(to=4294967295))
    check(r.status == 404, "unknown period: %d" % r.status)
    r = wg().get(raw_url(kind="planet"))
    check(r.status == 400, "bad kind: %d" % r.status)
    r = wg().get(raw_url(pillar="nope"))
    check(r.status == 400, "bad pillar: %d" % r.status)
    r = wg().get("/export/raw.csv")
    check(r.status == 400, "no periods: %d" % r.status)


@test
def xlsx_opens_with_same_values():
    try:
        import openpyxl
    except ImportError:
        # Debian's python3-openpyxl (scripts/deps.sh) when python3 is another build
        sys.path.append("/usr/lib/python3/dist-packages")
        import openpyxl
    setup()
    r = wg().get(raw_url("xlsx"))
    check(r.status == 200, "raw.xlsx: %d %s" % (r.status, r.text[:200]))
    check(r.header("Content-Length") == str(len(r.body)), "length")
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
        f.write(r.body)
        f.flush()
        wb = openpyxl.load_workbook(f.name, read_only=True)
        check(wb.sheetnames == ["Dữ liệu", "Thông tin"], "sheets %r" % wb.sheetnames)
        rows = list(wb["Dữ liệu"].iter_rows(values_only=True))
        meta = {row[0]: row[1] for row in wb["Thông tin"].iter_rows(values_only=True)}
    check(rows[0][10] == "Giá trị", "header %r" % (rows[0],))
    data = [["" if v is None else v for v in row] for row in rows[1:]]
    labels = {"Quý 1/2081": F["p1"], "Quý 2/2081": F["p2"]}
    got = {(labels[x[0]], x[3], x[6]): x for x in data if str(x[3]).startswith("TEST-EX-")}
    exp = expected()
    check(set(got) == set(exp), "xlsx rows differ")
    for k, (num, text, note, na, status) in exp.items():
        v = got[k][10]
        if num:
            if num == "12345678901234.123456":
                check(v == num, "long decimal not kept as text: %r" % (v,))
            else:
                check(isinstance(v, (int, float)) and Decimal(repr(v)) == Decimal(num),
                      "number %r != DB %s" % (v, num))
        else:
            check(v == text, "text %r != %r" % (v, text))
        check(got[k][13] == note, "note %r != %r" % (got[k][13], note))
        check(got[k][11] == (1 if na == "1" else 0), "n/a %r" % (got[k][11],))
        check(got[k][15] == "Nguyễn Văn Gửi, \"Tổ 1\"", "by %r" % (got[k][15],))
    check(str(meta.get("Số dòng")) == str(len(data)), "meta rows %r vs %d" % (meta.get("Số dòng"), len(data)))
    check(meta.get("Trạng thái được tính") == "submitted,accepted", "meta statuses %r" % meta)
    check("Quý 1/2081" in meta.get("Kỳ báo cáo", "") and "Quý 2/2081" in meta["Kỳ báo cáo"], "meta periods")
    check("t.export.wg" in meta.get("Người xuất", ""), "meta by %r" % meta.get("Người xuất"))
    check(re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d$", meta.get("Thời điểm xuất (giờ Việt Nam)", "")), "meta when")


@test
def audited():
    setup()
    before = int(sql("SELECT COUNT(*) FROM audit WHERE action = 'export' AND actor_id = %d" % F["wg"])[0][0])
    _, rows = parse(get_csv(kind="department").body)
    after = sql("SELECT COUNT(*), MAX(id) FROM audit WHERE action = 'export' AND actor_id = %d" % F["wg"])[0]
    check(int(after[0]) == before + 1, "no audit row")
    what = sql("SELECT entity, entity_id, new_value FROM audit WHERE id = %s" % after[1])[0]
    check(what[0] == "export" and what[1] == "raw", "audit %r" % what)
    for part in ("format=csv", "from=%d" % F["p1"], "to=%d" % F["p2"], "kind=department",
                 "status=submitted,accepted", "rows=%d" % len(rows)):
        check(part in what[2], "audit lacks %s: %s" % (part, what[2]))
    # HEAD: headers only, and nothing exported, so nothing audited
    r = wg().request("HEAD", raw_url())
    check(r.status == 200 and r.body == b"", "HEAD: %d %r" % (r.status, r.body[:50]))
    n = int(sql("SELECT COUNT(*) FROM audit WHERE action = 'export' AND actor_id = %d" % F["wg"])[0][0])
    check(n == before + 1, "HEAD audited")


@test
def cli_writes_the_same_csv():
    setup()
    web = get_csv(kind="district").body
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "raw.csv")
        p = subprocess.run([os.path.join(ROOT, BUILD, "egov-export"), "-c", os.path.join(VAR, "egov.conf"),
                            "raw", "--from-period", str(F["p1"]), "--to-period", str(F["p2"]),
                            "--format", "csv", "--kind", "district", "--out", out],
                           capture_output=True, text=True)
        check(p.returncode == 0, "cli: %d %s" % (p.returncode, p.stderr))
        with open(out, "rb") as f:
            check(f.read() == web, "CLI CSV differs from the web's")
        xo = os.path.join(d, "raw.xlsx")
        p = subprocess.run([os.path.join(ROOT, BUILD, "egov-export"), "-c", os.path.join(VAR, "egov.conf"),
                            "raw", "--from-period", str(F["p1"]), "--to-period", str(F["p2"]),
                            "--format", "xlsx", "--out", xo], capture_output=True, text=True)
        check(p.returncode == 0 and os.path.getsize(xo) > 0, "cli xlsx: %s" % p.stderr)
        p = subprocess.run([os.path.join(ROOT, BUILD, "egov-export"), "-c", os.path.join(VAR, "egov.conf"),
                            "raw", "--from-period", "x"], capture_output=True, text=True)
        check(p.returncode == 2 and "usage" in p.stderr, "bad usage: %d" % p.returncode)
    n = sql("SELECT new_value FROM audit WHERE action = 'export' AND actor_id IS NULL ORDER BY id DESC LIMIT 1")
    check(n and "by=cli:" in n[0][0] and "format=xlsx" in n[0][0], "cli not audited: %r" % n)


import re  # noqa: E402  (used by the checks above)

run()
