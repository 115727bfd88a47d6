"""The units' ranking (Art. 6.6, cgi/lib/ranking.c): /export/ranking.xlsx and
.csv, the command line, and the commendation list /review/commendation with
the working group's picks and notes.

A hand-computed fixture in 2083 (own units TEST-RK-*, own periods Q1/Q2
2083, own directions TEST-RK-*, the 2083 work plan).  Weights 60/20/10/10;
every period is in the future, so a form or task not delivered is pending
and not counted.

  unit  scores Q1 Q2   forms Q1, Q2              directions     plan tasks
  D1    80  90         on time (23:30 Hanoi),    A on time,     T1 on time
                       late 1 day (00:30 Hanoi)  B late
  D2    80  70         on time, on time          -              T2 late
  D3    70  -          late 3 days, draft        A on time      -
  D4    80  -          on time, -                -              -
  S1    60  60         on time, on time          -              T4 on time

Year 2083:  D4 (4800+2000)/80 = 85; D1 (5100+1000+500+1000)/100 = 76;
            D2 (4500+2000+0)/90; D3 (4200+0+1000)/90; S1 (3600+2000+1000)/90.
Q1 2083:    D1 (4800+2000+1000+1000)/100 = 88; D2 and D4 (4800+2000)/80 = 85
            (a tie: both rank 2, An before Bình); D3 (4200+0+1000)/90 rank 4."""

import csv
import io
import os
import re
import subprocess
import sys
import tempfile

from egov import ROOT, VAR, Client, check, ensure_period, ensure_user, run, sql, test

try:
    import openpyxl
except ImportError:
    # Debian's python3-openpyxl (scripts/deps.sh) when python3 is another build
    sys.path.append("/usr/lib/python3/dist-packages")
    import openpyxl

PW = "password123"
BUILD = os.environ.get("TEST_BUILD", "build")
YEAR = 2083
F = {}
DASH = "\u2014"

UNITS = [("TEST-RK-D1", "Phường Thử Hạng Cường", "district"),
         ("TEST-RK-D2", "Phường Thử Hạng Bình", "district"),
         ("TEST-RK-D3", "Phường Thử Hạng Dũng", "district"),
         ("TEST-RK-D4", "Phường Thử Hạng An", "district"),
         ("TEST-RK-S1", "Sở Thử Hạng, \"Một\"", "department"),
         ("TEST-RK-C1", "Xã Thử Hạng", "commune")]

# expected combined scores (the same IEEE arithmetic as the C code)
YEAR_EXPECT = {"TEST-RK-D4": (1, 85.0), "TEST-RK-D1": (2, 76.0), "TEST-RK-D2": (3, 6500 / 90),
               "TEST-RK-D3": (4, 5200 / 90)}
Q1_EXPECT = {"TEST-RK-D1": (1, 88.0), "TEST-RK-D4": (2, 85.0), "TEST-RK-D2": (2, 85.0),
             "TEST-RK-D3": (4, 5200 / 90)}
S1_EXPECT = (1, 6600 / 90)


def q(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def setup():
    if F:
        return F
    for code, name, kind in UNITS:
        sql("INSERT INTO unit (code, name, kind, note) VALUES (%s, %s, '%s', 'test') "
            "ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), valid_to = NULL"
            % (q(code), q(name), kind))
    F["u"] = {c: int(sql("SELECT id FROM unit WHERE code = '%s'" % c)[0][0]) for c, _, _ in UNITS}
    F["wg"] = ensure_user("t.rank.wg", "-", roles="wg", password=PW, name="Tổ Thử Xếp Hạng")
    F["wg2"] = ensure_user("t.rank.wg2", "-", roles="wg", password=PW)
    F["officer"] = ensure_user("t.rank.officer", "TEST-RK-D1", roles="officer", password=PW)
    p1, p2 = ensure_period("Q", YEAR, 1), ensure_period("Q", YEAR, 2)
    F["p1"], F["p2"] = p1, p2
    u, by = F["u"], F["wg"]
    sql("DELETE FROM agg_score WHERE period_id IN (%d, %d)" % (p1, p2))
    for code, p, score in [("TEST-RK-D1", p1, "80"), ("TEST-RK-D1", p2, "90"), ("TEST-RK-D2", p1, "80"),
                           ("TEST-RK-D2", p2, "70"), ("TEST-RK-D3", p1, "70"), ("TEST-RK-D4", p1, "80"),
                           ("TEST-RK-S1", p1, "60"), ("TEST-RK-S1", p2, "60")]:
        sql("INSERT INTO agg_score (period_id, unit_id, pillar, score, indicators) VALUES (%d, %d, '', %s, 5)"
            % (p, u[code], score))
    # submitted_at in UTC against due_on (a Hanoi date): 16:30 UTC is 23:30 the
    # same day in Hanoi (on time), 17:30 UTC is 00:30 the next day (late)
    forms = [("TEST-RK-D1", p1, "accepted", "16:30:00", 0), ("TEST-RK-D1", p2, "submitted", "17:30:00", 0),
             ("TEST-RK-D2", p1, "submitted", "03:00:00", -2), ("TEST-RK-D2", p2, "accepted", "03:00:00", 0),
             ("TEST-RK-D3", p1, "accepted", "03:00:00", 3), ("TEST-RK-D3", p2, "draft", None, 0),
             ("TEST-RK-D4", p1, "submitted", "03:00:00", 0),
             ("TEST-RK-S1", p1, "submitted", "03:00:00", 0), ("TEST-RK-S1", p2, "submitted", "03:00:00", 0)]
    for code, p, st, at, days in forms:
        when = "NULL" if at is None else \
            "TIMESTAMP((SELECT due_on FROM period WHERE id = %d) + INTERVAL %d DAY, '%s')" % (p, days, at)
        sql("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, "
            "updated_by, submitted_at, submitted_by) VALUES (%d, %d, '%s', '2083-01-01', %d, '2083-01-01', "
            "%d, %s, %s)" % (u[code], p, st, by, by, when, "NULL" if at is None else str(by)))
    sql("DELETE du FROM direction_unit du JOIN direction d ON d.id = du.direction_id WHERE d.code LIKE 'TEST-RK-%'; "
        "DELETE FROM direction WHERE code LIKE 'TEST-RK-%'")
    dirs = [("TEST-RK-A", "2083-03-10", "done", "'2083-03-01'", ["TEST-RK-D1", "TEST-RK-D3"]),
            ("TEST-RK-B", "2083-05-10", "done", "'2083-05-20'", ["TEST-RK-D1"]),
            ("TEST-RK-C", "2083-06-01", "in_progress", "NULL", ["TEST-RK-D1"]),
            ("TEST-RK-D", "2083-02-01", "dropped", "NULL", ["TEST-RK-D1", "TEST-RK-D2"]),
            # another year's direction counts in neither
            ("TEST-RK-E", "2084-01-10", "done", "'2084-01-20'", ["TEST-RK-D2"])]
    for code, deadline, st, done, owners in dirs:
        sql("INSERT INTO direction (code, body, given_by, given_on, deadline, status, done_on, created_by, "
            "created_at) VALUES ('%s', 'Kết luận thử', %d, '2083-01-05', '%s', '%s', %s, %d, UTC_TIMESTAMP())"
            % (code, by, deadline, st, done, by))
        for o in owners:
            sql("INSERT INTO direction_unit (direction_id, unit_id) SELECT id, %d FROM direction WHERE code = '%s'"
                % (u[o], code))
    sql("INSERT INTO plan (year, kind, title) VALUES (%d, 'work', 'Kế hoạch thử') "
        "ON DUPLICATE KEY UPDATE title = VALUES(title)" % YEAR)
    plan = int(sql("SELECT id FROM plan WHERE year = %d AND kind = 'work'" % YEAR)[0][0])
    sql("DELETE tu FROM plan_task_unit tu JOIN plan_task t ON t.id = tu.task_id WHERE t.plan_id = %d; "
        "DELETE FROM plan_task WHERE plan_id = %d" % (plan, plan))
    for code, owner, deadline, st, done in [("T1", "TEST-RK-D1", "2083-02-28", "done", "'2083-02-01'"),
                                            ("T2", "TEST-RK-D2", "2083-06-30", "done", "'2083-07-10'"),
                                            ("T3", "TEST-RK-D2", "2083-12-31", "in_progress", "NULL"),
                                            ("T4", "TEST-RK-S1", "2083-03-01", "done", "'2083-03-01'")]:
        sql("INSERT INTO plan_task (plan_id, code, title, owner_unit_id, deadline, status, done_on) "
            "VALUES (%d, '%s', 'Nhiệm vụ thử', %d, '%s', '%s', %s)" % (plan, code, u[owner], deadline, st, done))
    sql("DELETE FROM commendation WHERE year = %d" % YEAR)
    return F


def wg(login="t.rank.wg"):
    c = Client()
    c.login_ok(login, PW)
    return c


def csv_rows(body):
    check(body.startswith(b"\xef\xbb\xbf"), "CSV without a BOM")
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline="")))


def by_code(rows, code_col):
    return {r[code_col]: r for r in rows[1:]}


def audit_last(entity_id):
    rows = sql("SELECT id, action, new_value FROM audit WHERE entity_id = '%s' ORDER BY id DESC LIMIT 1"
               % entity_id)
    return rows[0] if rows else None


@test
def year_csv_ranks_and_scores():
    setup()
    r = wg().get("/export/ranking.csv?year=%d&kind=district" % YEAR)
    check(r.status == 200, "csv: %d %s" % (r.status, r.text[:200]))
    check("xep-hang-nam-2083-district.csv" in (r.header("Content-Disposition") or ""), "file name")
    rows = csv_rows(r.body)
    check(rows[0][0] == "Hạng" and rows[0][-1] == "Điểm tổng hợp", "header %r" % rows[0][:3])
    got = by_code(rows, 1)
    for code, (rank, score) in YEAR_EXPECT.items():
        row = got.get(code)
        check(row is not None, "%s missing" % code)
        check(row[0] == str(rank), "%s rank %s, want %d" % (code, row[0], rank))
        check(float(row[-1]) == score, "%s combined %s, want %r" % (code, row[-1], score))
    # full precision: 6500/90 is written to the last digit
    check(got["TEST-RK-D2"][-1] == repr(6500 / 90), "precision %s" % got["TEST-RK-D2"][-1])
    d1, d2, d3 = got["TEST-RK-D1"], got["TEST-RK-D2"], got["TEST-RK-D3"]
    # D1: 1 on time, 1 late by one day (00:30 Hanoi is the next day); B late, C not due, D dropped
    check(d1[5:10] == ["1", "1", "0", "50", "1"], "D1 timeliness %r" % d1[5:10])
    check(d1[10:13] == ["2", "1", "50"], "D1 directions %r" % d1[10:13])
    check(d1[13:16] == ["1", "1", "100"], "D1 plan %r" % d1[13:16])
    # D2 has no direction of its own that counts: a dash, not a zero
    check(d2[10:13] == ["0", "0", DASH], "D2 directions %r" % d2[10:13])
    check(d2[13:16] == ["1", "0", "0"], "D2 plan (T3 not due) %r" % d2[13:16])
    # D3: the draft of Q2 is pending (not yet due): not counted
    check(d3[5:10] == ["0", "1", "0", "0", "3"], "D3 timeliness %r" % d3[5:10])
    check(d3[3] == "70" and d3[4] == "1", "D3 score over the one quarter scored %r" % d3[3:5])
    # a department never appears among districts; a unit with no score is unranked
    check("TEST-RK-S1" not in got and "TEST-RK-C1" not in got, "kinds mixed")
    unranked = [row for row in rows[1:] if row[0] == DASH]
    check(all(row[-1] == DASH for row in unranked), "an unranked unit has a combined score")
    ranked_pos = max(i for i, row in enumerate(rows) if row[0] != DASH)
    check(all(row[0] == DASH for row in rows[ranked_pos + 1:]), "unranked units not last")


@test
def period_ranking_ties_and_differs_from_year():
    setup()
    r = wg().get("/export/ranking.csv?period=%d&kind=district" % F["p1"])
    check(r.status == 200, "csv: %d" % r.status)
    rows = csv_rows(r.body)
    got = by_code(rows, 1)
    for code, (rank, score) in Q1_EXPECT.items():
        check(got[code][0] == str(rank), "%s rank %s, want %d" % (code, got[code][0], rank))
        check(float(got[code][-1]) == score, "%s combined %s" % (code, got[code][-1]))
    order = [row[1] for row in rows[1:] if row[1] in Q1_EXPECT]
    check(order == ["TEST-RK-D1", "TEST-RK-D4", "TEST-RK-D2", "TEST-RK-D3"], "order %r" % order)
    # B (due in May) is outside Q1's window: D1's directions are 1 of 1
    check(got["TEST-RK-D1"][10:13] == ["1", "1", "100"], "D1 Q1 directions %r" % got["TEST-RK-D1"][10:13])
    r = wg().get("/export/ranking.csv?period=%d&kind=department" % F["p1"])
    s1 = by_code(csv_rows(r.body), 1)["TEST-RK-S1"]
    check(s1[2] == "Sở Thử Hạng, \"Một\"", "quoted name %r" % s1[2])
    check(float(s1[-1]) == S1_EXPECT[1], "S1 %s" % s1[-1])


@test
def xlsx_sheets_formula_and_audit():
    setup()
    before = audit_last("ranking")
    r = wg().get("/export/ranking.xlsx?year=%d" % YEAR)
    check(r.status == 200, "xlsx: %d %s" % (r.status, r.text[:200]))
    check(r.header("Content-Length") == str(len(r.body)), "length")
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
        f.write(r.body)
        f.flush()
        wb = openpyxl.load_workbook(f.name, read_only=True)
        check(wb.sheetnames == ["Quận, huyện", "Sở, ngành", "Công thức"], "sheets %r" % wb.sheetnames)
        dist = list(wb["Quận, huyện"].iter_rows(values_only=True))
        dept = list(wb["Sở, ngành"].iter_rows(values_only=True))
        meta = {row[0]: row[1] for row in wb["Công thức"].iter_rows(values_only=True)}
    got = {row[1]: row for row in dist[1:]}
    for code, (rank, score) in YEAR_EXPECT.items():
        check(got[code][0] == rank, "%s rank %r" % (code, got[code][0]))
        check(got[code][-1] == score, "%s combined %r, want %r" % (code, got[code][-1], score))
    check(got["TEST-RK-D2"][12] == DASH, "dash for no direction: %r" % (got["TEST-RK-D2"][12],))
    s1 = {row[1]: row for row in dept[1:]}["TEST-RK-S1"]
    check(s1[0] == S1_EXPECT[0], "S1 rank %r" % (s1[0],))
    check(s1[-1] == S1_EXPECT[1], "S1 %r" % (s1[-1],))
    formula = meta.get("Công thức") or ""
    check("60 × điểm chỉ tiêu" in formula and "20 × tỷ lệ báo cáo" in formula, "formula %r" % formula[:120])
    check("{ind}" not in formula, "placeholder left")
    check(meta.get("Kỳ / năm") == "Năm 2083", "range %r" % meta.get("Kỳ / năm"))
    check("Tổ Thử Xếp Hạng (t.rank.wg)" == meta.get("Người xuất"), "by %r" % meta.get("Người xuất"))
    check(meta.get("Trạng thái báo cáo được tính") == "đã gửi, đã chấp nhận", "statuses")
    check(meta.get("Số kỳ báo cáo được tính") == "2", "periods %r" % meta.get("Số kỳ báo cáo được tính"))
    a = audit_last("ranking")
    check(a is not None and a != before and a[1] == "export", "no audit row")
    check("format=xlsx year=2083" in a[2] and "weights=60/20/10/10" in a[2], "audit %r" % a[2])


@test
def page_states_formula_and_links():
    setup()
    c = wg()
    r = c.get("/export/ranking")
    check(r.status == 200, "page %d" % r.status)
    check('id="rk-formula"' in r.text and "60 × điểm chỉ tiêu" in r.text, "formula on the page")
    check('<option value="%d">' % YEAR in r.text, "year choice")
    check('href="/export/ranking"' in c.get("/export/").text, "link from the export home")


@test
def bad_choices_refused():
    setup()
    c = wg()
    for url in ("/export/ranking.csv", "/export/ranking.csv?period=%d&year=%d" % (F["p1"], YEAR),
                "/export/ranking.csv?year=%d&kind=commune" % YEAR, "/export/ranking.xlsx?year=1999"):
        r = c.get(url)
        check(r.status == 400, "%s: %d" % (url, r.status))
    check(c.get("/export/ranking.xlsx?period=4294967295").status == 404, "unknown period")


@test
def officer_forbidden():
    setup()
    c = Client()
    c.login_ok("t.rank.officer", PW)
    for url in ("/export/ranking", "/export/ranking.xlsx?year=%d" % YEAR, "/review/commendation",
                "/review/commendation.csv?year=%d" % YEAR):
        check(c.get(url).status == 403, "officer got %s" % url)
    tok = c.token()
    r = c.post("/review/commendation", {"csrf": tok, "year": str(YEAR), "unit": str(F["u"]["TEST-RK-D1"]),
                                        "picked": "1", "note": "tự đề xuất"})
    check(r.status == 403, "officer POST %d" % r.status)
    check(sql("SELECT COUNT(*) FROM commendation WHERE year = %d" % YEAR)[0][0] == "0", "stored")


def com_page(c):
    r = c.get("/review/commendation?year=%d" % YEAR)
    check(r.status == 200, "page %d %s" % (r.status, r.text[:200]))
    return r


def seen_of(text, uid):
    m = re.search(r'name="unit" value="%d">\s*<input type="hidden" name="seen" value="([^"]*)"' % uid, text)
    check(m is not None, "no form for unit %d" % uid)
    return m.group(1)


@test
def commendation_list_pick_and_export():
    setup()
    c = wg()
    r = com_page(c)
    d4 = F["u"]["TEST-RK-D4"]
    m = re.search(r'<tr id="u-%d"[^>]*data-rank="(\d+)" data-combined="([^"]+)"' % d4, r.text)
    check(m is not None and m.group(1) == "1" and float(m.group(2)) == 85.0, "D4 row %r" % ((m and m.groups()),))
    check('id="com-formula"' in r.text and "60 × điểm chỉ tiêu" in r.text, "formula")
    check('<option value="%d" selected>' % YEAR in r.text, "the year shown is not the one selected")
    uid = F["u"]["TEST-RK-D1"]
    note = 'Đề nghị tặng Bằng khen, "hoàn thành xuất sắc" <b>'
    tok = r.csrf()
    r = c.post("/review/commendation", {"csrf": tok, "year": str(YEAR), "unit": str(uid), "picked": "1",
                                        "note": note, "seen": seen_of(r.text, uid)})
    check(r.status in (302, 303), "save %d %s" % (r.status, r.text[:300]))
    row = sql("SELECT picked, note, updated_by FROM commendation WHERE year = %d AND unit_id = %d" % (YEAR, uid))
    check(row == [["1", note, str(F["wg"])]], "stored %r" % row)
    a = audit_last("%d:%d" % (YEAR, uid))
    check(a is not None and a[1] == "commendation" and "picked=1" in a[2] and note in a[2], "audit %r" % a)
    r = com_page(c)
    m = re.search(r'<tr id="u-%d"[^>]*data-picked="1"' % uid, r.text)
    check(m is not None, "not shown as picked")
    check("Đề nghị tặng Bằng khen, &quot;hoàn thành xuất sắc&quot; &lt;b&gt;" in r.text, "note not shown escaped")
    # untick, same note: an update with the old value in the trail
    r = c.post("/review/commendation", {"csrf": r.csrf(), "year": str(YEAR), "unit": str(uid), "note": note,
                                        "seen": seen_of(r.text, uid)})
    check(r.status in (302, 303), "untick %d" % r.status)
    a = audit_last("%d:%d" % (YEAR, uid))
    check("picked=0" in a[2] and "picked=1" in (sql("SELECT old_value FROM audit WHERE id = %s" % a[0])[0][0]),
          "old value")
    r = com_page(c)
    c.post("/review/commendation", {"csrf": r.csrf(), "year": str(YEAR), "unit": str(uid), "picked": "1",
                                    "note": note, "seen": seen_of(r.text, uid)})
    last = int(sql("SELECT COALESCE(MAX(id), 0) FROM audit")[0][0])
    r = c.get("/review/commendation.csv?year=%d" % YEAR)
    check(r.status == 200, "csv %d" % r.status)
    rows = csv_rows(r.body)
    check(rows[0][0] == "Loại đơn vị" and rows[0][-2:] == ["Đề xuất khen thưởng", "Ghi chú của Tổ công tác"],
          "header %r" % rows[0])
    got = {row[2]: row for row in rows[1:]}
    check(got["TEST-RK-D1"][-2:] == ["1", note], "pick in CSV %r" % got["TEST-RK-D1"][-2:])
    check(got["TEST-RK-D2"][-2] == "0", "unpicked")
    check(got["TEST-RK-D1"][0] == "Quận, huyện" and got["TEST-RK-S1"][0] == "Sở, ngành", "kinds")
    check(got["TEST-RK-D1"][1] == "2" and float(got["TEST-RK-D1"][-3]) == 76.0, "rank/score in CSV")
    check(sql("SELECT COUNT(*) FROM audit WHERE id > %d AND action = 'export' AND entity = 'commendation' "
              "AND new_value LIKE 'format=csv year=2083 %%'" % last)[0][0] == "1", "CSV export not audited")


@test
def commendation_bad_input_stores_nothing():
    setup()
    c = wg()
    uid = F["u"]["TEST-RK-D2"]
    sql("DELETE FROM commendation WHERE year = %d AND unit_id = %d" % (YEAR, uid))
    n_audit = sql("SELECT COUNT(*) FROM audit")[0][0]
    r = com_page(c)
    tok = r.csrf()
    base = {"csrf": tok, "year": str(YEAR), "unit": str(uid), "picked": "1", "seen": ""}
    # 1001 characters (3003 bytes): refused with the message, what was typed kept
    r = c.post("/review/commendation", dict(base, note="ệ" * 1001))
    check(r.status == 422, "long note %d" % r.status)
    check("Ghi chú dài quá 1000 ký tự." in r.text and 'id="error-summary"' in r.text, "no message")
    check("ệ" * 1001 in r.text, "typed note lost")
    # unknown unit, and a commune (not on the list)
    for bad in ("4294967290", str(F["u"]["TEST-RK-C1"])):
        r = c.post("/review/commendation", dict(base, unit=bad, note="x"))
        check(r.status == 422 and "Đơn vị không thuộc danh sách" in r.text, "unit %s: %d" % (bad, r.status))
    # no CSRF token
    r = c.post("/review/commendation", {k: v for k, v in dict(base, note="x").items() if k != "csrf"})
    check(r.status == 403, "no csrf %d" % r.status)
    r = c.post("/review/commendation", dict(base, csrf="0" * 64, note="x"))
    check(r.status == 403, "bad csrf %d" % r.status)
    check(sql("SELECT COUNT(*) FROM commendation WHERE year = %d AND unit_id = %d" % (YEAR, uid))[0][0] == "0",
          "something stored")
    check(sql("SELECT COUNT(*) FROM audit")[0][0] == n_audit, "audit rows written")
    # exactly 1000 characters is accepted
    r = c.post("/review/commendation", dict(base, note="ệ" * 1000))
    check(r.status in (302, 303), "1000 chars %d" % r.status)
    check(sql("SELECT CHAR_LENGTH(note) FROM commendation WHERE year = %d AND unit_id = %d"
              % (YEAR, uid))[0][0] == "1000", "1000-char note")


@test
def commendation_conflict_keeps_first():
    setup()
    uid = F["u"]["TEST-RK-D3"]
    sql("DELETE FROM commendation WHERE year = %d AND unit_id = %d" % (YEAR, uid))
    a, b = wg(), wg("t.rank.wg2")
    ra, rb = com_page(a), com_page(b)
    r = a.post("/review/commendation", {"csrf": ra.csrf(), "year": str(YEAR), "unit": str(uid), "picked": "1",
                                        "note": "ý kiến A", "seen": seen_of(ra.text, uid)})
    check(r.status in (302, 303), "first save %d" % r.status)
    r = b.post("/review/commendation", {"csrf": rb.csrf(), "year": str(YEAR), "unit": str(uid),
                                        "note": "ý kiến B", "seen": seen_of(rb.text, uid)})
    check(r.status == 409 and "vừa được người khác lưu" in r.text, "second save %d" % r.status)
    row = sql("SELECT picked, note FROM commendation WHERE year = %d AND unit_id = %d" % (YEAR, uid))
    check(row == [["1", "ý kiến A"]], "overwritten %r" % row)
    # after reloading, the second person can save
    rb = com_page(b)
    r = b.post("/review/commendation", {"csrf": rb.csrf(), "year": str(YEAR), "unit": str(uid),
                                        "note": "ý kiến B", "seen": seen_of(rb.text, uid)})
    check(r.status in (302, 303), "save after reload %d" % r.status)


@test
def missing_forms_count_once_due():
    """Q2's due date moved into the past: D4 (no form) and D3 (a draft) now
    miss it; D4 is 1 on time of 2, (60*80 + 20*50) / 80 = 72.5."""
    setup()
    due = sql("SELECT due_on FROM period WHERE id = %d" % F["p2"])[0][0]
    sql("UPDATE period SET due_on = '2026-01-15' WHERE id = %d" % F["p2"])
    try:
        rows = csv_rows(wg().get("/export/ranking.csv?year=%d&kind=district" % YEAR).body)
    finally:
        sql("UPDATE period SET due_on = '%s' WHERE id = %d" % (due, F["p2"]))
    got = by_code(rows, 1)
    d4, d3 = got["TEST-RK-D4"], got["TEST-RK-D3"]
    check(d4[5:9] == ["1", "0", "1", "50"], "D4 timeliness %r" % d4[5:9])
    check(float(d4[-1]) == 72.5, "D4 combined %s" % d4[-1])
    check(d3[5:9] == ["0", "1", "1", "0"], "D3 timeliness %r" % d3[5:9])


@test
def english_twin():
    setup()
    c = wg()
    c.cookies["lang"] = "en"
    r = c.get("/review/commendation?year=%d" % YEAR)
    check(r.status == 200 and "Commendation proposals for the year" in r.text, "en page %d" % r.status)
    check("60 × indicator score + 20 × share of reports delivered on time" in r.text, "en formula")
    r = c.get("/export/ranking.xlsx?period=%d" % F["p1"])
    check(r.status == 200, "en xlsx %d" % r.status)
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
        f.write(r.body)
        f.flush()
        wb = openpyxl.load_workbook(f.name, read_only=True)
        check(wb.sheetnames == ["Districts", "Departments", "Formula"], "sheets %r" % wb.sheetnames)
        head = next(wb["Districts"].iter_rows(values_only=True))
        meta = {row[0]: row[1] for row in wb["Formula"].iter_rows(values_only=True)}
    check(head[0] == "Rank" and head[-1] == "Combined score", "header %r" % (head,))
    check(meta.get("Period / year") == "Q1/2083", "period %r" % meta.get("Period / year"))


@test
def cli_writes_the_same_csv():
    setup()
    web = wg().get("/export/ranking.csv?year=%d&kind=district" % YEAR).body
    env = dict(os.environ, EGOV_CONFIG=os.path.join(VAR, "egov.conf"))
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "rk.csv")
        p = subprocess.run([os.path.join(ROOT, BUILD, "egov-export"), "ranking", "--year", str(YEAR),
                            "--format", "csv", "--kind", "district", "--out", out],
                           capture_output=True, text=True, env=env)
        check(p.returncode == 0, "cli: %s" % p.stderr.strip())
        with open(out, "rb") as f:
            check(f.read() == web, "CLI CSV differs from the web's")
        p = subprocess.run([os.path.join(ROOT, BUILD, "egov-export"), "ranking", "--format", "csv",
                            "--out", out], capture_output=True, text=True, env=env)
        check(p.returncode == 2, "usage error %d" % p.returncode)
    a = audit_last("ranking")
    check("by=cli:" in a[2] and "format=csv year=2083 (Năm 2083) kind=district" in a[2], "cli audit %r" % a[2])


if __name__ == "__main__":
    run()
