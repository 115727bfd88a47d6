"""The working group's program (/review/) over HTTP, each step checked in the
database: who may reach it and CSRF; the queue (oldest first, filters);
accept, return with a comment, resubmit, reopen, two reviewers at once; the
flags a reviewer sees (range, cross-field rule, jump since the last period,
missing); corrections with a reason; the reporting calendar (Decree 09
defaults, open/close/lock/unlock) and the indicators each period asks;
completeness against a hand-computed fixture; the audit trail, its search
and its CSV export.

Own users rv.*, own units TEST-RV-*, own periods in 2040-2049 (a period or a
year per test), so every test runs again on a kept stack."""

import csv
import html
import io
import re

from egov import (Client, check, complete_values, ensure_period, ensure_user, form_rows, period_id, run,
                  secrets, sql, sql_as, test)

PW = "password123"
WG = "rv.wg"
WG2 = "rv.wg2"

MSG = {
    "forbidden": "Bạn không có quyền truy cập trang này.",
    "csrf": "Phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ",
    "conflict": "Dữ liệu đã bị thay đổi bởi người khác",
    "locked": "Kỳ báo cáo đã khóa, không thể sửa số liệu.",
    "closed": "Kỳ báo cáo chưa mở hoặc đã đóng.",
    "comment_required": "Khi trả lại hoặc mở lại báo cáo, hãy ghi ý kiến cho đơn vị.",
    "reason_required": "Hãy ghi lý do (ít nhất 5 ký tự).",
    "ambiguous": "Không rõ dấu phân cách",
    "range": "Giá trị nằm ngoài khoảng cho phép",
    "syntax": "Không phải là số.",
    "fraction": "Chỉ tiêu này chỉ nhận số nguyên.",
    "required": "Chỉ tiêu bắt buộc",
    "jump_note": "Số liệu thay đổi nhiều so với kỳ trước: hãy ghi chú giải thích trước khi gửi.",
    "period_exists": "Kỳ báo cáo này đã có.",
    "period_invalid": "Không có kỳ này",
    "period_missing": "Chọn loại kỳ, năm và thứ tự.",
    "date": "Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.",
    "due_before_open": "Hạn nộp không được trước ngày mở.",
}
RULE_TEXT = "Số dịch vụ công trực tuyến toàn trình không được lớn hơn tổng số thủ tục hành chính"
CSV_HEAD = ["id", "time (Asia/Ho_Chi_Minh)", "login", "user", "unit", "action", "entity", "entity_id",
            "old_value", "new_value", "reason", "request_id"]


# ---- set-up helpers ----

def unit_id(code):
    return int(sql("SELECT id FROM unit WHERE code = '%s'" % code)[0][0])


def user_id(login):
    return int(sql("SELECT id FROM app_user WHERE login = '%s'" % login)[0][0])


def indicator_id(code):
    return int(sql("SELECT id FROM indicator WHERE code = '%s'" % code)[0][0])


def ensure_unit(code, kind="commune", name=None, valid_from="2000-01-01", valid_to=None):
    """Creates the unit, or puts it back as the test wants it."""
    sql("INSERT INTO unit (code, name, kind, valid_from, valid_to) VALUES ('%s', '%s', '%s', '%s', %s) "
        "ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), valid_from = VALUES(valid_from), "
        "valid_to = VALUES(valid_to), successor_id = NULL"
        % (code, name or "Đơn vị thử %s" % code, kind, valid_from,
           "NULL" if valid_to is None else "'%s'" % valid_to))
    return unit_id(code)


def officer_login(code):
    return "rv.o." + code.lower()


def officer(code, kind="commune"):
    """A logged-in officer of a fresh unit of that kind."""
    ensure_unit(code, kind)
    ensure_user(officer_login(code), code, password=PW, name="Cán bộ %s" % code)
    c = Client().login_ok(officer_login(code), PW)
    c.unit = code
    return c


def reviewer(login=WG, roles="wg"):
    ensure_user(login, "-", roles=roles, password=PW, name="Tổ công tác %s" % login)
    return Client().login_ok(login, PW)


def drop_period(kind, year, seq):
    """Removes a period an earlier run created through the web."""
    pid = period_id(kind, year, seq)
    if pid is None:
        return
    sql("DELETE f FROM figure f JOIN submission s ON s.id = f.submission_id WHERE s.period_id = %d; "
        "DELETE e FROM evidence e JOIN submission s ON s.id = e.submission_id WHERE s.period_id = %d; "
        "DELETE FROM submission WHERE period_id = %d; DELETE FROM period_indicator WHERE period_id = %d; "
        "DELETE FROM period WHERE id = %d" % (pid, pid, pid, pid, pid))


def restore_asked(pid):
    """What a period asks when it is created: the active indicators per kind."""
    sql("DELETE FROM period_indicator WHERE period_id = %d; "
        "INSERT INTO period_indicator (period_id, unit_kind, indicator_id) SELECT %d, k.kind, i.id "
        "FROM indicator i JOIN (SELECT 'department' AS kind UNION ALL SELECT 'district' UNION ALL "
        "SELECT 'commune' UNION ALL SELECT 'other') k ON FIND_IN_SET(k.kind, i.unit_kinds) "
        "WHERE i.active = 1" % (pid, pid))


def form_url(pid):
    return "/report/form?period=%d" % pid


def sub_url(sid):
    return "/review/submission?id=%d" % sid


def officer_post(c, pid, action, values, page=None):
    """Posts the officer's form as a browser would."""
    page = page or c.get(form_url(pid))
    check(page.status == 200, "officer's form: %d" % page.status)
    data = {"csrf": page.csrf(), "version": page.field("version") or "0", "action": action}
    data.update(values)
    return c.post(form_url(pid), data)


def field_error(page, code):
    m = re.search(r'<span class="field-error" id="e_%s">(.*?)</span>' % re.escape(code), page.text, re.S)
    return html.unescape(m.group(1)) if m else None


def error_list(page):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text[page.text.find('id="error-summary"'):][:2000]))


def submit_form(c, pid, values=None):
    """Submits a complete form (every field valid, some overridden); returns
    the submission id."""
    page = c.get(form_url(pid))
    r = officer_post(c, pid, "submit", complete_values(page, **(values or {})), page)
    check(r.status == 303, "officer's submit: %d %s" % (r.status, error_list(r) if r.status == 422 else ""))
    sid = sub_of(c.unit, pid)
    check(sid is not None and sub_row(sid)["status"] == "submitted", "not submitted")
    return sid


def sub_row(sid):
    rows = sql("SELECT status, version, COALESCE(review_comment, 'NULL'), COALESCE(reviewed_by, 'NULL'), "
               "reviewed_at IS NOT NULL FROM submission WHERE id = %d" % sid)
    check(len(rows) == 1, "no submission %d" % sid)
    r = rows[0]
    return {"status": r[0], "version": int(r[1]), "comment": r[2], "reviewed_by": r[3], "reviewed_at": r[4] == "1"}


def sub_of(code, pid):
    rows = sql("SELECT id FROM submission WHERE unit_id = %d AND period_id = %d" % (unit_id(code), pid))
    return int(rows[0][0]) if rows else None


def figure(sid, code):
    rows = sql("SELECT COALESCE(f.num_value, 'NULL'), COALESCE(f.text_value, 'NULL'), "
               "COALESCE(f.officer_value, 'NULL'), COALESCE(f.corrected_by, 'NULL'), f.corrected_at IS NOT NULL "
               "FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE f.submission_id = %d "
               "AND i.code = '%s'" % (sid, code))
    return rows[0] if rows else None


def audit_mark():
    return int(sql("SELECT COALESCE(MAX(id), 0) FROM audit")[0][0])


def audit_since(mark, where="1"):
    """Audit rows after mark: action, entity, entity_id, old, new, reason, actor."""
    return sql("SELECT action, entity, entity_id, COALESCE(old_value, 'NULL'), COALESCE(new_value, 'NULL'), "
               "COALESCE(reason, 'NULL'), COALESCE(actor_id, 'NULL') FROM audit WHERE id > %d AND (%s) "
               "ORDER BY id" % (mark, where))


def decide(c, sid, decision, comment=None, version=None, csrf=True):
    page = c.get(sub_url(sid))
    check(page.status == 200, "review page: %d" % page.status)
    data = {"id": str(sid), "version": str(version if version is not None else page.field("version")),
            "decision": decision}
    if comment is not None:
        data["comment"] = comment
    if csrf:
        data["csrf"] = page.csrf()
    return c.post("/review/decide", data)


def correct(c, sid, code, value, reason, version=None):
    page = c.get(sub_url(sid))
    check(page.status == 200, "review page: %d" % page.status)
    data = {"csrf": page.csrf(), "id": str(sid),
            "version": str(version if version is not None else page.field("version")),
            "indicator": code, "value": value, "reason": reason}
    return c.post("/review/correct", data)


def set_state(c, pid, action, reason=None):
    data = {"csrf": c.token("/review/queue"), "id": str(pid), "action": action}
    if reason is not None:
        data["reason"] = reason
    return c.post("/review/period-state", data)


def period_state(pid):
    return tuple(sql("SELECT is_open, locked FROM period WHERE id = %d" % pid)[0])


def queue_ids(c, query=""):
    r = c.get("/review/queue" + query)
    check(r.status == 200, "queue%s: %d" % (query, r.status))
    return [int(x) for x in re.findall(r'href="/review/submission\?id=(\d+)"', r.text)]


def row_html(page, code):
    m = re.search(r'<tr id="row-%s"(.*?)</tr>' % re.escape(code), page.text, re.S)
    check(m is not None, "no row-%s on the review page" % code)
    return m.group(0)


def text_of(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def row_flags(page, code):
    """The warning flags of one indicator row (not the informational ones)."""
    return [text_of(f) for f in re.findall(r'<span class="flag">(.*?)</span>', row_html(page, code), re.S)]


def sub_error(page):
    m = re.search(r'<p class="error" role="alert" id="sub-error">(.*?)</p>', page.text, re.S)
    return text_of(m.group(1)) if m else None


def cal_error(page):
    m = re.search(r'<p class="error" role="alert" id="cal-error">(.*?)</p>', page.text, re.S)
    return text_of(m.group(1)) if m else None


# ---- who may reach /review/ ----

def review_posts(pid, sid, version, year):
    return [
        ("/review/decide", {"id": str(sid), "version": str(version), "decision": "accept"}),
        ("/review/decide", {"id": str(sid), "version": str(version), "decision": "return",
                            "comment": "trả lại thử"}),
        ("/review/correct", {"id": str(sid), "version": str(version), "indicator": "DVC-TOTAL",
                             "value": "7", "reason": "thử quyền truy cập"}),
        ("/review/periods", {"kind": "Q", "year": str(year), "seq": "4", "due": "", "opens": ""}),
        ("/review/period-state", {"id": str(pid), "action": "lock"}),
        ("/review/period-state", {"id": str(pid), "action": "close"}),
        ("/review/period-indicators?period=%d" % pid, {}),
    ]


def session_token(login):
    """The CSRF token of the user's (only) session, whatever page they land on."""
    rows = sql("SELECT s.csrf FROM session s JOIN app_user u ON u.id = s.user_id WHERE u.login = '%s'" % login)
    check(len(rows) == 1, "%s has %d sessions" % (login, len(rows)))
    return rows[0][0]


def snapshot(pid, sid, year):
    """What any of the review POSTs above would change."""
    return (sql("SELECT status, version, COALESCE(reviewed_by, 0), COALESCE(review_comment, '') "
                "FROM submission WHERE id = %d" % sid),
            sql("SELECT i.code, COALESCE(f.num_value, ''), COALESCE(f.officer_value, '') FROM figure f "
                "JOIN indicator i ON i.id = f.indicator_id WHERE f.submission_id = %d ORDER BY i.code" % sid),
            sql("SELECT is_open, locked, due_on FROM period WHERE id = %d" % pid),
            sql("SELECT COUNT(*) FROM period_indicator WHERE period_id = %d" % pid),
            sql("SELECT COUNT(*) FROM period WHERE kind = 'Q' AND year = %d AND seq = 4" % year),
            sql("SELECT COUNT(*) FROM audit WHERE action NOT IN ('login', 'logout', 'login_failed')"))


@test
def officers_deputies_and_anonymous_cannot_reach_review():
    year = 2040
    pid = ensure_period("Q", year, 1)
    drop_period("Q", year, 4)
    off = officer("TEST-RV-ACC")
    sid = submit_form(off, pid)
    ensure_user("rv.deputy", "-", roles="deputy", password=PW)
    dep = Client().login_ok("rv.deputy", PW)
    ensure_user("rv.head", "TEST-RV-ACC", roles="unit_head", password=PW)
    head = Client().login_ok("rv.head", PW)
    gets = ["/review/", "/review/queue", sub_url(sid), "/review/periods",
            "/review/period-indicators?period=%d" % pid, "/review/completeness?period=%d" % pid,
            "/review/unit?id=%d" % unit_id("TEST-RV-ACC"), "/review/audit", "/review/audit.csv",
            "/review/audit?entity=submission&entity_id=%d" % sid]
    version = sub_row(sid)["version"]
    before = snapshot(pid, sid, year)
    for who, c, login in (("officer", off, officer_login("TEST-RV-ACC")), ("deputy", dep, "rv.deputy"),
                          ("unit head", head, "rv.head")):
        token = session_token(login)    # the session's own, valid token
        for path in gets:
            r = c.get(path)
            check(r.status == 403, "%s GET %s: %d" % (who, path, r.status))
            check(MSG["forbidden"] in r.text, "%s GET %s: no 'forbidden' message" % (who, path))
            check("csv" not in (r.header("Content-Type") or ""), "%s got the audit CSV" % who)
        for path, data in review_posts(pid, sid, version, year):
            r = c.post(path, dict(data, csrf=token))
            check(r.status == 403, "%s POST %s (with a valid token): %d" % (who, path, r.status))
    anon = Client()
    for path in gets:
        r = anon.get(path)
        check(r.status == 303 and r.header("Location") == "/login",
              "anonymous GET %s: %d %r" % (path, r.status, r.header("Location")))
    for path, data in review_posts(pid, sid, version, year):
        r = anon.post(path, data)
        check(r.status == 401, "anonymous POST %s: %d" % (path, r.status))
    check(snapshot(pid, sid, year) == before, "a refused request changed something")
    check(period_id("Q", year, 4) is None, "a refused POST created a period")


@test
def review_posts_without_csrf_are_refused_and_change_nothing():
    year = 2040
    pid = ensure_period("Q", year, 2)
    drop_period("Q", year, 4)
    off = officer("TEST-RV-CSRF")
    sid = submit_form(off, pid)
    c = reviewer()
    other = reviewer(WG2, roles="wg_lead")
    other_token = other.token("/review/queue")
    page = c.get(sub_url(sid))
    check(page.status == 200 and page.csrf(), "review page: %d" % page.status)
    check(page.csrf() != other_token, "two sessions share a token")
    version = sub_row(sid)["version"]
    before = snapshot(pid, sid, year)
    for path, data in review_posts(pid, sid, version, year):
        for what, token in (("missing", None), ("empty", ""), ("wrong", "0" * 64),
                            ("truncated", page.csrf()[:-1]), ("another session's", other_token)):
            body = dict(data) if token is None else dict(data, csrf=token)
            r = c.post(path, body)
            check(r.status == 403, "%s token, POST %s: %d" % (what, path, r.status))
            check(MSG["csrf"] in r.text, "%s token, POST %s: no CSRF message" % (what, path))
    check(snapshot(pid, sid, year) == before, "a POST without a valid token changed something")
    check(period_id("Q", year, 4) is None, "a POST without a token created a period")
    # the same request with the token goes through: the refusals were about the token
    r = c.post("/review/decide", dict(review_posts(pid, sid, version, year)[0][1], csrf=page.csrf()))
    check(r.status == 303, "accept with the token: %d" % r.status)
    check(sub_row(sid)["status"] == "accepted", "not accepted with the token")


# ---- the queue ----

@test
def queue_lists_submitted_forms_oldest_first_with_filters():
    pid = ensure_period("Q", 2041, 1)      # due 20/03/2041
    ids = {}
    for code, kind in (("TEST-RV-Q1", "commune"), ("TEST-RV-Q2", "district"), ("TEST-RV-Q3", "commune")):
        ids[code] = submit_form(officer(code, kind), pid)
    c4 = officer("TEST-RV-Q4", "district")
    r = officer_post(c4, pid, "save", {"v_DVC-TOTAL": "3"})
    check(r.status == 303, "Q4's draft: %d" % r.status)
    ids["TEST-RV-Q4"] = sub_of("TEST-RV-Q4", pid)
    q1, q2, q3, q4 = (ids["TEST-RV-Q%d" % i] for i in (1, 2, 3, 4))
    # sent in the order Q1, Q2, Q3; on record Q2 first, then Q3, then Q1 (a day late)
    sql("UPDATE submission SET submitted_at = '2041-03-18 02:00:00' WHERE id = %d; "
        "UPDATE submission SET submitted_at = '2041-03-18 09:30:00' WHERE id = %d; "
        "UPDATE submission SET submitted_at = '2041-03-21 01:00:00' WHERE id = %d" % (q2, q3, q1))
    c = reviewer()
    check(queue_ids(c, "?period=%d" % pid) == [q2, q3, q1],
          "queue of the period: %r, want %r" % (queue_ids(c, "?period=%d" % pid), [q2, q3, q1]))
    # the whole queue (no filter) keeps them in that order among the others
    whole = queue_ids(c)
    mine = [i for i in whole if i in (q1, q2, q3, q4)]
    check(mine == [q2, q3, q1], "whole queue, ours: %r" % mine)
    check(q4 not in whole, "a draft is in the queue of submitted forms")
    page = c.get("/review/queue?period=%d" % pid)
    row = re.search(r'<tr>(?:(?!</tr>).)*submission\?id=%d".*?</tr>' % q1, page.text, re.S)
    check(row and "st-late" in row.group(0) and "1 ngày muộn" in text_of(row.group(0)),
          "the late form is not shown 1 day late: %r" % (row and text_of(row.group(0))))
    row = re.search(r'<tr>(?:(?!</tr>).)*submission\?id=%d".*?</tr>' % q2, page.text, re.S)
    check(row and "st-on_time" in row.group(0) and "18/03/2041 09:00" in row.group(0),
          "on-time form or its local time: %r" % (row and text_of(row.group(0))))
    # filters: kind, status
    check(queue_ids(c, "?period=%d&kind=district" % pid) == [q2], "district filter")
    check(queue_ids(c, "?period=%d&kind=commune" % pid) == [q3, q1], "commune filter")
    check(queue_ids(c, "?period=%d&kind=department" % pid) == [], "department filter")
    check(queue_ids(c, "?period=%d&status=draft" % pid) == [q4], "draft filter")
    r = decide(c, q3, "accept")
    check(r.status == 303, "accept Q3: %d" % r.status)
    check(queue_ids(c, "?period=%d" % pid) == [q2, q1], "accepted form still waiting")
    check(queue_ids(c, "?period=%d&status=accepted" % pid) == [q3], "accepted filter")
    check(queue_ids(c, "?period=%d&status=returned" % pid) == [], "returned filter")
    check(queue_ids(c, "?period=%d&status=all" % pid) == [q2, q3, q1, q4], "all: %r"
          % queue_ids(c, "?period=%d&status=all" % pid))
    check(queue_ids(c, "?period=%d&status=accepted&kind=district" % pid) == [], "two filters")
    empty = c.get("/review/queue?period=%d&status=returned" % pid)
    check('id="queue-empty"' in empty.text, "no 'nothing to show' notice")
    check(c.get("/review/queue?kind=village").status == 400, "an unknown kind is not refused")
    check(c.get("/review/queue?status=deleted").status == 400, "an unknown status is not refused")


# ---- accept, return, resubmit, reopen ----

@test
def accept_return_resubmit_and_reopen():
    pid = ensure_period("Q", 2042, 1)
    o1, o2 = officer("TEST-RV-R1"), officer("TEST-RV-R2")
    s1 = submit_form(o1, pid)
    s2 = submit_form(o2, pid)
    c = reviewer()
    wid = str(user_id(WG))
    mark = audit_mark()

    # accept one
    page = c.get(sub_url(s1))
    check(page.status == 200, "review page: %d" % page.status)
    check('id="sub-status">Đã gửi đúng hạn<' in page.text,
          "status on the review page: %r" % re.findall(r'id="sub-status">([^<]*)<', page.text))
    check('id="btn-accept"' in page.text and 'id="btn-return"' in page.text, "no accept/return buttons")
    v1 = sub_row(s1)["version"]
    r = decide(c, s1, "accept")
    check(r.status == 303 and r.header("Location") == "/review/submission?id=%d&done=accept" % s1,
          "accept: %d %r" % (r.status, r.header("Location")))
    row = sub_row(s1)
    check(row["status"] == "accepted" and row["reviewed_by"] == wid and row["reviewed_at"],
          "after accept: %r" % row)
    check(row["version"] == v1 + 1, "version after accept: %d, was %d" % (row["version"], v1))
    check(audit_since(mark, "entity_id = '%d'" % s1) == [["accept", "submission", str(s1), "submitted",
                                                          "accepted", "NULL", wid]],
          "audit of accept: %r" % audit_since(mark, "entity_id = '%d'" % s1))
    page = c.get(r.header("Location"))
    check('id="flash">Đã chấp nhận báo cáo.<' in page.text, "no 'accepted' message")
    check('id="btn-reopen"' in page.text and 'id="btn-accept"' not in page.text, "buttons after accept")
    form = o1.get(form_url(pid))
    check('id="form-status">Đã chấp nhận<' in form.text and 'id="btn-submit"' not in form.text,
          "the officer's accepted form")

    # return without a comment: refused, nothing changed
    before = sub_row(s2)
    for comment in (None, "", "  \r\n\t "):
        r = decide(c, s2, "return", comment)
        check(r.status == 422, "return with comment %r: %d" % (comment, r.status))
        check(sub_error(r) == MSG["comment_required"], "message: %r" % sub_error(r))
        check(sub_row(s2) == before, "a refused return changed the submission: %r" % sub_row(s2))
    check(audit_since(mark, "entity_id = '%d'" % s2) == [], "a refused return was audited")

    # return with a comment
    comment = "Thiếu số liệu DVC-TT <b>đề nghị</b> bổ sung & gửi lại"
    r = decide(c, s2, "return", comment)
    check(r.status == 303 and r.header("Location").endswith("done=return"), "return: %d" % r.status)
    row = sub_row(s2)
    check(row["status"] == "returned" and row["comment"] == comment and row["reviewed_by"] == wid
          and row["reviewed_at"] and row["version"] == before["version"] + 1, "after return: %r" % row)
    check(audit_since(mark, "entity_id = '%d'" % s2) == [["return", "submission", str(s2), "submitted",
                                                          "returned", comment, wid]],
          "audit of return: %r" % audit_since(mark, "entity_id = '%d'" % s2))
    check(s2 not in queue_ids(c, "?period=%d" % pid), "a returned form still waits in the queue")

    # the officer sees the comment on the returned form, escaped
    form = o2.get(form_url(pid))
    check('id="form-status">Bị trả lại<' in form.text, "officer's status is not 'returned'")
    m = re.search(r'<div class="returned"[^>]*>(.*?)</div>', form.text, re.S)
    check(m is not None, "no returned-comment box on the officer's form")
    check(html.escape(comment, quote=False) in m.group(1), "comment not shown (escaped): %r" % m.group(1))
    check("<b>đề nghị</b>" not in form.text, "the comment's markup reached the page")
    check('id="btn-submit"' in form.text, "the returned form is not editable")

    # corrected and resubmitted: back in the queue
    s2b = submit_form(o2, pid, {"v_DVC-TT": "0"})
    check(s2b == s2, "resubmitting made a new submission")
    check(sub_row(s2)["status"] == "submitted", "not submitted again")
    check(s2 in queue_ids(c, "?period=%d" % pid), "the resubmitted form is not in the queue")
    check(figure(s2, "DVC-TT")[0] == "0.000000", "the officer's correction was not stored")

    # reopen the accepted one: needs a comment too
    r = decide(c, s1, "reopen", "")
    check(r.status == 422 and sub_error(r) == MSG["comment_required"], "reopen without comment: %d" % r.status)
    check(sub_row(s1)["status"] == "accepted", "a refused reopen changed the status")
    r = decide(c, s1, "reopen", "Mở lại để đơn vị bổ sung minh chứng")
    check(r.status == 303 and r.header("Location").endswith("done=reopen"), "reopen: %d" % r.status)
    row = sub_row(s1)
    check(row["status"] == "returned" and row["comment"] == "Mở lại để đơn vị bổ sung minh chứng",
          "after reopen: %r" % row)
    check(audit_since(mark, "entity_id = '%d' AND action = 'reopen'" % s1) ==
          [["reopen", "submission", str(s1), "accepted", "returned", "Mở lại để đơn vị bổ sung minh chứng", wid]],
          "audit of reopen: %r" % audit_since(mark, "entity_id = '%d'" % s1))
    form = o1.get(form_url(pid))
    check("Mở lại để đơn vị bổ sung minh chứng" in form.text and 'id="btn-submit"' in form.text,
          "the reopened form does not show the comment or is not editable")
    # a submitted form cannot be reopened, an accepted one cannot be accepted again
    r = decide(c, s2, "reopen", "không hợp lệ")
    check(r.status == 409 and sub_row(s2)["status"] == "submitted", "reopen of a submitted form: %d" % r.status)


@test
def two_reviewers_the_second_gets_409():
    pid = ensure_period("Q", 2042, 2)
    o = officer("TEST-RV-ST")
    sid = submit_form(o, pid, {"v_DVC-TOTAL": "10"})
    a = reviewer(WG)
    b = reviewer(WG2, roles="wg_lead")
    pa, pb = a.get(sub_url(sid)), b.get(sub_url(sid))
    va, vb = pa.field("version"), pb.field("version")
    check(va == vb == str(sub_row(sid)["version"]), "both reviewers see version %r/%r" % (va, vb))
    mark = audit_mark()
    r = a.post("/review/decide", {"csrf": pa.csrf(), "id": str(sid), "version": va, "decision": "accept"})
    check(r.status == 303, "first reviewer's accept: %d" % r.status)
    after = sub_row(sid)
    r = b.post("/review/decide", {"csrf": pb.csrf(), "id": str(sid), "version": vb, "decision": "return",
                                  "comment": "Trả lại (bản cũ)"})
    check(r.status == 409, "second reviewer with a stale version: %d" % r.status)
    check(MSG["conflict"] in r.text, "no conflict message")
    check(sub_row(sid) == after, "the stale decision changed the submission: %r" % sub_row(sid))
    check(after["status"] == "accepted" and after["reviewed_by"] == str(user_id(WG)), "after: %r" % after)
    r = b.post("/review/correct", {"csrf": pb.csrf(), "id": str(sid), "version": vb, "indicator": "DVC-TOTAL",
                                   "value": "11", "reason": "sửa theo bản cũ"})
    check(r.status == 409, "a correction with a stale version: %d" % r.status)
    check(figure(sid, "DVC-TOTAL")[0] == "10.000000", "a stale correction was stored")
    check([x[0] for x in audit_since(mark)] == ["accept"], "audit: %r" % audit_since(mark))
    # having reloaded, the second reviewer may act
    r = decide(b, sid, "reopen", "Cần đối chiếu lại")
    check(r.status == 303 and sub_row(sid)["status"] == "returned", "reopen after reload: %d" % r.status)


# ---- flags ----

FLAG_VALUES_Q1 = {"v_DVC-TOTAL": "10", "v_DVC-TT": "9", "v_NL-CHUYENTRACH": "4", "v_NT-HOP-CHUTRI": "100",
                  "v_DOC-TOTAL": "10", "v_ATTT-SUCO-PH": "10"}
FLAG_VALUES_Q2 = {"v_DVC-TOTAL": "10", "v_DVC-TT": "9",
                  "v_NL-CHUYENTRACH": "7",        # +75 %: needs a note
                  "v_ATTT-SUCO-PH": "4",          # -60 %: needs a note
                  "v_DOC-TOTAL": "15",            # +50 % exactly: no note needed
                  "v_NT-HOP-CHUTRI": "100"}
JUMP_NOTES = {"n_NL-CHUYENTRACH": "Tuyển thêm 3 cán bộ chuyên trách",
              "n_ATTT-SUCO-PH": "Ít sự cố hơn nhờ tường lửa mới"}


def flag_fixture():
    """Q1 and Q2 of 2043 for one commune; Q2 submitted with two large jumps
    (noted), then, straight in the database, what the form would refuse: a
    value out of range, a broken cross-field rule and a missing required
    value.  Returns (submission id, officer client, q2 id)."""
    q1 = ensure_period("Q", 2043, 1)
    q2 = ensure_period("Q", 2043, 2)
    o = officer("TEST-RV-F")
    submit_form(o, q1, FLAG_VALUES_Q1)
    page = o.get(form_url(q2))
    # the officer cannot submit the jumps without a note
    r = officer_post(o, q2, "submit", complete_values(page, **FLAG_VALUES_Q2), page)
    check(r.status == 422, "jumps without notes: %d" % r.status)
    for code in ("NL-CHUYENTRACH", "ATTT-SUCO-PH"):
        check(field_error(r, code) == MSG["jump_note"], "%s: error %r" % (code, field_error(r, code)))
    check(field_error(r, "DOC-TOTAL") is None, "a change of exactly 50 %% needs a note: %r"
          % field_error(r, "DOC-TOTAL"))
    check(sub_of("TEST-RV-F", q2) is None, "a refused submit stored something")
    # a draft may hold the jump without a note; the note binds on submit
    r = officer_post(o, q2, "save", dict(FLAG_VALUES_Q2))
    check(r.status == 303, "draft with a jump and no note: %d" % r.status)
    page = o.get(form_url(q2))
    r = officer_post(o, q2, "submit", complete_values(page, **dict(FLAG_VALUES_Q2, **{"n_NL-CHUYENTRACH": " "},
                                                                  **{"n_ATTT-SUCO-PH": JUMP_NOTES["n_ATTT-SUCO-PH"]})),
                     page)
    check(r.status == 422 and field_error(r, "NL-CHUYENTRACH") == MSG["jump_note"]
          and field_error(r, "ATTT-SUCO-PH") is None, "a blank note is not a note: %d" % r.status)
    sid = submit_form(o, q2, dict(FLAG_VALUES_Q2, **JUMP_NOTES))
    sql("UPDATE figure SET num_value = 150 WHERE submission_id = %d AND indicator_id = %d; "
        "UPDATE figure SET num_value = 12 WHERE submission_id = %d AND indicator_id = %d; "
        "DELETE FROM figure WHERE submission_id = %d AND indicator_id = %d"
        % (sid, indicator_id("NT-HOP-CHUTRI"), sid, indicator_id("DVC-TT"), sid, indicator_id("HT-UD-WAN")))
    return sid, o, q2


@test
def flags_range_rule_jump_and_missing_on_the_review_page():
    sid, _, _ = flag_fixture()
    c = reviewer()
    page = c.get(sub_url(sid))
    check(page.status == 200, "review page: %d" % page.status)
    check(row_flags(page, "NT-HOP-CHUTRI") == ["Ngoài khoảng cho phép"],
          "150 %% (range 0–100), +50 %% since Q1: %r" % row_flags(page, "NT-HOP-CHUTRI"))
    check(row_flags(page, "NL-CHUYENTRACH") == ["Thay đổi so với kỳ trước 75%"],
          "4 -> 7: %r" % row_flags(page, "NL-CHUYENTRACH"))
    check(row_flags(page, "ATTT-SUCO-PH") == ["Thay đổi so với kỳ trước 60%"],
          "10 -> 4: %r" % row_flags(page, "ATTT-SUCO-PH"))
    check(row_flags(page, "DOC-TOTAL") == [], "10 -> 15 (exactly 50 %%) flagged: %r" % row_flags(page, "DOC-TOTAL"))
    check(row_flags(page, "HT-UD-WAN") == ["Thiếu số liệu bắt buộc"], "missing: %r" % row_flags(page, "HT-UD-WAN"))
    # the cross-field rule DVC-TT (12) <= DVC-TOTAL (10), listed above the table
    m = re.search(r'<ul class="error-summary" id="rule-flags">(.*?)</ul>', page.text, re.S)
    check(m is not None, "no list of broken rules")
    check(text_of(m.group(1)) == "DVC-TT: " + RULE_TEXT, "rule flags: %r" % text_of(m.group(1)))
    # nothing else is flagged, and the count says so
    flagged = {code for code in re.findall(r'<tr id="row-([^"]+)"', page.text) if row_flags(page, code)}
    check(flagged == {"NT-HOP-CHUTRI", "NL-CHUYENTRACH", "ATTT-SUCO-PH", "HT-UD-WAN"} | ({"DVC-TT"} & flagged),
          "rows flagged: %r" % sorted(flagged))
    check(re.search(r'id="flag-count">Số điểm cần chú ý: 5<', page.text),
          "flag count: %r" % re.findall(r'id="flag-count">([^<]*)<', page.text))
    for code in ("NT-HOP-CHUTRI", "NL-CHUYENTRACH", "HT-UD-WAN"):
        check('class="has-error"' in row_html(page, code), "row %s not marked" % code)
    # the reviewer sees what explains the jump, and the previous figure
    jump = row_html(page, "NL-CHUYENTRACH")
    check("Tuyển thêm 3 cán bộ chuyên trách" in jump, "the officer's note is not beside the jump")
    cells = [text_of(x) for x in re.findall(r'<td class="num">(.*?)</td>', jump, re.S)]
    check(cells[:2] == ["4", "7"], "previous / current figure: %r" % cells)
    # the stored figures are what the flags say
    check(figure(sid, "NT-HOP-CHUTRI")[0] == "150.000000" and figure(sid, "HT-UD-WAN") is None, "fixture")


@test
def rule_flag_marks_its_row():
    """A broken cross-field rule is a flag on its value's row too, like the
    others (the reviewer reads the table row by row)."""
    sid, _, _ = flag_fixture()
    page = reviewer().get(sub_url(sid))
    check(page.status == 200, "review page: %d" % page.status)
    flags = row_flags(page, "DVC-TT")
    check(flags, "row-DVC-TT (12 > DVC-TOTAL 10) carries no flag; the rule is only listed above the table")
    check('class="has-error"' in row_html(page, "DVC-TT"), "row-DVC-TT not marked")


# ---- corrections ----

@test
def reviewer_corrects_a_value_only_with_a_reason():
    pid = ensure_period("Q", 2044, 1)
    o = officer("TEST-RV-C")
    sid = submit_form(o, pid, {"v_DVC-TOTAL": "10", "v_DVC-TT": "8"})
    c = reviewer()
    wid = str(user_id(WG))
    mark = audit_mark()
    v0 = sub_row(sid)["version"]
    reason = "Theo văn bản đối chiếu số 15/UBND ngày 02/04/2044"
    r = correct(c, sid, "DVC-TOTAL", "12", reason)
    check(r.status == 303 and r.header("Location") == "/review/submission?id=%d&done=corrected" % sid,
          "correct: %d %r" % (r.status, r.header("Location")))
    f = figure(sid, "DVC-TOTAL")
    check(f[0] == "12.000000" and f[2] == "10" and f[3] == wid and f[4] == "1", "figure after correction: %r" % (f,))
    row = sub_row(sid)
    check(row["status"] == "submitted" and row["version"] == v0 + 1, "submission after correction: %r" % row)
    check(audit_since(mark) == [["correct", "figure", "%d:DVC-TOTAL" % sid, "10", "12", reason, wid]],
          "audit of the correction: %r" % audit_since(mark))
    page = c.get(r.header("Location"))
    check('id="flash">Đã sửa số liệu' in page.text, "no 'corrected' message")
    cell = text_of(row_html(page, "DVC-TOTAL"))
    check("12" in cell and "Tổ công tác đã sửa (số liệu đơn vị nhập: 10)" in cell, "row after correction: %r" % cell)
    # a second correction keeps the officer's own figure
    r = correct(c, sid, "DVC-TOTAL", "13", "Số liệu cập nhật theo báo cáo quý")
    check(r.status == 303, "second correction: %d" % r.status)
    f = figure(sid, "DVC-TOTAL")
    check(f[0] == "13.000000" and f[2] == "10", "after the second correction: %r" % (f,))
    check(audit_since(mark)[-1][:6] == ["correct", "figure", "%d:DVC-TOTAL" % sid, "12", "13",
                                        "Số liệu cập nhật theo báo cáo quý"], "audit: %r" % audit_since(mark)[-1])
    # refused: no reason, a too short one, bad values; nothing changes
    state = (sub_row(sid), figure(sid, "DVC-TOTAL"), figure(sid, "DVC-TT"), audit_mark())
    for code, value, why, key in (("DVC-TOTAL", "14", "", "reason_required"),
                                  ("DVC-TOTAL", "14", "   \r\n ", "reason_required"),
                                  ("DVC-TOTAL", "14", "abc", "reason_required"),
                                  ("DVC-TOTAL", "1.234", reason, "ambiguous"),
                                  ("DVC-TOTAL", "20000", reason, "range"),
                                  ("DVC-TOTAL", "-1", reason, "range"),
                                  ("DVC-TOTAL", "mười", reason, "syntax"),
                                  ("DVC-TOTAL", "12,5", reason, "fraction"),
                                  ("DVC-TOTAL", "", reason, "required"),
                                  ("NT-HOP-CHUTRI", "100,5", reason, "range")):
        r = correct(c, sid, code, value, why)
        check(r.status == 422, "correct %s=%r reason %r: %d" % (code, value, why, r.status))
        err = sub_error(r) or ""
        check(MSG[key] in err, "correct %s=%r: message %r, want %s" % (code, value, err, key))
        check(r.field("value") == value, "typed value not kept: %r" % r.field("value"))
        check(state == (sub_row(sid), figure(sid, "DVC-TOTAL"), figure(sid, "DVC-TT"), audit_mark()),
              "a refused correction (%s=%r) changed something" % (code, value))
    # an indicator the period does not ask of a commune, or none at all
    for code in ("KTS-GRDP", "NO-SUCH-CODE"):
        r = correct(c, sid, code, "1", reason)
        check(r.status == 400, "correct %s: %d" % (code, r.status))
    check(state == (sub_row(sid), figure(sid, "DVC-TOTAL"), figure(sid, "DVC-TT"), audit_mark()),
          "a refused correction changed something")
    # a draft (not submitted) is not the reviewer's to correct
    d = officer("TEST-RV-C2")
    r = officer_post(d, pid, "save", {"v_DVC-TOTAL": "5"})
    check(r.status == 303, "draft: %d" % r.status)
    dsid = sub_of("TEST-RV-C2", pid)
    r = c.post("/review/correct", {"csrf": c.token("/review/queue"), "id": str(dsid), "version": "1",
                                   "indicator": "DVC-TOTAL", "value": "6", "reason": reason})
    check(r.status == 409 and figure(dsid, "DVC-TOTAL")[0] == "5.000000", "correcting a draft: %d" % r.status)
    # on a locked period: refused
    r = set_state(c, pid, "lock")
    check(r.status == 303 and period_state(pid) == ("1", "1"), "lock: %d" % r.status)
    page = c.get(sub_url(sid))
    check('id="btn-correct"' not in page.text and 'id="btn-accept"' not in page.text,
          "a locked period's form still offers correct/accept")
    state = (sub_row(sid), figure(sid, "DVC-TOTAL"), audit_mark())
    r = c.post("/review/correct", {"csrf": page.csrf(), "id": str(sid), "version": page.field("version") or
                                   str(sub_row(sid)["version"]), "indicator": "DVC-TOTAL", "value": "14",
                                   "reason": reason})
    check(r.status == 403 and MSG["locked"] in r.text, "correct on a locked period: %d" % r.status)
    r = c.post("/review/decide", {"csrf": page.csrf(), "id": str(sid), "version": str(sub_row(sid)["version"]),
                                  "decision": "accept"})
    check(r.status == 403, "accept on a locked period: %d" % r.status)
    check(state == (sub_row(sid), figure(sid, "DVC-TOTAL"), audit_mark()), "a locked period changed")


# ---- the calendar ----

@test
def calendar_creates_periods_with_decree_09_defaults():
    for kind, seq in (("Q", 2), ("Q", 3), ("H", 2), ("Y", 1), ("H", 1)):
        drop_period(kind, 2045, seq)
    c = reviewer()
    mark = audit_mark()
    page = c.get("/review/periods")
    check(page.status == 200 and page.csrf(), "calendar page: %d" % page.status)
    token = page.csrf()

    def create(kind, year, seq, opens="", due=""):
        data = {"csrf": token, "kind": kind, "year": str(year), "seq": str(seq), "opens": opens, "due": due}
        return c.post("/review/periods", {k: v for k, v in data.items() if v is not None})

    def stored(kind, seq):
        return sql("SELECT cutoff_start, cutoff_end, opens_on, due_on, is_open, locked FROM period "
                   "WHERE kind = '%s' AND year = 2045 AND seq = %d" % (kind, seq))

    r = create("Q", 2045, 2)
    check(r.status == 303 and r.header("Location") == "/review/periods?done=created",
          "create Q2/2045: %d %r" % (r.status, r.header("Location")))
    check(stored("Q", 2) == [["2045-03-15", "2045-06-14", "2045-06-01", "2045-06-20", "0", "0"]],
          "Q2/2045 stored as %r" % stored("Q", 2))
    pid = period_id("Q", 2045, 2)
    check(audit_since(mark) == [["period_create", "period", str(pid), "NULL", "2045-06-20", "NULL",
                                 str(user_id(WG))]], "audit: %r" % audit_since(mark))
    page = c.get(r.header("Location"))
    check('id="flash">Đã tạo kỳ báo cáo.<' in page.text, "no 'created' message")
    m = re.search(r'<tr id="period-%d">(.*?)</tr>' % pid, page.text, re.S)
    check(m is not None, "the new period is not listed")
    row = text_of(m.group(1))
    check("Quý 2/2045" in row and "15/03/2045 – 14/06/2045" in row and "01/06/2045" in row
          and "20/06/2045" in row and "Chưa mở / đã đóng" in row, "listed as %r" % row)
    # it asks the indicators active now, of the kinds that report them
    want = {(k, code) for code, kinds in sql("SELECT code, unit_kinds FROM indicator WHERE active = 1")
            for k in kinds.split(",")}
    got = {tuple(x) for x in sql("SELECT pi.unit_kind, i.code FROM period_indicator pi JOIN indicator i "
                                 "ON i.id = pi.indicator_id WHERE pi.period_id = %d" % pid)}
    check(got == want, "asked: %d rows, want %d; extra %r, missing %r"
          % (len(got), len(want), sorted(got - want)[:5], sorted(want - got)[:5]))
    check(("department", "KTS-GRDP") in got and ("commune", "KTS-GRDP") not in got, "kinds of KTS-GRDP")
    # a duplicate
    r = create("Q", 2045, 2)
    check(r.status == 422 and cal_error(r) == MSG["period_exists"], "duplicate: %d %r" % (r.status, cal_error(r)))
    check(r.field("year") == "2045" and r.field("seq") == "2", "typed values not kept")
    check(sql("SELECT COUNT(*) FROM period WHERE kind = 'Q' AND year = 2045 AND seq = 2") == [["1"]], "two rows")
    # bad dates, and a due date before the opening
    for opens, due in (("", "31/02/2045"), ("", "2045-02-30"), ("", "20-09-2045"), ("32/08/2045", ""),
                       ("", "20/9/45"), ("", "hôm nay")):
        r = create("Q", 2045, 3, opens, due)
        check(r.status == 422 and cal_error(r) == MSG["date"], "opens %r due %r: %d %r"
              % (opens, due, r.status, cal_error(r)))
        check(r.field("due") == due and r.field("opens") == opens, "typed dates not kept")
    r = create("Q", 2045, 3, "25/09/2045", "20/09/2045")
    check(r.status == 422 and cal_error(r) == MSG["due_before_open"], "due before opens: %d" % r.status)
    check(period_id("Q", 2045, 3) is None, "a refused period was created")
    # typed dates are kept as typed
    r = create("Q", 2045, 3, "01/09/2045", "25/09/2045")
    check(r.status == 303, "Q3 with dates: %d" % r.status)
    check(stored("Q", 3) == [["2045-06-15", "2045-09-14", "2045-09-01", "2045-09-25", "0", "0"]],
          "Q3/2045: %r" % stored("Q", 3))
    # half-year and year windows
    check(create("H", 2045, 1).status == 303 and create("H", 2045, 2).status == 303
          and create("Y", 2045, 1).status == 303, "half-year / year")
    for kind, seq, want in (("H", 1, ["2044-12-15", "2045-06-14", "2045-06-01", "2045-06-20", "0", "0"]),
                            ("H", 2, ["2045-06-15", "2045-12-14", "2045-12-01", "2045-12-20", "0", "0"]),
                            ("Y", 1, ["2044-12-15", "2045-12-14", "2045-12-01", "2045-12-20", "0", "0"])):
        check(stored(kind, seq) == [want], "%s%d/2045: %r" % (kind, seq, stored(kind, seq)))
    # periods that do not exist, or a form without them
    for kind, seq in (("H", 3), ("Y", 2)):
        r = create(kind, 2045, seq)
        check(r.status == 422 and MSG["period_invalid"] in (cal_error(r) or ""), "%s%d: %d" % (kind, seq, r.status))
    check(create("Q", 2045, 5).status == 400, "quarter 5 is not refused at the edge")
    check(create("Q", 1999, 1).status == 400, "year 1999 is not refused at the edge")
    r = c.post("/review/periods", {"csrf": token, "kind": "Q", "year": "2045"})
    check(r.status == 422 and cal_error(r) == MSG["period_missing"], "no seq: %d" % r.status)
    check(sql("SELECT COUNT(*) FROM period WHERE year = 2045 AND (kind = 'H' AND seq > 2 OR kind = 'Y' AND seq > 1)")
          == [["0"]], "an impossible period was stored")


@test
def calendar_open_close_lock_and_unlock_with_a_reason():
    pid = ensure_period("Q", 2045, 4)
    o = officer("TEST-RV-CAL")
    c = reviewer()
    wid = str(user_id(WG))
    mark = audit_mark()
    for action, want, loc in (("close", ("0", "0"), "close"), ("open", ("1", "0"), "open"),
                              ("lock", ("1", "1"), "lock")):
        r = set_state(c, pid, action)
        check(r.status == 303 and r.header("Location") == "/review/periods?done=" + loc,
              "%s: %d %r" % (action, r.status, r.header("Location")))
        check(period_state(pid) == want, "after %s: %r" % (action, period_state(pid)))
        if action == "close":
            r = officer_post(o, pid, "save", {"v_DVC-TOTAL": "1"})
            check(r.status == 403 and MSG["closed"] in r.text, "officer saves into a closed period: %d" % r.status)
    check([x[0] for x in audit_since(mark, "entity = 'period'")] == ["period_close", "period_open", "period_lock"],
          "audit: %r" % audit_since(mark, "entity = 'period'"))
    page = c.get("/review/periods")
    m = re.search(r'<tr id="period-%d">(.*?)</tr>' % pid, page.text, re.S)
    check(m and "Đã khóa" in m.group(1) and 'value="unlock"' in m.group(1), "locked period's row")
    r = officer_post(o, pid, "save", {"v_DVC-TOTAL": "1"})
    check(r.status == 403 and MSG["locked"] in r.text, "officer saves into a locked period: %d" % r.status)
    check(sub_of("TEST-RV-CAL", pid) is None, "saved into a locked period")
    # unlocking needs a reason
    n = len(audit_since(mark))
    for reason in (None, "", "  \t "):
        r = set_state(c, pid, "unlock", reason)
        check(r.status == 422 and cal_error(r) == MSG["reason_required"], "unlock with reason %r: %d %r"
              % (reason, r.status, cal_error(r)))
        check(period_state(pid) == ("1", "1"), "unlocked without a reason")
    check(len(audit_since(mark)) == n, "a refused unlock was audited")
    why = "Đơn vị xin sửa số liệu theo kết luận cuộc họp ngày 05/01/2046"
    r = set_state(c, pid, "unlock", why)
    check(r.status == 303 and period_state(pid) == ("1", "0"), "unlock: %d %r" % (r.status, period_state(pid)))
    check(audit_since(mark)[-1] == ["period_unlock", "period", str(pid), "NULL", "NULL", why, wid],
          "audit of unlock: %r" % audit_since(mark)[-1])
    r = officer_post(o, pid, "save", {"v_DVC-TOTAL": "1"})
    check(r.status == 303, "officer saves after unlock: %d" % r.status)
    # unknown period, unknown action
    check(set_state(c, 4294967295, "lock").status == 404, "lock of an unknown period")
    check(set_state(c, pid, "delete").status == 400, "an unknown action")


@test
def period_asks_its_own_indicators_per_kind():
    p1 = ensure_period("Q", 2046, 1)
    p2 = ensure_period("Q", 2046, 2)
    for p in (p1, p2):
        restore_asked(p)
    o = officer("TEST-RV-PI")
    c = reviewer()
    ind = indicator_id("NT-BCD-HOP")
    count = lambda p: int(sql("SELECT COUNT(*) FROM period_indicator WHERE period_id = %d" % p)[0][0])  # noqa: E731
    n1, n2 = count(p1), count(p2)
    page = c.get("/review/period-indicators?period=%d" % p1)
    check(page.status == 200, "GET period-indicators: %d" % page.status)
    boxes = re.findall(r'<input type="checkbox" name="(ask_[a-z]+_\d+)" value="1"[^>]*?( checked)?>', page.text)
    ticked = [name for name, on in boxes if on]
    check(len(ticked) == n1, "ticked boxes %d, rows %d" % (len(ticked), n1))
    key = "ask_commune_%d" % ind
    check(key in ticked and "ask_district_%d" % ind in ticked, "NT-BCD-HOP not ticked")
    check("ask_commune_%d" % indicator_id("KTS-GRDP") not in ticked, "a department-only indicator ticked for communes")
    mark = audit_mark()
    data = {name: "1" for name in ticked if name != key}
    data["csrf"] = page.csrf()
    r = c.post("/review/period-indicators?period=%d" % p1, data)
    check(r.status == 303 and r.header("Location") == "/review/periods?done=asked",
          "POST period-indicators: %d %r" % (r.status, r.header("Location")))
    check(count(p1) == n1 - 1 and count(p2) == n2, "rows: %d (was %d), other period %d (was %d)"
          % (count(p1), n1, count(p2), n2))
    kinds = sql("SELECT unit_kind FROM period_indicator WHERE period_id = %d AND indicator_id = %d "
                "ORDER BY unit_kind" % (p1, ind))
    check(kinds == [["department"], ["district"]], "NT-BCD-HOP asked of %r" % kinds)
    check(audit_since(mark) == [["ask_remove", "period_indicator", "%d:commune:NT-BCD-HOP" % p1, "NULL", "NULL",
                                 "NULL", str(user_id(WG))]], "audit: %r" % audit_since(mark))
    page = c.get("/review/period-indicators?period=%d" % p1)
    check(re.search(r'name="%s" value="1"[^>]*>' % key, page.text) and
          not re.search(r'name="%s" value="1"[^>]* checked' % key, page.text), "the box is still ticked")
    # the commune's officer no longer sees that row in this period, still in the other
    rows1 = [code for code, _ in form_rows(o.get(form_url(p1)))]
    rows2 = [code for code, _ in form_rows(o.get(form_url(p2)))]
    check("NT-BCD-HOP" not in rows1 and "DVC-TT" in rows1, "p1 rows: NT-BCD-HOP still asked")
    check("NT-BCD-HOP" in rows2, "p2 no longer asks NT-BCD-HOP")
    check(len(rows1) == len(rows2) - 1, "p1 %d rows, p2 %d" % (len(rows1), len(rows2)))
    # it can be submitted without it, and the reviewer does not see the row
    sid = submit_form(o, p1, {"v_NT-BCD-HOP": "3"})
    check(figure(sid, "NT-BCD-HOP") is None, "a value for an indicator not asked was stored")
    check('id="row-NT-BCD-HOP"' not in c.get(sub_url(sid)).text, "the review page shows a row not asked")
    # putting it back
    page = c.get("/review/period-indicators?period=%d" % p1)
    data = {name: "1" for name, on in re.findall(r'name="(ask_[a-z]+_\d+)" value="1"[^>]*?( checked)?>', page.text)
            if on}
    data[key] = "1"
    data["csrf"] = page.csrf()
    r = c.post("/review/period-indicators?period=%d" % p1, data)
    check(r.status == 303 and count(p1) == n1, "re-adding: %d, rows %d" % (r.status, count(p1)))
    check(audit_since(mark)[-1][:3] == ["ask_add", "period_indicator", "%d:commune:NT-BCD-HOP" % p1], "ask_add audit")
    # a locked period's set does not change
    sql("UPDATE period SET locked = 1 WHERE id = %d" % p2)
    page = c.get("/review/period-indicators?period=%d" % p2)
    check('id="btn-save-asked"' not in page.text, "a locked period offers to save its set")
    r = c.post("/review/period-indicators?period=%d" % p2, {"csrf": page.csrf()})
    check(r.status == 403 and count(p2) == n2, "POST on a locked period: %d, rows %d" % (r.status, count(p2)))
    check(c.get("/review/period-indicators?period=4294967295").status == 404, "unknown period")


@test
def indicator_added_later_is_asked_only_by_later_periods():
    code = "TEST-RV-NEW"
    rows = sql("SELECT id FROM indicator WHERE code = '%s'" % code)
    if rows:   # left by an earlier run: asked nowhere, retired
        sql("DELETE FROM figure WHERE indicator_id = %s; DELETE FROM period_indicator WHERE indicator_id = %s; "
            "UPDATE indicator SET active = 0 WHERE id = %s" % (rows[0][0], rows[0][0], rows[0][0]))
    drop_period("Q", 2047, 2)
    old = ensure_period("Q", 2047, 1)
    restore_asked(old)
    try:
        sql("INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, min_value, max_value, required, "
            "unit_kinds, direction, aggregation, sort, active) VALUES ('%s', 'Chỉ tiêu thử thêm năm 2047', "
            "'Test indicator added in 2047', 'awareness', 'lượt', 'integer', 0, 100, 0, 'commune', 'up', 'sum', "
            "999, 1) ON DUPLICATE KEY UPDATE active = 1, unit_kinds = 'commune', required = 0" % code)
        ind = indicator_id(code)
        o = officer("TEST-RV-NI")
        c = reviewer()
        check(sql("SELECT COUNT(*) FROM period_indicator WHERE indicator_id = %d" % ind) == [["0"]],
              "the new indicator is asked by an existing period")
        check(code not in [x for x, _ in form_rows(o.get(form_url(old)))], "the existing period's form asks it")
        page = c.get("/review/period-indicators?period=%d" % old)
        check(re.search(r'name="ask_commune_%d" value="1"[^>]*>' % ind, page.text)
              and not re.search(r'name="ask_commune_%d" value="1"[^>]* checked' % ind, page.text),
              "the existing period's set shows it ticked, or not at all")
        r = c.post("/review/periods", {"csrf": c.token("/review/queue"), "kind": "Q", "year": "2047", "seq": "2",
                                       "opens": "", "due": ""})
        check(r.status == 303, "create Q2/2047: %d" % r.status)
        new = period_id("Q", 2047, 2)
        kinds = sql("SELECT unit_kind FROM period_indicator WHERE period_id = %d AND indicator_id = %d" % (new, ind))
        check(kinds == [["commune"]], "the new period asks it of %r" % kinds)
        r = set_state(c, new, "open")
        check(r.status == 303, "open Q2/2047: %d" % r.status)
        check(code in [x for x, _ in form_rows(o.get(form_url(new)))], "the new period's form does not ask it")
        check(code not in [x for x, _ in form_rows(o.get(form_url(old)))], "the old period's form asks it now")
        # retired again: the period that asked it still does (its reports keep their shape)
        sql("UPDATE indicator SET active = 0 WHERE id = %d" % ind)
        check(code in [x for x, _ in form_rows(o.get(form_url(new)))], "retiring it dropped it from a period")
    finally:
        sql("UPDATE indicator SET active = 0 WHERE code = '%s'" % code)


# ---- completeness ----

FIX_DUE = "2048-03-20"          # Q1/2048: cut-off 15/12/2047 - 14/03/2048, due 20/03/2048
FIXTURE = [
    # code, kind, valid_from, valid_to, status, submitted_at (UTC), expected grid status, days late
    ("TEST-RV-D1", "district", "2000-01-01", None, "submitted", "2048-03-20 16:59:59", "on_time", 0),
    ("TEST-RV-D2", "district", "2000-01-01", None, "submitted", "2048-03-23 02:00:00", "late", 3),
    ("TEST-RV-D3", "district", "2000-01-01", None, "returned", "2048-03-19 03:00:00", "returned", 0),
    ("TEST-RV-D4", "district", "2000-01-01", None, None, None, "not_started", 0),
    ("TEST-RV-D5", "district", "2000-01-01", "2047-12-14", "accepted", "2048-03-10 03:00:00", None, 0),
    ("TEST-RV-D6", "district", "2000-01-01", "2047-12-15", None, None, "not_started", 0),
    ("TEST-RV-S1", "department", "2000-01-01", None, "accepted", "2048-03-21 03:00:00", "accepted", 1),
    ("TEST-RV-S2", "department", "2000-01-01", None, "draft", None, "draft", 0),
    ("TEST-RV-S3", "department", "2000-01-01", None, "submitted", "2048-03-01 03:00:00", "on_time", 0),
    ("TEST-RV-S4", "department", "2048-03-15", None, "submitted", "2048-03-16 03:00:00", None, 0),
    # 20:00 UTC on the 22nd is the 23rd in Hanoi: 3 days late, not 2
    ("TEST-RV-X1", "commune", "2000-01-01", None, "submitted", "2048-03-22 20:00:00", "late", 3),
    ("TEST-RV-X2", "commune", "2000-01-01", None, None, None, "not_started", 0),
]
STATUSES = ["not_started", "draft", "on_time", "late", "returned", "accepted"]


def completeness_fixture():
    pid = ensure_period("Q", 2048, 1)
    p2 = ensure_period("Q", 2048, 2)
    restore_asked(pid)
    restore_asked(p2)
    by = user_id(WG)
    for code, kind, vf, vt, status, at, _, _ in FIXTURE:
        uid = ensure_unit(code, kind, "Đơn vị tiến độ %s" % code[-2:], vf, vt)
        if status:
            sql("INSERT INTO submission (unit_id, period_id, status, version, created_at, created_by, updated_at, "
                "updated_by, submitted_at, submitted_by) VALUES (%d, %d, '%s', 2, '2048-03-01 01:00:00', %d, "
                "'2048-03-01 01:00:00', %d, %s, %s)" % (uid, pid, status, by, by,
                                                         "'%s'" % at if at else "NULL", by if at else "NULL"))
    # Q2/2048: D2 on time
    sql("INSERT INTO submission (unit_id, period_id, status, version, created_at, created_by, updated_at, "
        "updated_by, submitted_at, submitted_by) VALUES (%d, %d, 'submitted', 2, '2048-06-01 01:00:00', %d, "
        "'2048-06-01 01:00:00', %d, '2048-06-19 03:00:00', %d)" % (unit_id("TEST-RV-D2"), p2, by, by, by))
    return pid, p2


@test
def completeness_matches_a_hand_computed_fixture():
    reviewer()                    # the user the fixture's rows name
    pid, _ = completeness_fixture()
    c = reviewer()
    codes = [f[0] for f in FIXTURE]
    # every other unit that existed in Q1/2048 has nothing for it: not started
    base = dict(sql("SELECT kind, COUNT(*) FROM unit WHERE valid_from <= '2048-03-14' AND (valid_to IS NULL "
                    "OR valid_to >= '2047-12-15') AND code NOT IN (%s) GROUP BY kind"
                    % ", ".join("'%s'" % x for x in codes)))
    check(sql("SELECT COUNT(*) FROM submission WHERE period_id = %d AND unit_id NOT IN (SELECT id FROM unit "
              "WHERE code LIKE 'TEST-RV-%%')" % pid) == [["0"]], "other units have forms in the fixture period")
    check({k for (k,) in sql("SELECT DISTINCT unit_kind FROM period_indicator WHERE period_id = %d" % pid)}
          >= {"district", "department", "commune"},
          "the fixture period does not ask every kind")
    want = {}
    for kind in ("district", "department", "commune"):
        counts = dict.fromkeys(STATUSES, 0)
        counts["not_started"] = int(base.get(kind, 0))
        for code, k, _, _, _, _, st, _ in FIXTURE:
            if k == kind and st:
                counts[st] += 1
        total = sum(counts.values())
        done = counts["on_time"] + counts["late"] + counts["accepted"]
        pm = done * 1000 // total
        want[kind] = (total, counts, "%d,%d%%" % (pm // 10, pm % 10))
    # by hand: district 5 of ours (D5 abolished the day before the window), 2 delivered;
    # department 3 of ours (S4 founded the day after), 2 delivered; commune 2, 1 delivered
    check(want["district"][0] - int(base.get("district", 0)) == 5, "fixture arithmetic")
    page = c.get("/review/completeness?period=%d" % pid)
    check(page.status == 200, "completeness: %d" % page.status)
    check("Quý 1/2048" in page.text and "20/03/2048" in page.text, "period or due date not shown")
    for kind, (total, counts, pct) in want.items():
        m = re.search(r'<tr id="summary-%s">(.*?)</tr>' % kind, page.text, re.S)
        check(m is not None, "no summary row for %s" % kind)
        cells = m.group(1)
        got_total = re.search(r'</th><td class="num">(\d+)</td>', cells)
        check(got_total and int(got_total.group(1)) == total, "%s: units asked %r, want %d"
              % (kind, got_total and got_total.group(1), total))
        got = {s: int(n) for s, n in re.findall(r'data-status="([a-z_]+)">(\d+)<', cells)}
        check(got == counts, "%s counts %r, want %r" % (kind, got, counts))
        p = re.search(r'data-pct="1">([^<]*)<', cells).group(1)
        check(p == pct, "%s: %s, want %s" % (kind, p, pct))
        check(float(p.rstrip("%").replace(",", ".")) <= 100, "over 100 %")
    # the grid: our units' status and days late; the units outside the period are not there
    for code, kind, _, _, _, _, st, late in FIXTURE:
        m = re.search(r'<tr id="unit-%s" data-status="([a-z_]+)">(.*?)</tr>' % code, page.text, re.S)
        if st is None:
            check(m is None, "%s did not exist in Q1/2048 but is listed" % code)
            continue
        check(m is not None, "%s not in the grid" % code)
        check(m.group(1) == st, "%s: %s, want %s" % (code, m.group(1), st))
        d = re.findall(r'<td class="num">([^<]*)</td>', m.group(2))
        check(d and d[-1].strip() == (str(late) if late else ""), "%s days late %r, want %d" % (code, d, late))
    # the late units, with their days
    m = re.search(r'<ul id="late-units">(.*?)</ul>', page.text, re.S)
    check(m is not None, "no list of late units")
    late = {}
    for li in re.findall(r"<li>(.*?)</li>", m.group(1), re.S):
        t = text_of(li)
        lm = re.match(r"(.*?): (.*), (\d+) ngày muộn$", t)
        check(lm is not None, "late item %r" % t)
        late[lm.group(1)] = (lm.group(2), int(lm.group(3)))
    check(late == {"Đơn vị tiến độ D2": ("Đã gửi muộn", 3), "Đơn vị tiến độ X1": ("Đã gửi muộn", 3),
                   "Đơn vị tiến độ S1": ("Đã chấp nhận", 1)}, "late units: %r" % late)


@test
def unit_history_lists_periods_with_status_and_days_late():
    reviewer()
    completeness_fixture()
    c = reviewer()

    def history(code):
        page = c.get("/review/unit?id=%d" % unit_id(code))
        check(page.status == 200, "history of %s: %d" % (code, page.status))
        rows = []
        for tr in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", page.text, re.S):
            label = text_of(tr.split("</th>")[0])
            st = re.search(r'class="status st-([a-z_]+)"', tr).group(1)
            cells = re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
            rows.append((label, text_of(cells[0]), st, text_of(cells[-1])))
        return page, rows

    page, rows = history("TEST-RV-D2")
    check("Đơn vị tiến độ D2" in page.text and "TEST-RV-D2" in page.text, "the unit is not named")
    labels = [r[0] for r in rows]
    check("Quý 1/2048" in labels and "Quý 2/2048" in labels, "periods: %r" % labels[:8])
    check(labels.index("Quý 2/2048") < labels.index("Quý 1/2048"), "not newest first")
    check(rows[labels.index("Quý 1/2048")] == ("Quý 1/2048", "20/03/2048", "late", "3"),
          "Q1/2048: %r" % (rows[labels.index("Quý 1/2048")],))
    check(rows[labels.index("Quý 2/2048")] == ("Quý 2/2048", "20/06/2048", "on_time", "0"),
          "Q2/2048: %r" % (rows[labels.index("Quý 2/2048")],))
    check(re.search(r'href="/review/submission\?id=%d"' % sub_of("TEST-RV-D2", period_id("Q", 2048, 1)), page.text),
          "no link to the late form")
    # a unit abolished before Q1/2048 has no row for it; one founded after Q1 starts with Q2
    _, rows = history("TEST-RV-D5")
    check("Quý 1/2048" not in [r[0] for r in rows], "an abolished unit is asked for Q1/2048")
    _, rows = history("TEST-RV-S4")
    labels = [r[0] for r in rows]
    check("Quý 1/2048" not in labels and "Quý 2/2048" in labels, "a new unit's history: %r" % labels[:5])
    q2 = rows[labels.index("Quý 2/2048")]
    check(q2[2] == "not_started", "S4 in Q2/2048: %r" % (q2,))
    check(c.get("/review/unit?id=4294967295").status == 404, "an unknown unit")


# ---- the audit trail ----

def audit_page_rows(page):
    """The rows of /review/audit: (time, login, unit, entity entity_id, old, new, reason)."""
    body = page.text[page.text.find('<table class="audit" id="audit">'):]
    body = body[body.find("<tbody>"):body.find("</tbody>")]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        check(len(cells) == 7, "audit row with %d cells" % len(cells))
        login = re.search(r'<span class="meta">(.*?)</span>', cells[1], re.S)
        ent = re.search(r'<span class="meta"><a [^>]*>(.*?)</a>', cells[3], re.S)
        rows.append((html.unescape(cells[0]), html.unescape(login.group(1)) if login else "",
                     html.unescape(cells[2]), html.unescape(ent.group(1)),
                     html.unescape(cells[4]), html.unescape(cells[5]), html.unescape(cells[6])))
    return rows


def unformula(v):
    """A CSV cell as the value it stands for: the ' that disarms a formula off."""
    return v[1:] if v[:1] == "'" and v[1:2] in ("=", "+", "-", "@", "\t", "\r") else v


def audit_csv(c, query):
    r = c.get("/review/audit.csv?" + query)
    check(r.status == 200, "audit.csv?%s: %d" % (query, r.status))
    check((r.header("Content-Type") or "").startswith("text/csv"), "Content-Type %r" % r.header("Content-Type"))
    cd = r.header("Content-Disposition") or ""
    check(cd.startswith("attachment") and "nhat-ky.csv" in cd, "Content-Disposition %r" % cd)
    check(r.body.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark")
    rows = list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"), newline="")))
    check(rows and rows[0] == CSV_HEAD, "CSV header %r" % (rows and rows[0]))
    check(all(len(x) == len(CSV_HEAD) for x in rows), "a CSV row with the wrong number of cells")
    return rows[1:]


def csv_matches_page(c, query):
    """The CSV has the same rows as the page for the same search."""
    page = c.get("/review/audit?" + query)      # first: the export is audited itself
    check(page.status == 200, "audit?%s: %d" % (query, page.status))
    rows = audit_csv(c, query)
    shown = audit_page_rows(page)
    as_page = [(x[1], x[2], x[4], "%s %s" % (x[6], x[7]), unformula(x[8]), unformula(x[9]), unformula(x[10]))
               for x in rows]
    if len(shown) == 500:       # the page's limit; the CSV has them all
        check(len(rows) >= 500, "%s: page 500 rows, CSV %d" % (query, len(rows)))
        as_page = as_page[:500]
    check(len(shown) == len(as_page), "%s: page %d rows, CSV %d" % (query, len(shown), len(rows)))
    check(shown == as_page, "%s: page and CSV differ, first: %r vs %r"
          % (query, next((a for a, b in zip(shown, as_page) if a != b), None),
             next((b for a, b in zip(shown, as_page) if a != b), None)))
    return rows


@test
def audit_search_per_value_timeline_and_csv_export():
    pid = ensure_period("Q", 2049, 1)
    unit = "TEST-RV-AU"
    o = officer(unit)
    ologin = officer_login(unit)
    wlogin = "rv.wg.audit"
    c = reviewer(wlogin)
    mark = audit_mark()
    # the officer: a draft (with a formula in the problems and a note), then the submit
    r = officer_post(o, pid, "save", {"v_DVC-TOTAL": "9", "n_DVC-TOTAL": "=2+3", "problems": "=1+1"})
    check(r.status == 303, "draft: %d" % r.status)
    sid = sub_of(unit, pid)
    page = o.get(form_url(pid))
    r = officer_post(o, pid, "submit", complete_values(page, **{"v_DVC-TOTAL": "10", "n_DVC-TOTAL": "=2+3",
                                                                "problems": "=1+1"}), page)
    check(r.status == 303, "submit: %d" % r.status)
    # the reviewer corrects a value, then returns the form
    r = correct(c, sid, "DVC-TOTAL", "12", "-Đối chiếu sổ sách, có chênh lệch")
    check(r.status == 303, "correct: %d" % r.status)
    r = decide(c, sid, "return", "@Thiếu minh chứng cho DVC-TOTAL")
    check(r.status == 303, "return: %d" % r.status)
    mine = {int(i) for (i,) in sql("SELECT id FROM audit WHERE id > %d" % mark)}
    oid, wid = user_id(ologin), user_id(wlogin)

    def ids(rows):
        return {int(x[0]) for x in rows if int(x[0]) > mark}

    # per value: every figure it had, who, why (newest first)
    rows = csv_matches_page(c, "entity=figure&entity_id=%d:DVC-TOTAL" % sid)
    check([(x[5], x[2], unformula(x[8]), x[9], unformula(x[10])) for x in rows] ==
          [("correct", wlogin, "10", "12", "-Đối chiếu sổ sách, có chênh lệch"),
           ("set_value", ologin, "9", "10", "=2+3"),
           ("set_value", ologin, "", "9", "=2+3")],
          "history of the value: %r" % [(x[5], x[2], x[8], x[9], x[10]) for x in rows])
    page = c.get("/review/audit?entity=figure&entity_id=%d:DVC-TOTAL" % sid)
    check("Tổ công tác sửa số liệu" in page.text, "the correction is not named on the page")
    # per submission: its timeline
    rows = csv_matches_page(c, "entity=submission&entity_id=%d" % sid)
    check([x[5] for x in reversed(rows)] == ["set_problems", "save_draft", "submit", "return"],
          "timeline: %r" % [x[5] for x in reversed(rows)])
    check([x[2] for x in reversed(rows)] == [ologin, ologin, ologin, wlogin], "timeline actors")
    # search by unit: everything about its form since the mark (exports are the reviewer's, not the unit's)
    rows = csv_matches_page(c, "unit=%s" % unit)
    want = {int(i) for (i,) in sql("SELECT id FROM audit WHERE id > %d AND action <> 'export'" % mark)}
    check(ids(rows) == want, "unit search: extra %r, missing %r" % (sorted(ids(rows) - want), sorted(want - ids(rows))))
    check(all(x[4] == unit for x in rows), "a row of another unit: %r" % [x for x in rows if x[4] != unit][:1])
    # by indicator (and unit)
    rows = csv_matches_page(c, "unit=%s&indicator=DVC-TOTAL" % unit)
    check(ids(rows) == {int(i) for (i,) in sql("SELECT id FROM audit WHERE id > %d AND entity = 'figure' AND "
                                               "entity_id = '%d:DVC-TOTAL'" % (mark, sid))}
          and len(ids(rows)) == 3, "indicator search: %r" % sorted(ids(rows)))
    rows = audit_csv(c, "indicator=DVC-TOTAL")
    check(all(x[6] == "figure" and x[7].endswith(":DVC-TOTAL") for x in rows), "indicator search, other rows")
    # by user
    rows = csv_matches_page(c, "user=%s" % ologin)
    check(ids(rows) == {int(i) for (i,) in sql("SELECT id FROM audit WHERE id > %d AND actor_id = %d"
                                               % (mark, oid))}, "officer's rows")
    check(all(x[2] == ologin for x in rows), "a row by someone else")
    rows = csv_matches_page(c, "user=%s" % wlogin)
    acts = [x[5] for x in rows if int(x[0]) > mark]
    check("correct" in acts and "return" in acts and all(x[2] == wlogin for x in rows), "reviewer's rows: %r" % acts)
    check(audit_csv(c, "user=nobody.at.all") == [], "an unknown user matches rows")
    # by date, in Hanoi's days: two rows either side of midnight on 10-11/01/2049
    sql("INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, entity_id, new_value) VALUES "
        "('2049-01-10 16:59:59.999', %d, %d, 'set_value', 'figure', '%d:DVC-TT', 'rv-before-midnight'), "
        "('2049-01-10 17:00:00.000', %d, %d, 'set_value', 'figure', '%d:DVC-TT', 'rv-after-midnight')"
        % (oid, unit_id(unit), sid, oid, unit_id(unit), sid))
    syn = {v: int(i) for i, v in sql("SELECT id, new_value FROM audit WHERE id > %d AND new_value LIKE 'rv-%%'"
                                     % mark)}
    mine_now = mine | set(syn.values())

    def found(query):
        return ids(audit_csv(c, query)) & mine_now

    check(found("unit=%s&from=11/01/2049&to=11/01/2049" % unit) == {syn["rv-after-midnight"]}, "11/01/2049")
    check(found("unit=%s&from=10/01/2049&to=10/01/2049" % unit) == {syn["rv-before-midnight"]}, "10/01/2049")
    check(found("unit=%s&to=10/01/2049" % unit) == mine_now - {syn["rv-after-midnight"]}, "to 10/01/2049")
    today = sql("SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 7 HOUR, '%d/%m/%Y')")[0][0]
    check(found("unit=%s&from=%s&to=%s" % (unit, today, today)) == mine, "today (%s)" % today)
    check(found("unit=%s&from=12/01/2049" % unit) == set(), "from 12/01/2049")
    csv_matches_page(c, "unit=%s&from=10/01/2049&to=11/01/2049" % unit)
    for bad in ("from=31/02/2049", "to=2049-13-01", "from=10.01.2049", "from=h%C3%B4m%20qua"):
        check(c.get("/review/audit?" + bad).status == 400, "%s not refused" % bad)
    check(c.get("/review/audit?entity=password").status == 400, "an unknown entity")
    # every entity the programs have written so far: each row's link opens
    for (entity,) in sql("SELECT DISTINCT entity FROM audit"):
        r = c.get("/review/audit?entity=%s" % entity)
        check(r.status == 200, "the trail of entity %r: %d" % (entity, r.status))
    # the CSV disarms formulas: no cell starts with = + - @
    rows = audit_csv(c, "unit=%s" % unit)
    cells = [v for x in rows for v in x]
    check("'=1+1" in cells and "'=2+3" in cells and "'-Đối chiếu sổ sách, có chênh lệch" in cells
          and "'@Thiếu minh chứng cho DVC-TOTAL" in cells, "neutralised cells missing")
    check(not [v for v in cells if v[:1] in ("=", "+", "-", "@")], "a formula left armed: %r"
          % [v for v in cells if v[:1] in ("=", "+", "-", "@")][:3])
    problems = [x for x in rows if x[5] == "set_problems" and x[7] == str(sid)]
    check(len(problems) == 1 and problems[0][9] == "'=1+1", "set_problems row: %r" % problems)
    # the page shows the text as typed (escaped, not disarmed)
    page = c.get("/review/audit?entity=submission&entity_id=%d" % sid)
    check(">=1+1</td>" in page.text, "the page does not show =1+1 as typed")
    # each export is itself audited
    n = len(audit_since(mark, "action = 'export'"))
    audit_csv(c, "unit=%s" % unit)
    check(len(audit_since(mark, "action = 'export'")) == n + 1, "the export was not audited")
    check(audit_since(mark, "action = 'export'")[-1][6] == str(wid), "export audited under another actor")


@test
def review_account_cannot_rewrite_the_audit_trail():
    pw = secrets()["REVIEW_PW"]
    n = sql("SELECT COUNT(*), MAX(id) FROM audit")[0]
    ok, err = sql_as("egov_review", pw, "SELECT COUNT(*) FROM audit")
    check(ok, "the review account cannot read the audit trail: %s" % err)
    for q in ("UPDATE audit SET reason = 'x' WHERE id = %s" % n[1], "DELETE FROM audit WHERE id = %s" % n[1],
              "DELETE FROM audit", "TRUNCATE TABLE audit", "DROP TABLE audit",
              "REPLACE INTO audit (id, at, action, entity, entity_id) VALUES (%s, UTC_TIMESTAMP(), 'x', 'x', 'x')"
              % n[1]):
        ok, err = sql_as("egov_review", pw, q)
        check(not ok and "denied" in err.lower(), "egov_review may run %r: %s" % (q, err.strip()))
    check(sql("SELECT COUNT(*) FROM audit WHERE id <= %s" % n[1])[0][0] == n[0], "audit rows changed")


# ---- the overview (last: when it fails it takes the database down) ----

@test
def overview_counts_each_period_and_survives_being_viewed_again():
    """/review/ (where the working group lands after login) counts, per
    period, the units asked and the forms at each step.  Viewed again and
    again it must keep working: each worker executes its prepared statement
    many times."""
    pid = ensure_period("Q", 2041, 2)
    ids = [submit_form(officer(code, kind), pid) for code, kind in
           (("TEST-RV-H1", "commune"), ("TEST-RV-H2", "district"), ("TEST-RV-H3", "commune"))]
    c = reviewer()
    check(decide(c, ids[0], "accept").status == 303, "accept")
    check(decide(c, ids[1], "return", "Bổ sung số liệu").status == 303, "return")
    asked = int(sql("SELECT COUNT(*) FROM unit u JOIN period p ON p.id = %d WHERE u.valid_from <= p.cutoff_end "
                    "AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start) AND u.kind IN (SELECT unit_kind "
                    "FROM period_indicator WHERE period_id = p.id)" % pid)[0][0])
    for i in range(6):
        home = c.get("/review/")
        check(home.status == 200, "/review/ viewed %d times: %d" % (i + 1, home.status))
        m = re.search(r"<tr>\s*<th scope=\"row\">Quý 2/2041</th>(.*?)</tr>", home.text, re.S)
        check(m is not None, "Q2/2041 not on the overview")
        nums = [text_of(x) for x in re.findall(r'<td class="num">(.*?)</td>', m.group(1), re.S)]
        check(nums == [str(asked), "1", "1", "1", "0"], "units asked, waiting, accepted, returned, draft: %r, "
              "want %r" % (nums, [str(asked), "1", "1", "1", "0"]))
        check(re.search(r'href="/review/queue\?period=%d">1<' % pid, home.text), "no link to the waiting form")
    check(sql("SELECT 1") == [["1"]], "the database is gone")


run()
