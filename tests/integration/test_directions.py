"""Conclusions and directions, and the annual plan, over HTTP, each step
checked in the database: the working group's register (create, edit with a
version check, confirm done with done_on = today in Hanoi, drop with a
reason), the owner unit's progress reports from /report/directions (only its
own directions and tasks; another unit's id is refused and nothing stored),
overdue computed at the day boundary of Asia/Ho_Chi_Minh, the plan's sums
and its XLSX export, the dashboard's blocks, CSRF, roles and the database
accounts' grants.

Own users dir.*, own units TEST-DIR-* (kind 'other', valid from 2090 so no
reporting period asks them), own direction codes TDIR-*, own plan year 2044;
everything is reset at the start, so the file runs again on a kept stack."""

import datetime
import io
import os
import re
import subprocess
import zipfile
from zoneinfo import ZoneInfo

from egov import ROOT, VAR, Client, check, ensure_user, run, secrets, sql, sql_as, test

PW = "password123"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = 2044


def hanoi_today():
    return datetime.datetime.now(HANOI).date()


def vn(d):
    return d.strftime("%d/%m/%Y")


def q(s):
    return s.replace("'", "''")


def one(query):
    rows = sql(query)
    return rows[0][0] if rows else None


def unit_id(code):
    return int(one("SELECT id FROM unit WHERE code = '%s'" % code))


def setup():
    for code, name in (("TEST-DIR-A", "Đơn vị thử chỉ đạo A"), ("TEST-DIR-B", "Đơn vị thử chỉ đạo B"),
                       ("TEST-DIR-C", "Đơn vị thử chỉ đạo C")):
        sql("INSERT IGNORE INTO unit (code, name, kind, valid_from) VALUES ('%s', '%s', 'other', '2090-01-01')"
            % (code, name))
    ensure_user("dir.wg", "-", "wg", PW)
    ensure_user("dir.head", "-", "head", PW, name="Trưởng ban thử")
    ensure_user("dir.offa", "TEST-DIR-A", "officer", PW)
    ensure_user("dir.offb", "TEST-DIR-B", "officer", PW)
    ensure_user("dir.heada", "TEST-DIR-A", "unit_head,member", PW)
    ensure_user("dir.deputy", "-", "deputy", PW)
    clean()


def clean():
    ids = "SELECT id FROM direction WHERE code LIKE 'TDIR-%'"
    sql("DELETE FROM direction_progress WHERE direction_id IN (%s)" % ids)
    sql("DELETE FROM direction_unit WHERE direction_id IN (%s)" % ids)
    sql("DELETE FROM direction WHERE code LIKE 'TDIR-%'")
    tasks = "SELECT t.id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = %d" % YEAR
    sql("DELETE FROM plan_task_unit WHERE task_id IN (%s)" % tasks)
    sql("DELETE t FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = %d" % YEAR)
    sql("DELETE FROM plan WHERE year = %d" % YEAR)


def login(who):
    return Client().login_ok(who, PW)


def head_id():
    return int(one("SELECT id FROM app_user WHERE login = 'dir.head'"))


def add_direction(code, deadline, units, status="new", given=None, done_on=None):
    """Straight into the database (a fixture); returns the id."""
    given = given or (deadline - datetime.timedelta(days=30))
    sql("INSERT INTO direction (code, body, source_doc, given_by, given_on, deadline, status, done_on, "
        "created_by, created_at) VALUES ('%s', 'Nội dung %s', 'Công văn thử', %d, '%s', '%s', '%s', %s, %d, "
        "UTC_TIMESTAMP())" % (code, code, head_id(), given, deadline, status,
                              "'%s'" % done_on if done_on else "NULL", head_id()))
    did = int(one("SELECT id FROM direction WHERE code = '%s'" % code))
    for u in units:
        sql("INSERT INTO direction_unit VALUES (%d, %d)" % (did, unit_id(u)))
    return did


def counts():
    return tuple(one(s) for s in (
        "SELECT COUNT(*) FROM direction WHERE code LIKE 'TDIR-%'",
        "SELECT COUNT(*) FROM direction_progress p JOIN direction d ON d.id = p.direction_id "
        "WHERE d.code LIKE 'TDIR-%'",
        "SELECT COUNT(*) FROM audit WHERE entity IN ('direction', 'plan_task', 'plan')",
        "SELECT GROUP_CONCAT(CONCAT(id, status, version, progress, COALESCE(budget_spent, '')) ORDER BY id) "
        "FROM plan_task",
        "SELECT GROUP_CONCAT(CONCAT(id, status, version) ORDER BY id) FROM direction"))


def dir_form(c, **kw):
    d = {"csrf": c.token("/review/directions"), "code": "TDIR-1", "body": "Hoàn thành kết nối",
         "meeting": "0", "source_doc": "Thông báo 9/TB-BCĐ", "given_by": str(head_id()),
         "given_on": vn(hanoi_today()), "deadline": vn(hanoi_today() + datetime.timedelta(days=20))}
    d.update(kw)
    return d


def post_list(c, path, pairs):
    """POST with repeated keys (owner=…&owner=…)."""
    import urllib.parse
    return c.post(path, urllib.parse.urlencode(pairs))


# ---- tests ----

@test
def overdue_at_hanoi_day_boundary():
    setup()
    today = hanoi_today()
    yesterday = today - datetime.timedelta(days=1)
    a = add_direction("TDIR-Y", yesterday, ["TEST-DIR-A"])
    b = add_direction("TDIR-T", today, ["TEST-DIR-A"])
    wg = login("dir.wg")
    r = wg.get("/review/directions?status=overdue&unit=%d" % unit_id("TEST-DIR-A"))
    check(r.status == 200, "register: %d" % r.status)
    check('id="dir-%d"' % a in r.text, "due yesterday in Hanoi is listed as overdue")
    check('id="dir-%d"' % b not in r.text, "due today in Hanoi is not overdue")
    check(re.search(r'id="dir-%d"[^>]*data-overdue="1"' % a, r.text), "overdue mark")
    r = login("dir.offa").get("/report/directions")
    check(re.search(r'id="dir-%d"[^>]*data-overdue="1"' % a, r.text), "officer sees the overdue mark")
    check(re.search(r'id="dir-%d"[^>]*data-overdue="0"' % b, r.text), "due today: no mark for the officer")
    r = wg.get("/review/directions")
    check(re.search(r'id="ou-%d"' % unit_id("TEST-DIR-A"), r.text), "overdue per unit table lists the unit")


@test
def create_edit_and_refusals():
    setup()
    wg = login("dir.wg")
    base = counts()
    # refusals: 422, a message, nothing stored
    for kw, msg in (({"code": ""}, "Nhập số hiệu"),
                    ({"body": "  "}, "Nhập nội dung"),
                    ({"source_doc": "", "meeting": "0"}, "Chọn cuộc họp hoặc ghi văn bản nguồn"),
                    ({"given_by": str(int(one("SELECT id FROM app_user WHERE login = 'dir.offa'")))},
                     "Trưởng ban hoặc Phó Trưởng ban"),
                    ({"deadline": "31/02/2044"}, "Ngày không hợp lệ"),
                    ({"deadline": vn(hanoi_today() - datetime.timedelta(days=3))}, "không được trước ngày chỉ đạo")):
        d = dir_form(wg, **kw)
        r = post_list(wg, "/review/direction", list(d.items()) + [("owner", str(unit_id("TEST-DIR-A")))])
        check(r.status == 422 and msg in r.text, "refused %r: %d" % (kw, r.status))
        check(counts() == base, "nothing stored after %r" % kw)
    d = dir_form(wg)
    r = post_list(wg, "/review/direction", list(d.items()))
    check(r.status == 422 and "ít nhất một đơn vị" in r.text, "no owner unit: %d" % r.status)
    r = post_list(wg, "/review/direction", list(d.items()) + [("owner", "999999999")])
    check(r.status == 422, "unknown unit: %d" % r.status)
    check(counts() == base, "nothing stored")
    # created, with two owners, audited
    r = post_list(wg, "/review/direction", list(d.items()) + [("owner", str(unit_id("TEST-DIR-A"))),
                                                             ("owner", str(unit_id("TEST-DIR-B")))])
    check(r.status == 303 and r.header("Location") == "/review/directions?done=created", "create: %d" % r.status)
    did = int(one("SELECT id FROM direction WHERE code = 'TDIR-1'"))
    check(one("SELECT COUNT(*) FROM direction_unit WHERE direction_id = %d" % did) == "2", "two owner units")
    check(one("SELECT COUNT(*) FROM audit WHERE entity = 'direction' AND entity_id = '%d' "
              "AND action = 'direction_create'" % did) == "1", "audited")
    # duplicate number
    r = post_list(wg, "/review/direction", list(dir_form(wg).items()) + [("owner", str(unit_id("TEST-DIR-A")))])
    check(r.status == 422 and "Số hiệu này đã có" in r.text, "duplicate code: %d" % r.status)
    # edit: owners replaced; then a stale version is refused with 409
    e = dir_form(wg, id=str(did), version="1", body="Nội dung đã sửa")
    r = post_list(wg, "/review/direction", list(e.items()) + [("owner", str(unit_id("TEST-DIR-C")))])
    check(r.status == 303, "edit: %d" % r.status)
    check(one("SELECT CONCAT(body, '|', version) FROM direction WHERE id = %d" % did) == "Nội dung đã sửa|2",
          "edited")
    check(sql("SELECT unit_id FROM direction_unit WHERE direction_id = %d" % did) == [[str(unit_id("TEST-DIR-C"))]],
          "owners replaced")
    before = counts()
    e["body"] = "Ghi đè"
    r = post_list(wg, "/review/direction", list(e.items()) + [("owner", str(unit_id("TEST-DIR-A")))])
    check(r.status == 409 and "người khác thay đổi" in r.text, "stale version: %d" % r.status)
    check(r.field("version") == "2" and r.field("code") == "TDIR-1", "the form shows the row as it now is")
    check(counts() == before and one("SELECT body FROM direction WHERE id = %d" % did) == "Nội dung đã sửa",
          "nothing overwritten")
    r = wg.get("/review/direction?id=%d" % did)
    check(r.status == 200 and "Nội dung đã sửa" in r.text, "edit page")
    check(wg.get("/review/direction?id=999999999").status == 404, "unknown id: 404")


@test
def roles_and_csrf():
    setup()
    off = login("dir.offa")
    for path in ("/review/directions", "/review/plan", "/review/direction"):
        check(off.get(path).status == 403, "officer on %s" % path)
    check(login("dir.wg").get("/report/directions").status == 403, "working group has no unit page")
    dep = login("dir.deputy")
    check(dep.get("/dashboard/directions").status == 200, "deputy reads the dashboard")
    check(off.get("/dashboard/directions").status == 403, "officer: no dashboard")
    check(off.get("/export/plan.xlsx?year=2026").status == 403, "officer: no export")
    wg = login("dir.wg")
    base = counts()
    d = dir_form(wg)
    d.pop("csrf")
    r = post_list(wg, "/review/direction", list(d.items()) + [("owner", str(unit_id("TEST-DIR-A")))])
    check(r.status == 403, "create without CSRF: %d" % r.status)
    did = add_direction("TDIR-C1", hanoi_today(), ["TEST-DIR-A"])
    base = counts()
    r = off.post("/report/direction-progress", {"id": did, "version": 1, "status": "reported", "note": "x"})
    check(r.status == 403, "progress without CSRF: %d" % r.status)
    r = wg.post("/review/direction-state", {"id": did, "version": 1, "action": "confirm"})
    check(r.status == 403, "confirm without CSRF: %d" % r.status)
    check(counts() == base, "nothing stored without CSRF")
    check(wg.get("/review/direction-state").status == 405, "GET on a POST page: 405")


@test
def officer_reports_only_own_unit():
    setup()
    a = add_direction("TDIR-A", hanoi_today() + datetime.timedelta(days=5), ["TEST-DIR-A"])
    both = add_direction("TDIR-AB", hanoi_today() + datetime.timedelta(days=5), ["TEST-DIR-A", "TEST-DIR-B"])
    offa, offb = login("dir.offa"), login("dir.offb")
    r = offa.get("/report/directions")
    check('id="dir-%d"' % a in r.text and 'id="dir-%d"' % both in r.text, "A sees its directions")
    check('id="dir-%d"' % a not in offb.get("/report/directions").text, "B does not see A's direction")
    base = counts()
    tok = offb.token("/report/")
    r = offb.post("/report/direction-progress", {"csrf": tok, "id": a, "version": 1, "status": "reported",
                                                 "note": "Đã xong"})
    check(r.status == 403, "another unit's direction: %d" % r.status)
    r = offb.post("/report/direction-progress", {"csrf": tok, "id": 999999999, "version": 1,
                                                 "status": "reported", "note": "Đã xong"})
    check(r.status == 404, "no such direction: %d" % r.status)
    tok = offa.token("/report/")
    r = offa.post("/report/direction-progress", {"csrf": tok, "id": a, "version": 1, "status": "reported",
                                                 "note": "   "})
    check(r.status == 422 and "Ghi nội dung" in r.text, "note required: %d" % r.status)
    r = offa.post("/report/direction-progress", {"csrf": tok, "id": a, "version": 1, "status": "done",
                                                 "note": "x"})
    check(r.status == 400, "an officer cannot set done: %d" % r.status)
    check(counts() == base, "nothing stored")
    r = offa.post("/report/direction-progress", {"csrf": tok, "id": a, "version": 1, "status": "reported",
                                                 "note": "Đã hoàn thành, gửi kèm báo cáo số 5"})
    check(r.status == 303 and r.header("Location") == "/report/directions?done=progress", "report: %d" % r.status)
    row = sql("SELECT status, version FROM direction WHERE id = %d" % a)[0]
    check(row == ["reported", "2"], "status reported, version 2: %r" % row)
    p = sql("SELECT unit_id, status_from, status_to, note FROM direction_progress WHERE direction_id = %d" % a)
    check(p == [[str(unit_id("TEST-DIR-A")), "new", "reported", "Đã hoàn thành, gửi kèm báo cáo số 5"]],
          "progress row: %r" % p)
    check(one("SELECT COUNT(*) FROM audit WHERE action = 'direction_progress' AND entity_id = '%d' "
              "AND actor_unit_id = %d" % (a, unit_id("TEST-DIR-A"))) == "1", "audited with the unit")
    # the same form again (stale version): 409, nothing stored
    base = counts()
    r = offa.post("/report/direction-progress", {"csrf": tok, "id": a, "version": 1, "status": "in_progress",
                                                 "note": "lần hai"})
    check(r.status == 409, "stale version: %d" % r.status)
    check(counts() == base, "nothing stored on conflict")
    # the unit head may report too
    h = login("dir.heada")
    r = h.post("/report/direction-progress", {"csrf": h.token("/report/"), "id": both, "version": 1,
                                              "status": "in_progress", "note": "Đang triển khai"})
    check(r.status == 303, "unit head reports: %d" % r.status)
    # the start page's block counts the unit's directions
    r = offa.get("/report/")
    check('id="unit-work"' in r.text and "/report/directions" in r.text, "start page block")
    m = re.search(r'id="uw-open">(\d+) ', r.text)
    check(m and m.group(1) == "2", "open directions on the start page: %r" % (m and m.group(1)))


@test
def working_group_confirms_and_drops():
    setup()
    did = add_direction("TDIR-D", hanoi_today() + datetime.timedelta(days=5), ["TEST-DIR-A"], status="reported")
    wg = login("dir.wg")
    tok = wg.token("/review/directions")
    base = counts()
    r = wg.post("/review/direction-state", {"csrf": tok, "id": did, "version": 1, "action": "drop", "note": " "})
    check(r.status == 422 and "Ghi lý do" in r.text, "drop needs a reason: %d" % r.status)
    r = wg.post("/review/direction-state", {"csrf": tok, "id": did, "version": 7, "action": "confirm"})
    check(r.status == 409, "stale version: %d" % r.status)
    check(counts() == base, "nothing stored")
    r = wg.post("/review/direction-state", {"csrf": tok, "id": did, "version": 1, "action": "confirm"})
    check(r.status == 303, "confirm: %d" % r.status)
    row = sql("SELECT status, done_on FROM direction WHERE id = %d" % did)[0]
    check(row == ["done", hanoi_today().isoformat()], "done today in Hanoi: %r" % row)
    check(one("SELECT COUNT(*) FROM direction_progress WHERE direction_id = %d AND unit_id IS NULL "
              "AND status_to = 'done'" % did) == "1", "the working group's entry in the history")
    check(one("SELECT COUNT(*) FROM audit WHERE action = 'direction_done' AND entity_id = '%d'" % did) == "1",
          "audited")
    # a finished direction cannot be dropped any more, nor reported on
    r = wg.post("/review/direction-state", {"csrf": tok, "id": did, "version": 2, "action": "drop",
                                            "note": "thôi"})
    check(r.status == 409, "drop after done: %d" % r.status)
    off = login("dir.offa")
    r = off.post("/report/direction-progress", {"csrf": off.token("/report/"), "id": did, "version": 2,
                                                "status": "in_progress", "note": "x"})
    check(r.status == 409, "report on a done direction: %d" % r.status)
    d2 = add_direction("TDIR-E", hanoi_today(), ["TEST-DIR-B"])
    r = wg.post("/review/direction-state", {"csrf": tok, "id": d2, "version": 1, "action": "drop",
                                            "note": "Đã gộp vào nhiệm vụ khác"})
    check(r.status == 303, "drop: %d" % r.status)
    check(sql("SELECT status, drop_reason FROM direction WHERE id = %d" % d2)[0] ==
          ["dropped", "Đã gộp vào nhiệm vụ khác"], "dropped with its reason")
    r = wg.get("/review/direction?id=%d" % did)
    check("Đã hoàn thành" in r.text and 'id="history"' in r.text, "history shown")


def plan_setup(wg):
    tok = wg.token("/review/plan?year=%d" % YEAR)
    r = wg.post("/review/plan", {"csrf": tok, "year": YEAR, "kind": "work", "title": "Chương trình thử %d" % YEAR})
    check(r.status == 303, "create plan: %d" % r.status)
    r = wg.post("/review/plan", {"csrf": tok, "year": YEAR, "kind": "work", "title": "Lần hai"})
    check(r.status == 422 and "đã có kế hoạch loại đó" in r.text, "second work plan refused: %d" % r.status)
    return int(one("SELECT id FROM plan WHERE year = %d AND kind = 'work'" % YEAR)), tok


def task_pairs(tok, plan, code, owner, deadline, est="", alloc="", coop=()):
    return [("csrf", tok), ("plan", str(plan)), ("code", code), ("title", "Nhiệm vụ " + code),
            ("owner", str(unit_id(owner))), ("deadline", deadline), ("budget_estimated", est),
            ("budget_allocated", alloc)] + [("coop", str(unit_id(c))) for c in coop]


@test
def plan_tasks_budgets_and_export():
    setup()
    wg = login("dir.wg")
    plan, tok = plan_setup(wg)
    base = counts()
    for est, msg in (("-5", "không âm"), ("1.234", "không âm"), ("abc", "không âm"), ("1,23456", "không âm")):
        r = post_list(wg, "/review/plan-task", task_pairs(tok, plan, "T1", "TEST-DIR-A", "31/03/%d" % YEAR, est))
        check(r.status == 422 and msg in r.text, "budget %r refused: %d" % (est, r.status))
    r = post_list(wg, "/review/plan-task", task_pairs(tok, plan, "T1", "TEST-DIR-A", "31/13/%d" % YEAR))
    check(r.status == 422, "bad deadline: %d" % r.status)
    check(counts() == base, "nothing stored")
    r = post_list(wg, "/review/plan-task", task_pairs(tok, plan, "T1", "TEST-DIR-A", "31/03/%d" % YEAR,
                                                      "12,5", "10.25", coop=("TEST-DIR-B",)))
    check(r.status == 303, "task 1: %d" % r.status)
    r = post_list(wg, "/review/plan-task", task_pairs(tok, plan, "T2", "TEST-DIR-B", "30/09/%d" % YEAR,
                                                      "20", "20"))
    check(r.status == 303, "task 2: %d" % r.status)
    r = post_list(wg, "/review/plan-task", task_pairs(tok, plan, "T2", "TEST-DIR-B", "30/09/%d" % YEAR))
    check(r.status == 422 and "Số hiệu này đã có" in r.text, "duplicate task code: %d" % r.status)
    t1 = int(one("SELECT id FROM plan_task WHERE plan_id = %d AND code = 'T1'" % plan))
    t2 = int(one("SELECT id FROM plan_task WHERE plan_id = %d AND code = 'T2'" % plan))
    check(sql("SELECT budget_estimated, budget_allocated FROM plan_task WHERE id = %d" % t1) ==
          [["12.500", "10.250"]], "decimal comma and point both read")
    check(one("SELECT COUNT(*) FROM audit WHERE action = 'plan_task_create' AND entity_id IN ('%d', '%d')"
              % (t1, t2)) == "2", "tasks audited")
    # the owner unit reports; another unit and a co-operating unit cannot
    offa, offb = login("dir.offa"), login("dir.offb")
    r = offa.get("/report/directions")
    check('id="task-%d"' % t1 in r.text and 'id="task-%d"' % t2 not in r.text, "A's own tasks")
    r = offb.get("/report/directions")
    check('id="coop-%d"' % t1 in r.text, "B sees T1 read-only as a co-operating unit")
    check('id="task-%d"' % t2 in r.text, "B's own task")
    base = counts()
    tb = offb.token("/report/")
    r = offb.post("/report/task-progress", {"csrf": tb, "id": t1, "version": 1, "status": "in_progress",
                                            "progress": "90", "spent": "1"})
    check(r.status == 403, "co-operating unit updates the task: %d" % r.status)
    ta = offa.token("/report/")
    for kw, msg in (({"progress": "101"}, "từ 0 đến 100"), ({"progress": "4,5"}, "từ 0 đến 100"),
                    ({"progress": ""}, "từ 0 đến 100"), ({"spent": "-1"}, "không âm"),
                    ({"spent": "1.234"}, "không âm")):
        d = {"csrf": ta, "id": t1, "version": 1, "status": "in_progress", "progress": "40", "spent": "3,25"}
        d.update(kw)
        r = offa.post("/report/task-progress", d)
        check(r.status == 422 and msg in r.text, "refused %r: %d" % (kw, r.status))
    r = offa.post("/report/task-progress", {"csrf": ta, "id": t2, "version": 1, "status": "in_progress",
                                            "progress": "50"})
    check(r.status == 403, "another unit's task: %d" % r.status)
    r = offa.post("/report/task-progress", {"csrf": ta, "id": 999999999, "version": 1, "status": "in_progress",
                                            "progress": "50"})
    check(r.status == 404, "no such task: %d" % r.status)
    check(counts() == base, "nothing stored")
    r = offa.post("/report/task-progress", {"csrf": ta, "id": t1, "version": 1, "status": "in_progress",
                                            "progress": "40", "spent": "3,25", "note": "Đang làm"})
    check(r.status == 303, "owner updates: %d" % r.status)
    check(sql("SELECT status, progress, budget_spent, note, version FROM plan_task WHERE id = %d" % t1) ==
          [["in_progress", "40", "3.250", "Đang làm", "2"]], "stored")
    check(one("SELECT COUNT(*) FROM audit WHERE action = 'plan_task_progress' AND entity_id = '%d'" % t1) == "1",
          "audited")
    base = counts()
    r = offa.post("/report/task-progress", {"csrf": ta, "id": t1, "version": 1, "status": "done",
                                            "progress": "100"})
    check(r.status == 409, "stale version: %d" % r.status)
    check(counts() == base, "nothing stored on conflict")
    # the working group's edit with the old version is refused too
    r = post_list(wg, "/review/plan-task", [("csrf", tok), ("id", str(t1)), ("version", "1"), ("code", "T1"),
                                            ("title", "x"), ("owner", str(unit_id("TEST-DIR-A"))),
                                            ("deadline", "31/03/%d" % YEAR)])
    check(r.status == 409 and r.field("version") == "2", "working group with a stale version: %d" % r.status)
    # sums: mean progress (40 + 0) / 2 = 20; spent / allocated = 3.25 / 30.25
    r = wg.get("/review/plan?year=%d" % YEAR)
    check(re.search(r'id="overall-progress">20%', r.text), "overall progress 20%")
    check(re.search(r'id="budget-used">3,25 / 30,25', r.text), "budget used: %r" %
          re.findall(r'id="budget-used">[^<]*', r.text))
    check(re.search(r'id="overdue-tasks">0<', r.text), "no task overdue in 2044")
    check("Quý 1" in r.text and "Quý 3" in r.text, "per quarter")
    check(re.search(r'id="by-unit".*Đơn vị thử chỉ đạo A.*Đơn vị thử chỉ đạo B', r.text, re.S), "per unit")
    # the export: the tasks, the sums, the metadata; audited
    before = int(one("SELECT COUNT(*) FROM audit WHERE action = 'export' AND entity_id = 'plan'"))
    r = wg.get("/export/plan.xlsx?year=%d" % YEAR)
    check(r.status == 200 and r.header("Content-Type").startswith("application/vnd.openxmlformats"),
          "xlsx: %d" % r.status)
    z = zipfile.ZipFile(io.BytesIO(r.body))
    strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    for s in ("Nhiệm vụ T1", "Nhiệm vụ T2", "Đơn vị thử chỉ đạo A", "Đơn vị thử chỉ đạo B", "Toàn kế hoạch",
              "Kế hoạch năm %d" % YEAR, "triệu đồng"):
        check(s in strings, "%r in the workbook" % s)
    check(len([n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]) == 4, "four sheets")
    sheet1 = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    check("<v>3.25</v>" in sheet1 and "<v>40</v>" in sheet1, "numbers as numbers")
    check(int(one("SELECT COUNT(*) FROM audit WHERE action = 'export' AND entity_id = 'plan'")) == before + 1,
          "export audited")
    check(wg.get("/export/plan.xlsx?year=2043").status == 404, "no plan that year: 404")
    check(wg.get("/export/plan.xlsx").status == 400, "year required")


@test
def overdue_task_and_dashboard():
    setup()
    wg = login("dir.wg")
    plan, tok = plan_setup(wg)
    # a task of the past: move the deadline to yesterday in Hanoi (fixture)
    r = post_list(wg, "/review/plan-task", task_pairs(tok, plan, "T9", "TEST-DIR-A", "31/12/%d" % YEAR, "5", "5"))
    check(r.status == 303, "task: %d" % r.status)
    y = hanoi_today() - datetime.timedelta(days=1)
    sql("UPDATE plan_task SET deadline = '%s' WHERE plan_id = %d AND code = 'T9'" % (y, plan))
    r = wg.get("/review/plan?year=%d" % YEAR)
    check(re.search(r'id="overdue-tasks">1<', r.text), "a task due yesterday is overdue")
    a = add_direction("TDIR-O", y, ["TEST-DIR-A"])
    dep = login("dir.deputy")
    r = dep.get("/dashboard/directions")
    check(r.status == 200 and re.search(r'id="dirs-unit-%d"' % unit_id("TEST-DIR-A"), r.text),
          "dashboard lists the unit's overdue direction")
    check("TDIR-O" in r.text, "the direction named")
    r = dep.get("/dashboard/")
    check(r.status == 200 and 'id="overdue-directions"' in r.text and "TDIR-O" in r.text,
          "overview block of overdue directions")
    n = int(re.search(r'id="dirs-overdue-count">(\d+)<', r.text).group(1))
    check(n == int(one("SELECT COUNT(*) FROM direction WHERE deadline < '%s' AND status IN "
                       "('new', 'in_progress', 'reported')" % hanoi_today())), "count as the database says")
    sql("UPDATE direction SET status = 'done', done_on = '%s' WHERE id = %d" % (hanoi_today(), a))
    check("TDIR-O" not in dep.get("/dashboard/").text, "a done direction is not overdue")


CHARTS = os.environ.get("CHARTS_BIN") or next(
    (p for p in (os.path.join(ROOT, "build-san", "egov-charts"), os.path.join(ROOT, "build", "egov-charts"))
     if os.path.exists(p)), os.path.join(ROOT, "build", "egov-charts"))


@test
def briefing_lists_overdue_directions():
    """The briefing pack's list: as of today for the current period, as of
    the end of the data window for a past one (a direction done since then
    was still overdue on that day)."""
    setup()
    today = hanoi_today()
    rows = sql("SELECT p.id, p.cutoff_end FROM period p WHERE EXISTS (SELECT 1 FROM agg_value a "
               "WHERE a.period_id = p.id) ORDER BY p.cutoff_end DESC")
    past = [r for r in rows if datetime.date.fromisoformat(r[1]) < today][:1]
    now = [r for r in rows if datetime.date.fromisoformat(r[1]) >= today][-1:]
    check(past or now, "a period with aggregated figures on this stack")
    for pid, cut_end in now + past:
        clean()
        pid, cut_end = int(pid), datetime.date.fromisoformat(cut_end)
        current = cut_end >= today
        as_of = today if current else cut_end
        late = add_direction("TDIR-BRIEF", as_of - datetime.timedelta(days=1), ["TEST-DIR-A"],
                             given=as_of - datetime.timedelta(days=40))
        add_direction("TDIR-NOTYET", as_of, ["TEST-DIR-A"], given=as_of - datetime.timedelta(days=40))
        add_direction("TDIR-DROP", as_of - datetime.timedelta(days=2), ["TEST-DIR-A"], status="dropped",
                      given=as_of - datetime.timedelta(days=40))
        if not current:
            # done after the window's end: still overdue on that day
            sql("UPDATE direction SET status = 'done', done_on = '%s' WHERE id = %d" % (today, late))
        r = subprocess.run([CHARTS, "--period", str(pid)], capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, EGOV_CONFIG=os.path.join(VAR, "egov.conf")))
        check(r.returncode == 0, "egov-charts: %s" % r.stderr[-400:])
        pdf = os.path.join(VAR, "charts", str(pid), "briefing.pdf")
        out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True)
        check(out.returncode == 0, "pdftotext: %s" % out.stderr)
        text = out.stdout
        day = "Kết luận, chỉ đạo quá hạn (tính đến %s, %s)" % (vn(as_of), "hôm nay" if current
                                                               else "hết kỳ số liệu")
        check(day in text, "period %d: the section and its day %r" % (pid, day))
        check("TDIR-BRIEF" in text, "period %d: the overdue direction is listed" % pid)
        check("TDIR-NOTYET" not in text, "period %d: one due on that day is not" % pid)
        check("TDIR-DROP" not in text, "period %d: a dropped one is not" % pid)
        cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"], capture_output=True,
                               text=True).stdout
        check("Kết luận, chỉ đạo quá hạn" in cover, "listed in the contents")
    clean()


@test
def grants_least_privilege():
    s = secrets()
    ok, err = sql_as("egov_report", s["REPORT_PW"], "UPDATE direction SET body = 'x' WHERE id = 0")
    check(not ok, "report may not change a direction's text")
    ok, err = sql_as("egov_report", s["REPORT_PW"], "UPDATE plan_task SET budget_allocated = 1 WHERE id = 0")
    check(not ok, "report may not change an allocated budget")
    ok, err = sql_as("egov_report", s["REPORT_PW"], "UPDATE plan_task SET progress = 1 WHERE id = 0")
    check(ok, "report may update progress: %s" % err)
    ok, err = sql_as("egov_dashboard", s["DASHBOARD_PW"], "INSERT INTO direction_unit VALUES (0, 0)")
    check(not ok, "dashboard is read only")
    ok, err = sql_as("egov_export", s["EXPORT_PW"], "UPDATE plan SET title = 'x' WHERE id = 0")
    check(not ok, "export is read only")
    ok, err = sql_as("egov_aggregate", s["AGGREGATE_PW"], "SELECT COUNT(*) FROM direction")
    check(ok, "the briefing pack reads directions: %s" % err)


@test
def cleanup():
    clean()
    check(one("SELECT COUNT(*) FROM direction WHERE code LIKE 'TDIR-%'") == "0", "test directions removed")


run()
